package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness checks declared bounds against the simulator's result and attaches them to the report. */
class ExpectationCheckTest {
  /** Enable at 1 min of 10: a 9 min window, so "still stale after 15m / 1h" cannot be measured. */
  private static final String SCENARIO = ScenarioLoaderTest.VALID.replace("  zones:\n",
      "  propagation: { fixed: 0s }\n  zones:\n") + """
      expect:
        - { metric: clientsStaleAfter.1h, atMost: 50% }
        - { metric: clientsStaleAfter.5m, atMost: 50% }
        - { switch: enable, metric: uses, atLeast: 1 }
      """;

  @Test
  void aBoundOnAMetricTheWindowCannotMeasureFails() throws InputException {
    Scenario s = ScenarioLoader.parse(SCENARIO, "t.yaml");
    RunResult result = new Simulation(s, 1).run();

    assertThat(result.events().get(0).find("clientsStaleAfter.1h")).isEmpty();
    List<ExpectationResult> checked = ExpectationCheck.check(result, s.expectations());
    assertThat(checked).extracting(ExpectationResult::passed).containsExactly(false, true, true);
    assertThat(checked.get(0).actual()).isNaN();
    assertThat(checked).extracting(ExpectationResult::where).containsExactly("t.yaml:20:5", "t.yaml:21:5",
        "t.yaml:22:5");
  }

  @Test
  void aBoundSelectingNoEventFails() throws InputException {
    Scenario s = ScenarioLoader.parse(SCENARIO, "t.yaml");
    RunResult result = new Simulation(s, 1).run();
    RunResult noEvents = new RunResult(result.summary(), List.of());

    assertThat(ExpectationCheck.check(noEvents, s.expectations()))
        .allSatisfy(r -> assertThat(r.event()).isEqualTo(-1))
        .allSatisfy(r -> assertThat(r.passed()).isFalse());
  }

  @Test
  void theReportCarriesTheScenarioTheResultTheImportAndTheCheckedBounds() throws InputException {
    Scenario s = ScenarioLoader.parse(SCENARIO, "t.yaml");
    AccountImport source = new AccountImport(List.of("zone.txt"), List.of(), List.of(), List.of(), "Imported 1 zone\n");
    RunResult result = new Simulation(s, 1).run();

    TransitionReport report = new LoadedScenario(s, source).report(result);

    assertThat(report.scenario()).isEqualTo("t");
    assertThat(report.seed()).isEqualTo(s.seed());
    assertThat(report.initialCache()).isEqualTo(s.initialCache().describe());
    assertThat(report.accountImport()).isSameAs(source);
    assertThat(report.run()).isEqualTo(result.summary());
    assertThat(report.events()).isEqualTo(result.events());
    assertThat(report.expectations()).isEqualTo(ExpectationCheck.check(result, s.expectations()));
    assertThat(report.expectationsPassed()).isFalse();
    assertThat(LoadedScenario.of(s).report(result).accountImport()).isNull();
  }
}
