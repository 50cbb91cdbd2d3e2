package dev.dnsflip.lab;

import static dev.dnsflip.lab.WholeSecondExpiry.earliestSecond;
import static dev.dnsflip.lab.WholeSecondExpiry.second;

/**
 * When a real Knot Resolver 5.6 lets go of a cache entry, and the TTL it hands out meanwhile, from
 * its whole-second clock (lib/cache/api.c get_new_ttl: {@code entry->ttl - (now - entry->time)},
 * the entry served while that is >= 0). Like Unbound it keeps an entry stored at wall time f until
 * the end of second floor(f) + T (T the TTL after {@code cache.min_ttl}/{@code max_ttl}), answering
 * in that last second; unlike Unbound, an answer from the cache carries the TTL the authority gave
 * ({@code handedS}) less the entry's age, not below 0: with a floor above the authority's TTL the
 * entry is answered with TTL 0 for its last T - handedS + 1 seconds. The answer to the query that
 * fetched it carries T itself. (The lab observes all of this; see {@code KnotPresetTest}.)
 *
 * @param fetchMs when the authority received kresd's query: a client query sent no later may be the
 *     one that fetched (the test's clock has whole milliseconds, so the next query can be sent in
 *     the fetch's millisecond), and may carry either TTL
 */
record KnotExpiry(long loS, long hiS, long ttlS, long handedS, long fetchMs) implements WholeSecondExpiry {

  /**
   * The rule for periods whose authority TTLs were {@code handedS}, one per fetch in order (the
   * checks build one expiry per fetch, in order; the last value serves any further period).
   */
  static Rule rule(long... handedS) {
    int[] period = {0};
    return (fromMs, toMs, ttlS) -> {
      long handed = handedS[Math.min(period[0]++, handedS.length - 1)];
      return new KnotExpiry(earliestSecond(fromMs) + ttlS, second(toMs) + ttlS, ttlS, Math.min(handed, ttlS), fromMs);
    };
  }

  private long shortfallS() {
    return ttlS - handedS;
  }

  @Override
  public long minTtl(Observation o) {
    return Math.max(0, loS - second(o.receivedMs()) - shortfallS());
  }

  @Override
  public long maxTtl(Observation o) {
    return o.sentMs() <= fetchMs ? ttlS : Math.max(0, Math.min(handedS, hiS - earliestSecond(o.sentMs()) - shortfallS()));
  }

  @Override
  public long answeredUntilMs() {
    return (hiS + 1) * 1000 + CLOCK_LAG_MS;
  }

  @Override
  public long refetchedFromMs() {
    return (loS + 1) * 1000;
  }

  @Override
  public boolean answersTtlZero() {
    return true;
  }
}
