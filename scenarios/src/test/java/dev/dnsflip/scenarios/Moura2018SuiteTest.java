package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.observe.OutageFigures;
import dev.dnsflip.presets.InternetMix;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The replay of Moura et al.'s (IMC 2018) authoritative outage, as a shipped suite. */
class Moura2018SuiteTest {
  static final Path MOURA = Path.of("suites/moura-2018.yaml");

  @Test
  void loadsAsTheOutageReplay() throws Exception {
    Scenario s = ScenarioLoader.load(MOURA);

    assertThat(s.name()).isEqualTo("moura-2018");
    assertThat(s.initialCache()).isEqualTo(InitialCache.COLD);
    assertThat(s.bucketMs()).isEqualTo(600_000);
    assertThat(s.resolverGroups()).isEqualTo(InternetMix.resolvers(10));
    assertThat(s.clientGroups()).extracting(g -> g.name())
        .containsExactly("probes-ttl60", "probes-ttl1800", "probes-ttl3600", "probes-ttl86400");
    assertThat(s.clientGroups()).allSatisfy(g -> {
      assertThat(g.count()).isEqualTo(2_500);
      assertThat(g.everyMs()).as("Atlas probes ask every 10 minutes").isEqualTo(600_000);
      assertThat(g.questions()).singleElement().satisfies(q -> assertThat(q.question().perClient())
          .as("each probe asks a name of its own").isTrue());
    });
    // No switch: the figures are the answers during the attack, cut into three windows back to back.
    assertThat(s.schedule().events()).isEmpty();
    assertThat(s.outages()).containsExactly(new Outage(600_000, 3_600_000), new Outage(3_600_000, 4_200_000),
        new Outage(4_200_000, 7_800_000));
  }

  @Test
  void eachNameIsAnsweredForItsTtlAndNoLonger() throws InputException {
    TransitionReport report = ScenarioLoader.read(MOURA).simulate(2);

    assertThat(report.expectations()).hasSize(6);
    assertThat(report.expectations()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    List<OutageAnswers> outages = report.answering().outages();
    // Before a 3600 s entry expires its probes are answered as a day's are; after, as a minute's.
    double ttl60 = share(outages.get(0), "probes-ttl60");
    double ttl3600 = share(outages.get(0), "probes-ttl3600");
    assertThat(ttl3600).isGreaterThan(10 * ttl60);
    assertThat(share(outages.get(2), "probes-ttl3600")).isLessThan(ttl60);
    assertThat(share(outages.get(2), "probes-ttl86400")).as("a day outlives the attack").isGreaterThan(ttl3600 - 0.05);
    // Each probe asks once a round: a 50-minute window holds five queries a probe, the 10-minute one one.
    OutageFigures expiry = figures(outages.get(1), "probes-ttl3600");
    assertThat(expiry.answered() + expiry.failed()).isEqualTo(2_500);
    OutageFigures cached = figures(outages.get(0), "probes-ttl3600");
    assertThat(cached.answered() + cached.failed()).isEqualTo(5 * 2_500);
  }

  private static double share(OutageAnswers o, String clients) {
    return figures(o, clients).answeredShare();
  }

  private static OutageFigures figures(OutageAnswers o, String clients) {
    return o.byClientGroup().stream().filter(f -> f.name().equals(clients)).findFirst().orElseThrow();
  }
}
