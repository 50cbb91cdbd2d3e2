package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;
import java.util.Objects;

/**
 * How one recursive cache keeps and passes on answers: a bundle of small policies composed by
 * configuration. {@code passOriginalTtl}: answers carry the TTL the entry was stored with, not the
 * remaining one (Unbound serve-original-ttl), so downstream caches restart the clock.
 * {@code capacity}: at most that many entries (RRsets), the least recently used evicted first;
 * 0 = unlimited. {@code clock}: milliseconds (the model's unit) or whole seconds as Unbound keeps
 * them ({@link CacheClock}).
 */
public record ResolverBehaviour(TtlClamps clamps, ServeStale serveStale, Prefetch prefetch, boolean passOriginalTtl,
    int capacity, CacheClock clock) {
  /** TTL-honouring: keeps answers exactly their TTL, passes on the remaining TTL. */
  public static final ResolverBehaviour TTL_HONOURING =
      new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false);

  /** Unlimited capacity, millisecond clock. */
  public ResolverBehaviour(TtlClamps clamps, ServeStale serveStale, Prefetch prefetch, boolean passOriginalTtl) {
    this(clamps, serveStale, prefetch, passOriginalTtl, 0);
  }

  /** Millisecond clock. */
  public ResolverBehaviour(TtlClamps clamps, ServeStale serveStale, Prefetch prefetch, boolean passOriginalTtl,
      int capacity) {
    this(clamps, serveStale, prefetch, passOriginalTtl, capacity, CacheClock.MILLISECOND);
  }

  public ResolverBehaviour {
    Objects.requireNonNull(clamps, "clamps");
    Objects.requireNonNull(serveStale, "serveStale");
    Objects.requireNonNull(prefetch, "prefetch");
    Objects.requireNonNull(clock, "clock");
    if (capacity < 0) {
      throw new ModelRuleException("cache capacity must be >= 0 (0 = unlimited)");
    }
  }

  // Copies with one policy changed and every other kept (the clock included).

  public ResolverBehaviour withClamps(TtlClamps c) {
    return new ResolverBehaviour(c, serveStale, prefetch, passOriginalTtl, capacity, clock);
  }

  public ResolverBehaviour withServeStale(ServeStale s) {
    return new ResolverBehaviour(clamps, s, prefetch, passOriginalTtl, capacity, clock);
  }

  public ResolverBehaviour withPrefetch(Prefetch p) {
    return new ResolverBehaviour(clamps, serveStale, p, passOriginalTtl, capacity, clock);
  }

  public ResolverBehaviour withPassOriginalTtl(boolean original) {
    return new ResolverBehaviour(clamps, serveStale, prefetch, original, capacity, clock);
  }

  public ResolverBehaviour withCapacity(int entries) {
    return new ResolverBehaviour(clamps, serveStale, prefetch, passOriginalTtl, entries, clock);
  }

  public ResolverBehaviour withClock(CacheClock c) {
    return new ResolverBehaviour(clamps, serveStale, prefetch, passOriginalTtl, capacity, c);
  }

  /** Whether the cache keeps whole seconds ({@link CacheClock#WHOLE_SECOND}). */
  public boolean wholeSecondClock() {
    return clock == CacheClock.WHOLE_SECOND;
  }
}
