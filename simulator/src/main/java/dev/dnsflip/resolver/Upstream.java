package dev.dnsflip.resolver;

/**
 * Where a cache gets answers it does not have: the authoritative nameservers, or another
 * resolver (a forwarder's upstream). One call answers the first link of a question's chain: a
 * CNAME or the terminal answer, with the TTL it carries (read it right after the call).
 */
public interface Upstream {
  int FAILED = -1;

  /** The answer id for {@code question} at {@code now}, or {@link #FAILED} (timeout, SERVFAIL). */
  int fetch(int question, long now);

  /** The TTL the last successful {@link #fetch} carried, in ms. */
  long fetchedTtlMs();
}
