package dev.dnsflip.scenarios;

import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.TransitionReport;
import dev.dnsflip.simulation.Scenario;
import java.util.Objects;

/**
 * A scenario as read from its file, with what the simulator does not need but the report does:
 * where an imported account came from.
 *
 * @param accountImport null for a hand-written account
 */
public record LoadedScenario(Scenario scenario, AccountImport accountImport) {
  public LoadedScenario {
    Objects.requireNonNull(scenario, "scenario");
  }

  public LoadedScenario withScenario(Scenario changed) {
    return new LoadedScenario(changed, accountImport);
  }

  /** The simulator's report with the import summary at its top, when there is one. */
  public TransitionReport annotate(TransitionReport report) {
    return accountImport == null ? report : report.withAccountImport(accountImport);
  }
}
