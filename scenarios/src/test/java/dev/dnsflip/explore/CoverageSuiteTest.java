package dev.dnsflip.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.format.InputException;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped coverage suite: every preset is in it, every bound written in it is the one the laws
 * derive (so a preset that changes makes the file wrong, and this test says which line), and the
 * run meets them all.
 */
class CoverageSuiteTest {
  static final Path FILE = Path.of("suites/coverage.yaml");
  /** What the file allows serve-expired-at-once resolvers past what they keep: a query gap (see the file). */
  static final long QUERY_GAP_MS = 180_000;

  static LoadedScenario loaded;
  static Scenario s;
  static AnswerTable table;

  @BeforeAll
  static void load() throws InputException {
    loaded = ScenarioLoader.read(FILE);
    s = loaded.scenario();
    table = new Simulation(s, 1).table();
  }

  @Test
  void everyPresetIsCovered() {
    Set<String> resolverPresets = s.resolverGroups().stream().map(g -> g.origin().preset()).collect(Collectors.toSet());
    Set<String> clientPresets = s.clientGroups().stream().map(c -> c.origin().preset()).collect(Collectors.toSet());
    assertThat(resolverPresets).containsExactlyInAnyOrderElementsOf(
        Presets.RESOLVERS.stream().map(p -> p.name()).toList());
    assertThat(clientPresets).containsExactlyInAnyOrderElementsOf(
        Presets.CLIENTS.stream().map(p -> p.name()).toList());
    assertThat(s.schedule().events()).hasSize(2);
  }

  @Test
  void everyWrittenBoundIsTheLawsBoundPlusTheLargestPropagationDelay() {
    long d = s.propagation().maxMs();
    for (Expectation x : s.expectations()) {
      assertThat(x.isScoped()).as(x.where()).isTrue();
      int event = x.selector().equals("enable") ? 0 : 1;
      long law = 0;
      for (ResolverGroup g : s.resolverGroups()) {
        for (ClientGroup c : s.clientGroups()) {
          if ((x.resolverGroup() == null || x.resolverGroup().equals(g.name()))
              && (x.clientGroup() == null || x.clientGroup().equals(c.name())) && StaleBounds.serves(c, g)) {
            law = Math.max(law, bound(g, c, event));
          }
        }
      }
      if (law == Long.MAX_VALUE) {
        // Connections that keep their address: no bound, only that the group saw the switch.
        assertThat(x.atMost()).as(x.where()).isNull();
        assertThat(x.atLeast()).as(x.where()).isNotNull();
      } else {
        assertThat(x.atMost()).as(x.where() + " " + x.scope()).isEqualTo((double) (law + d));
      }
    }
  }

  @Test
  void theRunMeetsEveryBound() {
    TransitionReport report = loaded.simulate(2);
    assertThat(report.expectations()).hasSize(s.expectations().size())
        .allSatisfy(r -> assertThat(r.passed()).as(r.where() + " " + r.label() + " = " + r.actual()).isTrue());
  }

  /** The laws' bound; for a resolver that serves expired entries at once, what it keeps plus the query gap. */
  private static long bound(ResolverGroup g, ClientGroup c, int event) {
    ResolverBehaviour b = g.behaviour();
    if (!Traits.servesStaleAtOnce(b)) {
      return StaleBounds.pairBound(s, table, event, g, c);
    }
    ResolverGroup kept = g.withBehaviour(b.withServeStale(dev.dnsflip.resolver.ServeStale.OFF), g.origin());
    return StaleBounds.pairBound(s, table, event, kept, c) + QUERY_GAP_MS;
  }
}
