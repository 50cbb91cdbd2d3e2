package dev.dnsflip.presets;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.resolver.AuthorityUpstream;
import dev.dnsflip.resolver.CachingResolver;
import dev.dnsflip.simulation.TestScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Both dnsmasq presets keep dnsmasq's default cache of 150: the 150th name stays, the 151st evicts one. */
class DnsmasqCacheSizeTest {
  private static final int NAMES = 151;

  @Test
  void the151stNameEvictsTheLeastRecentlyUsedAnd150AllStay() {
    List<DnsRecord> records = new ArrayList<>();
    List<Question> questions = new ArrayList<>();
    for (int i = 0; i < NAMES; i++) {
      records.add(a("n" + i + ".example.com", "192.0.2." + (1 + i % 250), 1, true));
      questions.add(question("n" + i + ".example.com", Type.A));
    }
    AnswerTable table = AnswerTable.build(new Authority(TestScenarios.account(300,
        List.of(TestScenarios.zone("example.com", records.toArray(DnsRecord[]::new))), List.of())), questions);
    for (String name : List.of("dnsmasq-2.90", "dnsmasq-2.90-use-stale-cache")) {
      ResolverPreset preset = Presets.resolver(name).orElseThrow();
      assertThat(preset.behaviour().capacity()).as(name).isEqualTo(150);
      NameserverTimeline timeline = new NameserverTimeline(new SwitchSchedule(false, List.of()),
          new Propagation.Fixed(0), 1, new SplittableRandom(1));
      CachingResolver cache = new CachingResolver(table, preset.behaviour(),
          new AuthorityUpstream(table, timeline, new long[0], new long[0], new SplittableRandom(1)));
      for (int i = 0; i < 150; i++) {
        cache.resolve(table.indexOf(questions.get(i)), i, 0);
      }
      assertThat(cache.isFresh(table.indexOf(questions.get(0)), 150)).as(name + ": 150 names all kept").isTrue();
      cache.resolve(table.indexOf(questions.get(150)), 150, 0);
      assertThat(cache.isFresh(table.indexOf(questions.get(0)), 151)).as(name + ": the oldest evicted").isFalse();
      assertThat(cache.isFresh(table.indexOf(questions.get(1)), 151)).as(name + ": the next one kept").isTrue();
    }
  }
}
