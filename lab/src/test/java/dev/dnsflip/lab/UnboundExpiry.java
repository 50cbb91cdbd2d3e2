package dev.dnsflip.lab;

/**
 * When a real Unbound 1.17 lets go of a cache entry, from its whole-second clock. Unbound reads
 * the time once per event as whole seconds, stores an entry's expiry as E = now + TTL, answers
 * with TTL E - now, and drops the entry only once now > E (the lab observes this: the entry is
 * still answered, with TTL 0, throughout second E). So an entry stored at wall time f is answered
 * until the end of second floor(f) + TTL and refetched by the first query after that: it lives
 * between TTL and TTL + 1 seconds, where the simulator keeps it exactly TTL.
 *
 * <p>The wall time of the store is only known to lie in [fromMs, toMs] (the authority received
 * Unbound's query at fromMs; the client had the answer at toMs), and Unbound's clock lags the wall
 * clock by up to {@link WholeSecondExpiry#CLOCK_LAG_MS}, so E is known as [loS, hiS], equal unless
 * that interval, so widened, straddles a second boundary.
 */
record UnboundExpiry(long loS, long hiS, long ttlS) implements WholeSecondExpiry {

  static UnboundExpiry storedBetween(long fromMs, long toMs, long ttlS) {
    return new UnboundExpiry(WholeSecondExpiry.earliestSecond(fromMs) + ttlS, second(toMs) + ttlS, ttlS);
  }

  /** The smallest TTL Unbound can put on a cached answer to a query it handled within the observation. */
  @Override
  public long minTtl(Observation o) {
    return Math.max(0, loS - second(o.receivedMs()));
  }

  /** The largest such TTL. */
  @Override
  public long maxTtl(Observation o) {
    return Math.min(ttlS, hiS - WholeSecondExpiry.earliestSecond(o.sentMs()));
  }

  /** Unbound's clock passes E at this wall time at the latest: no query sent from then on gets the entry. */
  @Override
  public long answeredUntilMs() {
    return (hiS + 1) * 1000 + CLOCK_LAG_MS;
  }

  /** Unbound's clock passes E at this wall time at the earliest: no answer received before it is a refetch. */
  @Override
  public long refetchedFromMs() {
    return (loS + 1) * 1000;
  }

  /** Queries sent in second E get the entry with TTL 0. */
  @Override
  public boolean answersTtlZero() {
    return true;
  }

  private static long second(long ms) {
    return Math.floorDiv(ms, 1000);
  }
}
