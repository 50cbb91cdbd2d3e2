package dev.dnsflip.observe;

/**
 * Bins of {@code width} ms from a switch event to the end of its window, and the bin of an offset
 * by a multiplication and a shift instead of a division, since the partitions' counting and the
 * observation's pass ask it of every client: with l = ⌈log2 width⌉ and m = ⌈2^(31+l) / width⌉,
 * ⌊n / width⌋ = ⌊n·m / 2^(31+l)⌋ for every 0 ≤ n < 2^31 (Granlund and Montgomery, "Division by
 * invariant integers using multiplication", 1994, theorem 4.2), and n·m stays below 2^63.
 */
final class Bins {
  private final int width;
  private final int count;
  private final long multiplier;
  private final int shift;

  Bins(int width, long windowMs) {
    if (width < 1) {
      throw new IllegalArgumentException("width must be >= 1: " + width);
    }
    this.width = width;
    this.count = (int) Math.max(1, (windowMs + width - 1) / width);
    int l = 32 - Integer.numberOfLeadingZeros(width - 1);
    shift = 31 + l;
    multiplier = ((1L << shift) + width - 1) / width;
  }

  /**
   * The bins of a window of {@code windowMs} whose series has buckets of {@code bucketMs}: their
   * width divides the bucket, so every bucket's edge is a bin's, and is as fine as {@code maxBins}
   * bins allow; null when the window holds more than {@code maxBins} buckets.
   */
  static Bins of(long windowMs, long bucketMs, int maxBins) {
    if (windowMs <= 0) {
      return new Bins(1, 0);
    }
    long buckets = (windowMs + bucketMs - 1) / bucketMs;
    if (buckets > maxBins || bucketMs > Integer.MAX_VALUE) {
      return null;
    }
    // The finest: the largest d dividing the bucket whose bins, width bucket / d, fit the cap;
    // divisors found in pairs up to the square root, not by trying every d below the bucket.
    long bound = Math.min(bucketMs, maxBins * bucketMs / windowMs);
    long best = 1;
    for (long i = 1; i * i <= bucketMs; i++) {
      if (bucketMs % i == 0) {
        for (long d : new long[] {i, bucketMs / i}) {
          if (d > best && d <= bound && (windowMs + bucketMs / d - 1) / (bucketMs / d) <= maxBins) {
            best = d;
          }
        }
      }
    }
    if (best > 1) {
      return new Bins((int) (bucketMs / best), windowMs);
    }
    return new Bins((int) bucketMs, windowMs);
  }

  /** The bin of an offset in [0, 2^31): offset / width. */
  int of(int offset) {
    return (int) ((offset * multiplier) >>> shift);
  }

  int width() {
    return width;
  }

  /** Bins up to the window's end, at least one. */
  int count() {
    return count;
  }
}
