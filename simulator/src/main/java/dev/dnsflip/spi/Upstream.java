package dev.dnsflip.spi;

import dev.dnsflip.authority.Question;

/**
 * Where a {@link CacheLogic} gets answers it does not have: the account's authoritative servers
 * (with the switch setting that has reached the nameserver asked, and outages), or the resolver a
 * forwarder forwards to.
 */
@FunctionalInterface
public interface Upstream {
  /**
   * The first link for {@code question} at {@code nowMs}: a CNAME or the terminal answer (data,
   * NODATA or NXDOMAIN) with the TTL it carries, never marked as from cache; {@link Reply#FAILED}
   * on a timeout.
   */
  Reply ask(Question question, long nowMs);
}
