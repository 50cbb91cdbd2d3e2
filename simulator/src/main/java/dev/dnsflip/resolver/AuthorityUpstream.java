package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.NameserverTimeline;
import java.util.SplittableRandom;

/**
 * The account's authoritative nameservers as a resolver sees them: one chosen uniformly per
 * fetch, answering with the setting that has reached it; during an outage window every fetch
 * times out.
 */
public final class AuthorityUpstream implements Upstream {
  private final AnswerTable table;
  private final NameserverTimeline timeline;
  private final long[] outageFrom;
  private final long[] outageTo;
  private final SplittableRandom random;

  public AuthorityUpstream(AnswerTable table, NameserverTimeline timeline, long[] outageFrom, long[] outageTo,
      SplittableRandom random) {
    this.table = table;
    this.timeline = timeline;
    this.outageFrom = outageFrom;
    this.outageTo = outageTo;
    this.random = random;
  }

  @Override
  public long fetch(int question, long now) {
    for (int i = 0; i < outageFrom.length; i++) {
      if (now >= outageFrom[i] && now < outageTo[i]) {
        return Resolution.FAILED;
      }
    }
    int ns = timeline.nameservers() == 1 ? 0 : random.nextInt(timeline.nameservers());
    int answer = table.answerOf(question, timeline.enabledAt(ns, now));
    return Resolution.of(answer, false, table.ttlMs(answer));
  }
}
