package dev.dnsflip.scenarios;

import dev.dnsflip.client.ClientCache;

/**
 * A registry entry of a client cache kind, with the laws the explorer checks it against
 * (docs/ARCHITECTURE.md, "Laws").
 */
public interface ClientCacheKind extends PolicyKind<ClientCache> {
  /** Whether the kind keeps an answer no longer than the TTL it arrived with. */
  boolean keepsAtMostTtl();

  /**
   * Until when a client of this cache keeps using a replaced answer (exclusive, relative to the
   * switch plus the propagation delay), given {@code lastHandOutMs}, before which its resolver last
   * handed it out, and {@code copyExpiryMs}, when the copy it handed out expires. Saturates at
   * {@code Long.MAX_VALUE}.
   */
  long keptUntilMs(ClientCache cache, long lastHandOutMs, long copyExpiryMs);

  /** Saturating addition of non-negative values. */
  static long add(long a, long b) {
    long r = a + b;
    return r < a ? Long.MAX_VALUE : r;
  }

  /** Seconds as milliseconds, saturating. */
  static long ms(long seconds) {
    return seconds > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : seconds * 1000;
  }
}
