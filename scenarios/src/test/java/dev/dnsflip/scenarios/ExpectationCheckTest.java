package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.observe.Unit;
import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.simulation.Expectation;
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
  void aFigureTheWindowCutShortConfirmsALowerBoundButNeverAnUpperOne() {
    // staleShareZero: 4 min in a 4 min window in 2 of 3 runs, 3 min in the third; mean 3m 40s.
    Metric zero = new Metric("staleShareZero", Unit.DURATION_MS, "d", new Estimate(220_000, null, null, 180_000,
        240_000, 3, 2));
    EventReport event = new EventReport(0, SwitchDirection.ENABLE, 0, 240_000, List.of(zero), List.of(), List.of(),
        new StaleSeries(60_000, new long[4], new long[4]));
    RunResult result = new RunResult(new RunSummary(1, 1, 1, 0, 0, 0, 0), List.of(event));
    List<ExpectationResult> checked = ExpectationCheck.check(result, List.of(
        new Expectation("all", "staleShareZero", 300_000.0, null, "t.yaml:1:1"),
        new Expectation("all", "staleShareZero", null, 200_000.0, "t.yaml:2:1"),
        new Expectation("all", "staleShareZero", null, 220_001.0, "t.yaml:3:1")));

    assertThat(checked).extracting(ExpectationResult::passed).as("at most 5 min: unknown; at least 3m 20s: "
        + "confirmed; at least 3m 40.001s: not confirmed").containsExactly(false, true, false);
    assertThat(checked.get(0).censoredRuns()).isEqualTo(2);
    assertThat(checked.get(0).runs()).isEqualTo(3);
    assertThat(checked.get(0).shownActual()).isEqualTo("≥ 3m 40s");
    assertThat(ConsoleSummary.outcome(checked.get(0))).isEqualTo("switch 1 staleShareZero >= 3m 40s (the window "
        + "closed first in 2 of 3 runs), expected <= 5m 0s (t.yaml:1:1)");
    Metric measured = new Metric("staleShareZero", Unit.DURATION_MS, "d", new Estimate(220_000, null, null, 180_000,
        240_000, 3, 0));
    RunResult uncensored = new RunResult(result.summary(), List.of(new EventReport(0, SwitchDirection.ENABLE, 0,
        240_000, List.of(measured), List.of(), List.of(), event.series())));
    assertThat(ExpectationCheck.check(uncensored, List.of(new Expectation("all", "staleShareZero", 220_000.0, null,
        "t.yaml:1:1")))).extracting(ExpectationResult::passed).as("measured, at the bound").containsExactly(true);
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
