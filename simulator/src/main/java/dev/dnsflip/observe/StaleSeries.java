package dev.dnsflip.observe;

/**
 * Uses and stale uses per time bucket after a switch event (bucket b covers offsets
 * [b·bucketMs, (b+1)·bucketMs)), summed over replications.
 */
public record StaleSeries(long bucketMs, long[] uses, long[] staleUses) {
  /** Stale share of bucket b, or NaN when it saw no use. */
  public double share(int b) {
    return uses[b] == 0 ? Double.NaN : (double) staleUses[b] / uses[b];
  }

  public int buckets() {
    return uses.length;
  }
}
