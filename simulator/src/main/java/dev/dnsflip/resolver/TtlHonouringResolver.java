package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.NameserverTimeline;
import java.util.SplittableRandom;

/**
 * A recursive resolver that keeps every answer exactly its TTL. A lookup for (name, type) uses a
 * fresh entry for it, else a fresh CNAME for the name (then the target, separately), else asks
 * one authoritative nameserver chosen uniformly at random and caches what it gets: a CNAME under
 * (name, CNAME), anything else under (name, type), negative answers for their negative TTL.
 */
public final class TtlHonouringResolver {
  private final AnswerTable table;
  private final NameserverTimeline timeline;
  private final RecursiveCache cache;
  private final SplittableRandom random;
  private boolean lastWasHit;

  public TtlHonouringResolver(AnswerTable table, NameserverTimeline timeline, RecursiveCache cache,
      SplittableRandom random) {
    this.table = table;
    this.timeline = timeline;
    this.cache = cache;
    this.random = random;
  }

  /** Resolves {@code question} at {@code now}; returns the terminal answer's id. */
  public int resolve(int question, long now) {
    boolean hit = true;
    int q = question;
    for (int depth = 0; ; depth++) {
      int a;
      int cnameSlot = table.cnameSlotOf(q);
      if (cache.isFresh(q, now)) {
        a = cache.answer(q);
      } else if (cnameSlot >= 0 && cache.isFresh(cnameSlot, now)) {
        a = cache.answer(cnameSlot);
      } else {
        hit = false;
        a = fetch(q, now);
        cache.store(table.isCname(a) ? cnameSlot : q, a, now + table.ttlMs(a));
      }
      if (!table.isCname(a)) {
        lastWasHit = hit;
        return a;
      }
      if (depth >= Authority.MAX_CHAIN) {
        throw new IllegalStateException("CNAME chain too long at " + table.question(q));
      }
      q = table.target(a, q);
    }
  }

  /** Whether the last {@link #resolve} was answered entirely from the cache. */
  public boolean lastWasHit() {
    return lastWasHit;
  }

  public RecursiveCache cache() {
    return cache;
  }

  private int fetch(int q, long now) {
    int ns = timeline.nameservers() == 1 ? 0 : random.nextInt(timeline.nameservers());
    return table.answerOf(q, timeline.enabledAt(ns, now));
  }
}
