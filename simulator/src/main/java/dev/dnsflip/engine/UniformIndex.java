package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * A uniform index in [0, n) by Lemire's multiply-and-shift ("Fast Random Integer Generation in an
 * Interval", ACM TOMACS 29(1), 2019): the high half of a 32-bit draw times n, with the few draws
 * that would favour some indices rejected, so it is exactly uniform. A division happens only
 * when the low half falls below n, about n in 2^32 draws: the JDK's bounded draw divides every
 * time, and each query of the event-by-event loop picks its client this way.
 */
public final class UniformIndex {
  private static final long WORD = 1L << 32;

  private UniformIndex() {}

  /** A uniform index in [0, n), n ≥ 1. */
  public static int below(SplittableRandom random, int n) {
    return below(random.nextInt(), n, random);
  }

  /**
   * A uniform index in [0, n), n ≥ 1, from a uniform random 32-bit {@code word}, and from
   * {@code more} in the rare draws that need more: for a caller that makes its random words itself.
   */
  public static int below(int word, int n, SplittableRandom more) {
    long m = (word & 0xFFFF_FFFFL) * n;
    long low = m & 0xFFFF_FFFFL;
    if (low < n) {
      long threshold = (WORD - n) % n; // 2^32 mod n: the draws of the uneven remainder
      while (low < threshold) {
        m = (more.nextInt() & 0xFFFF_FFFFL) * n;
        low = m & 0xFFFF_FFFFL;
      }
    }
    return (int) (m >>> 32);
  }
}
