package dev.dnsflip.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.scenarios.ScenarioWriter;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dnsflip's own cache through the resolver SPI ({@code logic: model} on every group) is not a
 * second path: each shipped suite's report.json is byte for byte the built-in path's run event by
 * event (the SPI hands every use to the logic, so it never skips ahead), same seed, except the one
 * run fact that says why partitions ran event by event. The built-in path skipping ahead is held
 * to the golden files by ShippedSuitesGoldenTest, and to event by event by SkipAheadFitTest.
 */
class SpiEquivalenceTest {
  /** The run fact that says why partitions ran event by event: an object of counts, nothing nested. */
  private static final Pattern WHY = Pattern.compile("\"eventByEventBecause\": \\{[^}]*}");

  @ParameterizedTest
  @ValueSource(strings = {"default", "resolver-mix", "flavel-2014", "imported"})
  void theModelThroughTheSpiWritesTheBuiltInReportEventByEvent(String suite) throws InputException {
    LoadedScenario loaded = ScenarioLoader.read(Path.of("suites/" + suite + ".yaml"));
    LoadedScenario throughSpi = loaded.withScenario(everyGroupThroughTheSpi(loaded.scenario()));
    assertThat(throughSpi.scenario().resolverGroups()).allMatch(g -> g.logic() == LogicChoice.MODEL);

    String spi = JsonReport.render(throughSpi.report(new Simulation(throughSpi.scenario(), 2).run()));
    String builtIn = JsonReport.render(loaded.report(new Simulation(loaded.scenario(), 2, Mode.EVENTS).run()));

    assertThat(spi).contains("\"partitionsSkippingAhead\": 0,").contains("through the resolver SPI");
    assertThat(builtIn).contains("\"partitionsSkippingAhead\": 0,");
    assertThat(WHY.matcher(spi).replaceAll("")).isEqualTo(WHY.matcher(builtIn).replaceAll(""));
  }

  @Test
  void aScenarioFileMayNameTheModelAndKeepItsPolicies() throws InputException {
    Scenario s = ScenarioLoader.parse("""
        name: m
        account: { zones: [ { name: example.com, records: [ { name: www, type: A, content: 192.0.2.1, proxied: true } ] } ] }
        switches: [ { at: 1m, action: enable } ]
        duration: 10m
        resolvers: [ { name: isp, count: 2, logic: model, preset: bind-9.18-serve-stale } ]
        clients: [ { name: c, count: 10, queriesPerMinute: 1, questions: [ { name: www.example.com, type: A } ] } ]
        """, "m.yaml");

    ResolverGroup isp = s.resolverGroups().get(0);
    assertThat(isp.logic()).isSameAs(LogicChoice.MODEL);
    assertThat(isp.kind()).isEqualTo("bind-9.18-serve-stale");
    assertThat(isp.behaviour().serveStale().enabled()).isTrue();
  }

  @Test
  void aServiceLoaderProviderIsFoundByItsSimpleName() {
    // src/test/resources/META-INF/services/dev.dnsflip.spi.CacheLogic lists it.
    LogicChoice found = LogicChoice.find("RemainingTtlCache", getClass().getClassLoader());

    assertThat(found.name()).isEqualTo("dev.dnsflip.spi.planted.RemainingTtlCache");
    assertThat(found.kind()).isEqualTo("RemainingTtlCache");
    assertThat(found.newInstance()).isNotSameAs(found.newInstance());
  }

  @Test
  void theWriterWritesTheLogicTheReaderReadsBack() throws InputException {
    Scenario s = ScenarioLoader.load(Path.of("suites/properties/own-cache.yaml"));
    Scenario own = s.toBuilder().expectations(List.of()).resolverGroups(List.of(s.resolverGroups().get(0)
        .withLogic(LogicChoice.of(dev.dnsflip.spi.planted.RenewsAtExpiryCache.class)))).build();

    String yaml = ScenarioWriter.write(own, List.of());

    assertThat(yaml).contains("    logic: dev.dnsflip.spi.planted.RenewsAtExpiryCache\n");
    assertThat(ScenarioLoader.parse(yaml, "written.yaml")).isEqualTo(own);
  }

  static Scenario everyGroupThroughTheSpi(Scenario s) {
    List<ResolverGroup> groups = s.resolverGroups().stream().map(g -> g.withLogic(LogicChoice.MODEL)).toList();
    return s.toBuilder().resolverGroups(groups).build();
  }
}
