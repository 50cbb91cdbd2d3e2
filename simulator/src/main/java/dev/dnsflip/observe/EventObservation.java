package dev.dnsflip.observe;

/**
 * What one replication observed of one switch event, the input of every metric: totals, the
 * series, and per observed client the last stale use (0 when all its uses were fresh) and, for
 * clients with a fresh use, the first one.
 *
 * @param windowMs from the event to the next one (or the end of the run)
 * @param bucketUses uses per time bucket after the event
 * @param clientsWithStaleUse observed clients with at least one stale use (at any offset, 0 included)
 * @param firstFresh the first fresh use of each observed client that had one
 * @param clientsNeverFresh observed clients without a fresh use inside the window: their first fresh
 *     use, if any, came after it, so they rank after every client in {@code firstFresh}
 */
public record EventObservation(long windowMs, long bucketMs, long uses, long staleUses, long[] bucketUses,
    long[] bucketStaleUses, Percentiles lastStale, int clientsWithStaleUse, Percentiles firstFresh,
    int clientsNeverFresh) {

  /** Every observed client had a fresh use. */
  public EventObservation(long windowMs, long bucketMs, long uses, long staleUses, long[] bucketUses,
      long[] bucketStaleUses, Percentiles lastStale, int clientsWithStaleUse, Percentiles firstFresh) {
    this(windowMs, bucketMs, uses, staleUses, bucketUses, bucketStaleUses, lastStale, clientsWithStaleUse, firstFresh,
        0);
  }

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

  /** Where the window's last bucket starts (0 for a window of one bucket or none). */
  public long lastBucketStartMs() {
    return Math.max(0, bucketUses.length - 1) * bucketMs;
  }

  /**
   * Whether a last-stale offset may not be the client's last: it lies in the window's last bucket,
   * which had stale uses, so the client may have stayed stale past the window's end.
   */
  public boolean lastStaleOpenAtWindowEnd(double offsetMs) {
    int last = bucketUses.length - 1;
    return last >= 0 && bucketStaleUses[last] > 0 && offsetMs >= lastBucketStartMs();
  }

  /**
   * Nearest-rank percentile of the first fresh use over every observed client, those without a
   * fresh use ranked last at the window's length (censored: their first fresh use came later, if
   * at all). When no client was observed, no client got a fresh answer inside the window either:
   * the window's length, censored, not a 0 that would read as "fresh at once".
   */
  public double firstFreshPercentile(double p) {
    return firstFreshCensored(p) ? windowMs : firstFresh.sorted(Percentiles.rank(p, (long) firstFresh.size() + clientsNeverFresh));
  }

  /**
   * Whether {@link #firstFreshPercentile} lands on a client that had no fresh use in the window, or
   * there was no client to rank.
   */
  public boolean firstFreshCensored(double p) {
    long n = (long) firstFresh.size() + clientsNeverFresh;
    return n == 0 || Percentiles.rank(p, n) > firstFresh.size();
  }
}
