package dev.dnsflip.resolver;

import java.util.Objects;

/**
 * How one recursive cache keeps and passes on answers: a bundle of small policies composed by
 * configuration. {@code passOriginalTtl}: answers carry the TTL the entry was stored with, not the
 * remaining one (Unbound serve-original-ttl), so downstream caches restart the clock.
 * {@code capacity}: at most that many entries (RRsets), the least recently used evicted first;
 * 0 = unlimited.
 */
public record ResolverBehaviour(TtlClamps clamps, ServeStale serveStale, Prefetch prefetch, boolean passOriginalTtl,
    int capacity) {
  /** TTL-honouring: keeps answers exactly their TTL, passes on the remaining TTL. */
  public static final ResolverBehaviour TTL_HONOURING =
      new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false);

  /** Unlimited capacity. */
  public ResolverBehaviour(TtlClamps clamps, ServeStale serveStale, Prefetch prefetch, boolean passOriginalTtl) {
    this(clamps, serveStale, prefetch, passOriginalTtl, 0);
  }

  public ResolverBehaviour {
    Objects.requireNonNull(clamps, "clamps");
    Objects.requireNonNull(serveStale, "serveStale");
    Objects.requireNonNull(prefetch, "prefetch");
    if (capacity < 0) {
      throw new IllegalArgumentException("cache capacity must be >= 0 (0 = unlimited)");
    }
  }
}
