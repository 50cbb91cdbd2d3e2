package dev.dnsflip.resolver;

/**
 * Where a cache gets answers it does not have: the authoritative nameservers, or another
 * resolver (a forwarder's upstream). One call answers the first link of a question's chain: a
 * CNAME or the terminal answer, with the TTL it carries, packed as a {@link Resolution}.
 */
public interface Upstream {
  int FAILED = -1;

  /**
   * The first link for {@code question} at {@code now} with the TTL it carries, as a
   * {@link Resolution}; {@link Resolution#FAILED} on a timeout or SERVFAIL.
   */
  long fetch(int question, long now);

  /**
   * {@link #fetch} on behalf of {@code client}: a cache upstream keys a name of the client's own
   * by it. The authority answers every client's name alike, so by default the client is ignored.
   */
  default long fetch(int question, long now, int client) {
    return fetch(question, now);
  }
}
