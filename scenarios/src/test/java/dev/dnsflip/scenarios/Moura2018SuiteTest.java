package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.presets.InternetMix;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Path;
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
    assertThat(s.account().autoTtlSeconds()).isEqualTo(86_400);
    assertThat(s.resolverGroups()).isEqualTo(InternetMix.resolvers(2));
    assertThat(s.clientGroups()).extracting(g -> g.name())
        .containsExactly("probes-ttl60", "probes-ttl1800", "probes-ttl3600", "probes-ttl86400");
    assertThat(s.clientGroups()).allSatisfy(g -> {
      assertThat(g.count()).isEqualTo(400);
      assertThat(g.queriesPerSecond()).isEqualTo(0.1 / 60);
    });
    // Every query dropped from the attack's start, the switch's instant, to the end.
    assertThat(s.outages()).containsExactly(new Outage(300_000, 125 * 60_000L));
    assertThat(s.schedule().events()).singleElement().satisfies(e -> assertThat(e.atMs()).isEqualTo(300_000));
  }

  @Test
  void eachNameRidesThroughForItsTtlAndNoLongerBehindTtlHonouringResolvers() throws InputException {
    TransitionReport report = ScenarioLoader.read(MOURA).simulate(2);

    assertThat(report.expectations()).hasSize(7);
    assertThat(report.expectations()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    EventReport attack = report.events().get(0);
    // During a total outage every answer comes from a cache: nothing fresh can be fetched.
    assertThat(attack.metric("staleShare").estimate().mean()).isEqualTo(1.0);
    long ttl60 = lastAnswer(attack, "isp", "probes-ttl60");
    long ttl1800 = lastAnswer(attack, "isp", "probes-ttl1800");
    long ttl3600 = lastAnswer(attack, "isp", "probes-ttl3600");
    assertThat(ttl60).isLessThan(ttl1800);
    assertThat(ttl1800).isLessThan(ttl3600);
    assertThat(lastAnswer(attack, "isp", "probes-ttl86400")).as("a day outlives the outage").isGreaterThan(ttl3600);
  }

  private static long lastAnswer(EventReport e, String resolvers, String clients) {
    return e.blame().stream().filter(b -> b.resolverGroup().equals(resolvers) && b.clientGroup().equals(clients))
        .mapToLong(Blame::lastStaleMaxMs).max().orElseThrow();
  }
}
