package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The default account and schedule behind resolver and client presets side by side. */
class ResolverMixSuiteTest {
  static final Path MIX = Path.of("suites/resolver-mix.yaml");

  @Test
  void keepsTheDefaultAccountAndSchedule() throws InputException {
    Scenario mix = ScenarioLoader.load(MIX);
    Scenario base = ScenarioLoader.load(DefaultSuiteTest.DEFAULT);

    assertThat(mix.account()).isEqualTo(base.account());
    assertThat(mix.schedule()).isEqualTo(base.schedule());
    assertThat(mix.durationMs()).isEqualTo(base.durationMs());
    assertThat(mix.propagation()).isEqualTo(base.propagation());
    assertThat(mix.clientCount()).isEqualTo(10_000);
  }

  @Test
  void mapsTheIntendedPresets() throws InputException {
    Scenario s = ScenarioLoader.load(MIX);

    assertThat(s.resolverGroups()).extracting(ResolverGroup::name, ResolverGroup::kind).containsExactly(
        tuple("isp", "unbound-1.17"),
        tuple("public", "public-farm"),
        tuple("home-router", "dnsmasq-2.90"),
        tuple("enterprise", "bind-9.18"),
        tuple("serve-expired", "unbound-1.17-serve-expired"),
        tuple("knot", "knot-resolver-5.6"),
        tuple("isp-floor", "isp-floor-3600"));
    assertThat(s.resolverGroups()).allSatisfy(g -> {
      ResolverPreset preset = Presets.resolver(g.kind()).orElseThrow();
      assertThat(g.behaviour()).as(g.name()).isEqualTo(preset.behaviour());
      assertThat(g.backends()).as(g.name()).isEqualTo(preset.backends());
      assertThat(g.choice()).as(g.name()).isEqualTo(preset.choice());
    });
    assertThat(s.resolverGroups()).filteredOn(ResolverGroup::isForwarder).singleElement()
        .satisfies(g -> assertThat(g.forwardTo()).isEqualTo("isp"));
    assertThat(s.resolverGroups().get(1).backends()).isEqualTo(8);

    assertThat(s.clientGroups()).extracting(ClientGroup::kind)
        .containsExactly("chrome", "firefox", "browser-keepalive", "jvm", "go", "curl");
    assertThat(s.clientGroups()).allSatisfy(g -> assertThat(g.behaviour()).as(g.name())
        .isEqualTo(Presets.client(g.kind()).orElseThrow().behaviour()));
  }

  @Test
  void meetsItsOwnBoundsWithTheFloorSlowestAfterEachSwitch() throws InputException {
    TransitionReport report = ScenarioLoader.read(MIX).simulate(4);

    assertThat(report.expectations()).hasSize(4);
    assertThat(report.expectations()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
    for (EventReport e : report.events()) {
      assertThat(e.slowest().resolverKind()).as(e.direction().key()).isEqualTo("isp-floor-3600");
    }
  }
}
