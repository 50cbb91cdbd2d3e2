package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.simulation.Limits;

/**
 * How resolver caches look at the start of a run.
 *
 * <p>STEADY (default): each slot holds an answer with its stationary probability
 * H = λL/(1+λL) and, when present, an age uniform on [0, L) (Jung, Berger, Balakrishnan 2003), L the
 * longest lifetime an entry can have in that cache (the simulation derives it: floors, stale reply
 * TTLs down forwarder chains, client cache lifetimes), then settles where the fill is not exact.
 * Caches that all start empty fill together and expire together for many TTL cycles, so a switch
 * landing on a multiple of the TTL would look almost instantaneous: a wrong answer.
 * COLD: all caches empty at t = 0. WARMUP: empty at t = -warmupMs, nothing observed before 0.
 */
public record InitialCache(Mode mode, long warmupMs) {
  public enum Mode { STEADY, COLD, WARMUP }

  public static final InitialCache STEADY = new InitialCache(Mode.STEADY, 0);
  public static final InitialCache COLD = new InitialCache(Mode.COLD, 0);

  public InitialCache {
    if (mode == Mode.WARMUP ? warmupMs <= 0 : warmupMs != 0) {
      throw new ModelRuleException("warm-up needs a positive duration, other modes none");
    }
    if (warmupMs > Limits.DURATION_MS.max()) {
      throw new ModelRuleException(Limits.DURATION_MS.refusal("the warm-up lasts " + warmupMs + " ms"));
    }
  }

  public static InitialCache warmup(long warmupMs) {
    return new InitialCache(Mode.WARMUP, warmupMs);
  }

  /** Simulated time at which the run starts (negative during a warm-up). */
  public long startMs() {
    return -warmupMs;
  }

  public String describe() {
    return switch (mode) {
      case STEADY -> "steady";
      case COLD -> "cold";
      case WARMUP -> "warmup " + warmupMs + "ms";
    };
  }
}
