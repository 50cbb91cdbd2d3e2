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
import dev.dnsflip.resolver.ResolverNode;
import dev.dnsflip.resolver.Upstream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the simulator's {@link CachingResolver} predicts for the same queries a real resolver got:
 * one cache with the given behaviour (or a chain of them: forwarders in front of a resolver),
 * asking the same account whose switch flipped at the same wall-clock instant (one nameserver, no
 * propagation delay: the lab authority flips at once), queried at each observation's send time.
 */
final class ModelReplay {
  /** What the model answers one query: terminal provenance (null: no answer), TTL passed on (ms), cache hit. */
  record Prediction(Provenance provenance, long ttlMs, boolean hit) {}

  /** An authority outage as the model has it: every fetch in [fromMs, toMs) fails. */
  record Outage(long fromMs, long toMs) {}

  private ModelReplay() {}

  static List<Prediction> replay(Account account, Question question, ResolverBehaviour behaviour,
      boolean initiallyEnabled, long flipMs, List<Observation> observations) {
    return replay(account, question, List.of(behaviour), initiallyEnabled, flipMs, List.of(), observations);
  }

  /**
   * {@code chain.get(0)} asks the authority, each next one forwards to the one before it (as a
   * scenario's {@code forwardTo} does), and clients ask the last.
   */
  static List<Prediction> replay(Account account, Question question, List<ResolverBehaviour> chain,
      boolean initiallyEnabled, long flipMs, List<Outage> outages, List<Observation> observations) {
    AnswerTable table = AnswerTable.build(new Authority(account), List.of(question));
    SwitchDirection direction = initiallyEnabled ? SwitchDirection.DISABLE : SwitchDirection.ENABLE;
    SwitchSchedule schedule = new SwitchSchedule(initiallyEnabled, List.of(new SwitchEvent(flipMs, direction)));
    NameserverTimeline timeline = new NameserverTimeline(schedule, new Propagation.Fixed(0), 1, new SplittableRandom(0));
    long[] from = outages.stream().mapToLong(Outage::fromMs).toArray();
    long[] to = outages.stream().mapToLong(Outage::toMs).toArray();
    Upstream upstream = new AuthorityUpstream(table, timeline, from, to, new SplittableRandom(0));
    ResolverNode asked = null;
    for (ResolverBehaviour behaviour : chain) {
      CachingResolver cache = new CachingResolver(table, behaviour, upstream);
      upstream = cache;
      asked = cache;
    }
    if (asked == null) {
      throw new IllegalArgumentException("a chain of at least one resolver");
    }
    int q = table.indexOf(question);
    List<Prediction> predictions = new ArrayList<>();
    for (Observation o : observations) {
      int answer = asked.resolve(q, o.sentMs(), 0);
      predictions.add(answer == Upstream.FAILED
          ? new Prediction(null, 0, false)
          : new Prediction(Provenance.of(table.provenance(answer)), asked.lastTtlMs(), asked.lastWasHit()));
    }
    return predictions;
  }
}
