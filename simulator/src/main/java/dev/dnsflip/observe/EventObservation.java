package dev.dnsflip.observe;

/**
 * What one replication observed of one switch event, the input of every metric: totals, the
 * series, and per observed client the last stale use (0 when all its uses were fresh) and, for
 * clients with a fresh use, the first one.
 *
 * @param windowMs from the event to the next one (or the end of the run)
 * @param bucketUses uses per time bucket after the event
 * @param clientsWithStaleUse observed clients with at least one stale use (at any offset, 0 included)
 */
public record EventObservation(long windowMs, long bucketMs, long uses, long staleUses, long[] bucketUses,
    long[] bucketStaleUses, Percentiles lastStale, int clientsWithStaleUse, Percentiles firstFresh) {

  /** Clients with at least one use inside the window. */
  public int clientsObserved() {
    return lastStale.size();
  }

  /**
   * Index of the last bucket whose stale share is at or above {@code threshold} (above 0 for
   * threshold 0), or -1 when there is none.
   */
  public int lastBucketAtOrAbove(double threshold) {
    for (int b = bucketUses.length - 1; b >= 0; b--) {
      if (bucketStaleUses[b] == 0) {
        continue;
      }
      if (threshold == 0 || (double) bucketStaleUses[b] / bucketUses[b] >= threshold) {
        return b;
      }
    }
    return -1;
  }

  /** Whether the stale share was still at or above {@code threshold} in the window's last bucket. */
  public boolean stillAtOrAboveAtWindowEnd(double threshold) {
    return lastBucketAtOrAbove(threshold) == bucketUses.length - 1;
  }

  /**
   * The end of the last bucket at or above {@code threshold} (0 when none), capped at the window;
   * the window length itself when the share never fell below it (censored).
   */
  public double timeBelow(double threshold) {
    int lastAbove = lastBucketAtOrAbove(threshold);
    if (lastAbove == bucketUses.length - 1) {
      return windowMs;
    }
    return lastAbove < 0 ? 0 : Math.min(windowMs, (lastAbove + 1) * bucketMs);
  }
}
