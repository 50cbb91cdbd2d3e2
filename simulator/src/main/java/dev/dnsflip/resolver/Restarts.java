package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;
import java.util.List;

/**
 * When a resolver restarts and its caches empty: at listed instants of the simulated clock
 * ({@code atMs}, strictly increasing), or every {@code everyMs} from a phase of the resolver's own
 * (phase + k·everyMs); never when both are empty.
 */
public record Restarts(List<Long> atMs, long everyMs) {
  public static final Restarts NONE = new Restarts(List.of(), 0);

  public Restarts {
    atMs = List.copyOf(atMs);
    if (everyMs < 0) {
      throw new ModelRuleException("restarts need a period > 0");
    }
    if (everyMs > 0 && !atMs.isEmpty()) {
      throw new ModelRuleException("restarts are either at instants or periodic, not both");
    }
    for (int i = 1; i < atMs.size(); i++) {
      if (atMs.get(i) <= atMs.get(i - 1)) {
        throw new ModelRuleException("restart instants must be strictly increasing");
      }
    }
  }

  public static Restarts at(List<Long> instantsMs) {
    return new Restarts(instantsMs, 0);
  }

  public static Restarts every(long periodMs) {
    if (periodMs <= 0) {
      throw new ModelRuleException("restarts need a period > 0");
    }
    return new Restarts(List.of(), periodMs);
  }

  public boolean isNone() {
    return atMs.isEmpty() && everyMs == 0;
  }

  /** The first restart at or after {@code t}, or {@link Long#MAX_VALUE}; {@code phaseMs} places a periodic one. */
  public long firstAtOrAfter(long t, long phaseMs) {
    if (everyMs > 0) {
      return phaseMs + Math.floorDiv(t - phaseMs + everyMs - 1, everyMs) * everyMs;
    }
    for (long at : atMs) {
      if (at >= t) {
        return at;
      }
    }
    return Long.MAX_VALUE;
  }
}
