package dev.dnsflip.observe;

import java.util.Arrays;

/** Nearest-rank percentiles of a sample: the smallest value with at least p% of the sample at or below it. */
public final class Percentiles {
  private final long[] sorted;

  public Percentiles(long[] values, int count) {
    sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
  }

  public boolean isEmpty() {
    return sorted.length == 0;
  }

  public long percentile(double p) {
    if (sorted.length == 0) {
      throw new IllegalStateException("empty sample");
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  public long max() {
    return sorted[sorted.length - 1];
  }
}
