package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * Uses and stale uses per time bucket after a switch event (bucket b covers offsets
 * [b·bucketMs, (b+1)·bucketMs)), summed over replications. Equal when the counts are equal, so
 * results holding a series compare as values.
 */
public record StaleSeries(long bucketMs, long[] uses, long[] staleUses) {
  /** Stale share of bucket b, or NaN when it saw no use. */
  public double share(int b) {
    return uses[b] == 0 ? Double.NaN : (double) staleUses[b] / uses[b];
  }

  public int buckets() {
    return uses.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StaleSeries other && bucketMs == other.bucketMs && Arrays.equals(uses, other.uses)
        && Arrays.equals(staleUses, other.staleUses);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(bucketMs) + Arrays.hashCode(uses)) + Arrays.hashCode(staleUses);
  }

  @Override
  public String toString() {
    return "StaleSeries[bucketMs=" + bucketMs + ", uses=" + Arrays.toString(uses) + ", staleUses="
        + Arrays.toString(staleUses) + "]";
  }
}
