package dev.dnsflip.resolver;

/**
 * The outcome of one lookup packed into a {@code long}, so the hot path hands results back as
 * values without allocating and without fields to read afterwards: the answer id (or
 * {@link Upstream#FAILED}), whether it came from cache, and the TTL passed on with it.
 *
 * <p>Layout: bits 0–40 the TTL in ms (2^41 ms exceeds the largest DNS TTL, 2^31 − 1 s), bit 41
 * the hit flag, bits 42–63 the answer id + 1 (so a failure is 0).
 */
public final class Resolution {
  /** No answer (timeout, SERVFAIL): not a hit, no TTL. */
  public static final long FAILED = 0L;
  /** Answer ids must stay below this to fit. */
  public static final int MAX_ANSWERS = (1 << 22) - 1;
  static final long MAX_TTL_MS = (1L << 41) - 1;
  private static final int HIT_BIT = 41;
  private static final int ANSWER_SHIFT = 42;

  private Resolution() {}

  /** An answer from upstream or from cache, with the TTL passed on. */
  public static long of(int answer, boolean hit, long ttlMs) {
    if (answer == Upstream.FAILED) {
      return FAILED;
    }
    if (ttlMs < 0 || ttlMs > MAX_TTL_MS || answer < 0 || answer >= MAX_ANSWERS) {
      throw new IllegalArgumentException("cannot pack answer " + answer + " with TTL " + ttlMs + " ms");
    }
    return ((long) (answer + 1) << ANSWER_SHIFT) | (hit ? 1L << HIT_BIT : 0) | ttlMs;
  }

  /** The answer id, or {@link Upstream#FAILED}. */
  public static int answer(long resolution) {
    return (int) (resolution >>> ANSWER_SHIFT) - 1;
  }

  public static boolean failed(long resolution) {
    return resolution == FAILED;
  }

  public static boolean hit(long resolution) {
    return (resolution & (1L << HIT_BIT)) != 0;
  }

  public static long ttlMs(long resolution) {
    return resolution & MAX_TTL_MS;
  }

  /** The same answer and TTL, marked as (not) from cache. */
  public static long withHit(long resolution, boolean hit) {
    if (resolution == FAILED) {
      return FAILED;
    }
    return hit ? resolution | 1L << HIT_BIT : resolution & ~(1L << HIT_BIT);
  }

  /** A readable form for messages and tests. */
  public static String describe(long resolution) {
    return failed(resolution) ? "failed"
        : "answer " + answer(resolution) + (hit(resolution) ? " (hit)" : " (miss)") + ", TTL " + ttlMs(resolution) + " ms";
  }
}
