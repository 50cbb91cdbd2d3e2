package dev.dnsflip.scenarios;

import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.Objects;

/**
 * A scenario as read from its file, with what the simulator does not need but the report does:
 * where an imported account came from. It turns the simulator's {@link RunResult} into the
 * {@link TransitionReport} the renderers print, checking the scenario's declared bounds.
 *
 * @param accountImport null for a hand-written account
 */
public record LoadedScenario(Scenario scenario, AccountImport accountImport) {
  public LoadedScenario {
    Objects.requireNonNull(scenario, "scenario");
  }

  /** A scenario built in code, with no file behind it. */
  public static LoadedScenario of(Scenario scenario) {
    return new LoadedScenario(scenario, null);
  }

  public LoadedScenario withScenario(Scenario changed) {
    return new LoadedScenario(changed, accountImport);
  }

  /** The report of a run of this scenario: the import summary on top, the declared bounds checked. */
  public TransitionReport report(RunResult result) {
    return TransitionReport.of(scenario, result, accountImport,
        ExpectationCheck.check(result, scenario.expectations()));
  }

  /** Runs the scenario on {@code threads} workers and reports it. */
  public TransitionReport simulate(int threads) {
    return report(new Simulation(scenario, threads).run());
  }
}
