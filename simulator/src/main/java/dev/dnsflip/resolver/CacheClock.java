package dev.dnsflip.resolver;

/**
 * The clock a cache keeps its entries by.
 *
 * <p>{@link #MILLISECOND} (the model's unit, the default): an RRset stored at f with TTL T is fresh
 * while {@code now < f + T} and passes on the remaining {@code f + T - now} milliseconds.
 *
 * <p>{@link #WHOLE_SECOND} (Unbound; measured against Unbound 1.17.1 in the lab, see
 * docs/ARCHITECTURE.md "Time and determinism"): the cache reads the time as whole seconds. A
 * received TTL is taken in whole seconds (rounded down, as on the wire) before the clamps; an entry
 * stored at f (ms) with the clamped TTL T (s) expires at second E = ⌊f/1000⌋ + T and is dropped only
 * once the clock is past E, so it is answered throughout second E (with TTL 0): it is fresh while
 * {@code now < (E + 1)·1000}, a lifetime of T to T + 1 s, and passes on E − ⌊now/1000⌋ whole
 * seconds. A TTL of 0 (after the clamps) is not cached at all: as in Unbound ("TTL 0: dropped msg
 * from cache"), the answer goes to the query that fetched it and nothing later.
 *
 * <p>Either way the cache keeps one exclusive expiry in ms, so the hit check is the same
 * {@code now < expiry}; only storing and the TTL passed on differ.
 */
public enum CacheClock {
  MILLISECOND("millisecond"),
  WHOLE_SECOND("second");

  private final String key;

  CacheClock(String key) {
    this.key = key;
  }

  /** The scenario file's word for it ({@code clock: second|millisecond}). */
  public String key() {
    return key;
  }

  public static CacheClock fromKey(String key) {
    for (CacheClock c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }

  // The whole-second arithmetic, for CachingResolver (the millisecond clock needs none).

  /** ⌊ttl / 1 s⌋ in ms. */
  static long wholeSecondsMs(long ttlMs) {
    return ttlMs - ttlMs % 1000;
  }

  /** Start of the second that holds {@code ms}, in ms (negative times included: warm-up). */
  static long secondStartMs(long ms) {
    return Math.floorDiv(ms, 1000) * 1000;
  }

  /** (⌊stored/1000⌋ + T + 1)·1000 for T > 0 (whole seconds); {@code storedMs} itself for T = 0: not cached. */
  static long wholeSecondExpiryMs(long storedMs, long ttlMs) {
    return ttlMs <= 0 ? storedMs : secondStartMs(storedMs) + ttlMs + 1000;
  }

  /** E − ⌊now/1000⌋ whole seconds, where E = expiry/1000 − 1 is the last second the entry is answered. */
  static long wholeSecondRemainingMs(long expiryMs, long nowMs) {
    return expiryMs - 1000 - secondStartMs(nowMs);
  }
}
