package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.presets.InternetMix;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** The calibration scenario of the simulator's InternetMixCalibrationTest, as a shipped suite. */
class Flavel2014SuiteTest {
  static final Path FLAVEL = Path.of("suites/flavel-2014.yaml");

  @Test
  void loadsAsTheCalibrationScenario() throws Exception {
    Scenario s = ScenarioLoader.load(FLAVEL);
    List<WeightedQuestion> questions =
        List.of(new WeightedQuestion(new Question(Name.fromString("www.example.com."), Type.A), 1));

    assertThat(s.name()).isEqualTo("flavel-2014");
    assertThat(s.seed()).isEqualTo(2014);
    assertThat(s.replications()).isEqualTo(5);
    assertThat(s.durationMs()).isEqualTo(40 * 60_000L);
    assertThat(s.bucketMs()).isEqualTo(5_000);
    assertThat(s.initialCache()).isEqualTo(InitialCache.STEADY);
    assertThat(s.nameservers()).isEqualTo(2);
    assertThat(s.propagation()).isEqualTo(new Propagation.Fixed(0));
    assertThat(s.account().autoTtlSeconds()).isEqualTo(20);
    assertThat(s.account().settings().ipv6Compatibility()).isFalse();
    assertThat(s.account().settings().saasFallbackOriginIncluded()).isTrue();
    assertThat(s.account().zones()).singleElement().satisfies(z -> assertThat(z.records()).singleElement()
        .satisfies(r -> assertThat(r.proxied()).isTrue()));
    assertThat(s.schedule().initiallyEnabled()).isFalse();
    assertThat(s.schedule().events()).containsExactly(new SwitchEvent(600_000, SwitchDirection.ENABLE));
    assertThat(s.resolverGroups()).isEqualTo(InternetMix.resolvers(10));
    assertThat(s.clientGroups()).isEqualTo(InternetMix.clients(40_000, 1.0 / 60, questions));
    assertThat(s.outages()).isEmpty();
  }

  @Test
  void meetsItsOwnBoundsWithTheFloorHoldingTheTail() throws InputException {
    TransitionReport report = ScenarioLoader.read(FLAVEL).simulate(4);

    assertThat(report.expectations()).hasSize(2);
    assertThat(report.expectations()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    EventReport enable = report.events().get(0);
    assertThat(enable.slowest().resolverKind()).isEqualTo("isp-floor-3600");
  }
}
