package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.NameserverTimeline;
import java.util.SplittableRandom;

/**
 * The account's authoritative nameservers as a resolver sees them: one chosen uniformly per fetch,
 * answering with the setting that has reached it. During an outage a query to an affected
 * nameserver is lost with the window's probability; the resolver then asks the next nameserver
 * (each at most once per fetch, as resolvers retry another server after a timeout; the time spent
 * waiting is not modelled), and the fetch fails when every nameserver lost it.
 */
public final class AuthorityUpstream implements Upstream {
  private final AnswerTable table;
  private final NameserverTimeline timeline;
  private final OutageWindows outages;
  private final SplittableRandom random;

  public AuthorityUpstream(AnswerTable table, NameserverTimeline timeline, OutageWindows outages,
      SplittableRandom random) {
    this.table = table;
    this.timeline = timeline;
    this.outages = outages;
    this.random = random;
  }

  /** Windows in which every nameserver times out. */
  public AuthorityUpstream(AnswerTable table, NameserverTimeline timeline, long[] outageFrom, long[] outageTo,
      SplittableRandom random) {
    this(table, timeline, OutageWindows.total(outageFrom, outageTo), random);
  }

  @Override
  public long fetch(int question, long now) {
    if (outages.silent(now)) {
      return Resolution.FAILED;
    }
    int n = timeline.nameservers();
    int first = n == 1 ? 0 : random.nextInt(n);
    if (outages.isEmpty()) {
      return answer(question, first, now);
    }
    for (int k = 0; k < n; k++) {
      int ns = (first + k) % n;
      if (!outages.lost(ns, now, random)) {
        return answer(question, ns, now);
      }
    }
    return Resolution.FAILED;
  }

  private long answer(int question, int ns, long now) {
    int answer = table.answerOf(question, timeline.enabledAt(ns, now));
    return Resolution.of(answer, false, table.ttlMs(answer));
  }
}
