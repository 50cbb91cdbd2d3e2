package dev.dnsflip.lab;

import static dev.dnsflip.lab.WholeSecondExpiry.earliestSecond;
import static dev.dnsflip.lab.WholeSecondExpiry.second;

/**
 * When a real BIND 9.18 or dnsmasq 2.90 lets go of a cache entry, from its whole-second clock.
 * Both read the time as whole seconds, store an entry's expiry as E = now + TTL, answer with TTL
 * E - now, and treat the entry as expired once now >= E (BIND: {@code ACTIVE(header, now)} is
 * {@code expire > now}; dnsmasq: {@code is_expired} once {@code difftime(now, ttd) >= 0}). So an
 * entry stored at wall time f is answered, with TTL 1 at the least, until second floor(f) + TTL
 * begins, and refetched by the first query after that: it lives between TTL - 1 and TTL seconds,
 * where the simulator keeps it exactly TTL. (The lab observes this; dnsmasq with use-stale-cache
 * is different: it keeps answering through second E, see {@code DnsmasqPresetTest}.)
 *
 * <p>E is known as [loS, hiS] from the interval the store lies in, as for {@link UnboundExpiry},
 * widened by the resolver's clock lag ({@link WholeSecondExpiry#CLOCK_LAG_MS}).
 */
record TruncatingExpiry(long loS, long hiS, long ttlS) implements WholeSecondExpiry {

  static TruncatingExpiry storedBetween(long fromMs, long toMs, long ttlS) {
    return new TruncatingExpiry(earliestSecond(fromMs) + ttlS, second(toMs) + ttlS, ttlS);
  }

  /** Never 0: at now = E the entry is already gone. */
  @Override
  public long minTtl(Observation o) {
    return Math.max(1, loS - second(o.receivedMs()));
  }

  @Override
  public long maxTtl(Observation o) {
    return Math.min(ttlS, hiS - earliestSecond(o.sentMs()));
  }

  /** The resolver's clock reaches hiS by this wall time. */
  @Override
  public long answeredUntilMs() {
    return hiS * 1000 + CLOCK_LAG_MS;
  }

  @Override
  public long refetchedFromMs() {
    return loS * 1000;
  }

  @Override
  public boolean answersTtlZero() {
    return false;
  }
}
