package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * How far the runs (replications) spread around the pooled stale share: per time bucket, the
 * smallest and largest stale share any single run with a use there had (both 0 where no run had a
 * use, as the pooled series then shows: no value is NaN, so results compare as values). With one
 * run both equal that run's share.
 */
public record ShareBand(double[] low, double[] high) {
  public ShareBand {
    if (low.length != high.length) {
      throw new IllegalArgumentException("low and high need one value per bucket each");
    }
  }

  public int buckets() {
    return low.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ShareBand other && Arrays.equals(low, other.low) && Arrays.equals(high, other.high);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
  }

  @Override
  public String toString() {
    return "ShareBand[low=" + Arrays.toString(low) + ", high=" + Arrays.toString(high) + "]";
  }
}
