package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;

/**
 * A lookup as every cache makes it: link by link along a CNAME chain to the terminal answer, a
 * hit only when every link was one, passing on the smallest TTL of the chain.
 */
final class CnameChain {
  /** One link of the chain: the answer for {@code question} at {@code now}, as a {@link Resolution}. */
  interface Links {
    long link(int question, long now);
  }

  private CnameChain() {}

  static long follow(AnswerTable table, int question, long now, Links links) {
    boolean hit = true;
    long ttl = Long.MAX_VALUE;
    int q = question;
    for (int depth = 0; ; depth++) {
      long link = links.link(q, now);
      if (link == Resolution.FAILED) {
        return Resolution.FAILED;
      }
      int a = Resolution.answer(link);
      hit &= Resolution.hit(link);
      ttl = Math.min(ttl, Resolution.ttlMs(link));
      if (!table.isCname(a)) {
        return Resolution.of(a, hit, ttl);
      }
      if (depth >= Authority.MAX_CHAIN) {
        throw new IllegalStateException("CNAME chain too long at " + table.question(q));
      }
      q = table.target(a, q);
    }
  }
}
