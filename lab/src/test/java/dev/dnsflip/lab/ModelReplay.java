package dev.dnsflip.lab;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.resolver.AuthorityUpstream;
import dev.dnsflip.resolver.CachingResolver;
import dev.dnsflip.resolver.ResolverBehaviour;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the simulator's {@link CachingResolver} predicts for the same queries a real resolver got:
 * one cache with the given behaviour, asking the same account whose switch flipped at the same
 * wall-clock instant (one nameserver, no propagation delay: the lab authority flips at once),
 * queried at each observation's send time.
 */
final class ModelReplay {
  /** What the model answers one query: terminal provenance, TTL passed on (ms), cache hit. */
  record Prediction(Provenance provenance, long ttlMs, boolean hit) {}

  private ModelReplay() {}

  static List<Prediction> replay(Account account, Question question, ResolverBehaviour behaviour,
      boolean initiallyEnabled, long flipMs, List<Observation> observations) {
    AnswerTable table = AnswerTable.build(new Authority(account), List.of(question));
    SwitchDirection direction = initiallyEnabled ? SwitchDirection.DISABLE : SwitchDirection.ENABLE;
    SwitchSchedule schedule = new SwitchSchedule(initiallyEnabled, List.of(new SwitchEvent(flipMs, direction)));
    NameserverTimeline timeline = new NameserverTimeline(schedule, new Propagation.Fixed(0), 1, new SplittableRandom(0));
    CachingResolver cache = new CachingResolver(table, behaviour,
        new AuthorityUpstream(table, timeline, new long[0], new long[0], new SplittableRandom(0)));
    int q = table.indexOf(question);
    List<Prediction> predictions = new ArrayList<>();
    for (Observation o : observations) {
      int answer = cache.resolve(q, o.sentMs(), 0);
      predictions.add(new Prediction(Provenance.of(table.provenance(answer)), cache.lastTtlMs(), cache.lastWasHit()));
    }
    return predictions;
  }
}
