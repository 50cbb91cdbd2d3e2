package dev.dnsflip.scenarios;

import dev.dnsflip.format.Location;
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
 * @param populationAt where the file sets the size of the run (its {@code clients:}), so a run
 *     refused as too large is refused at that line; the file's start for a scenario built in code
 * @param exploration the file's {@code vary:} and {@code properties:}, null when it has none
 */
public record LoadedScenario(Scenario scenario, AccountImport accountImport, Location populationAt,
    Exploration exploration) {
  public LoadedScenario {
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(populationAt, "populationAt");
  }

  public LoadedScenario(Scenario scenario, AccountImport accountImport, Location populationAt) {
    this(scenario, accountImport, populationAt, null);
  }

  public LoadedScenario(Scenario scenario, AccountImport accountImport) {
    this(scenario, accountImport, new Location(scenario.name(), 1, 1));
  }

  /** A scenario built in code, with no file behind it. */
  public static LoadedScenario of(Scenario scenario) {
    return new LoadedScenario(scenario, null);
  }

  public LoadedScenario withScenario(Scenario changed) {
    return new LoadedScenario(changed, accountImport, populationAt, exploration);
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
