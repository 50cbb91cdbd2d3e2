package dev.dnsflip.reports;

import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.simulation.Scenario;
import java.util.List;

/**
 * What the renderers print: the scenario's facts, the simulator's {@link RunResult}, and what the
 * harness attaches to it (where an imported account came from, the declared bounds checked with
 * their file locations). Data only; JSON, Markdown, HTML, CSV and the console summary render it.
 *
 * @param accountImport where the account came from when it was imported, else null
 */
public record TransitionReport(
    String scenario,
    String description,
    long seed,
    int replications,
    long durationMs,
    long bucketMs,
    String initialCache,
    AccountImport accountImport,
    RunSummary run,
    List<EventReport> events,
    List<ExpectationResult> expectations) {

  public TransitionReport {
    events = List.copyOf(events);
    expectations = List.copyOf(expectations);
  }

  /** A report of a hand-written account. */
  public TransitionReport(String scenario, String description, long seed, int replications, long durationMs,
      long bucketMs, String initialCache, RunSummary run, List<EventReport> events,
      List<ExpectationResult> expectations) {
    this(scenario, description, seed, replications, durationMs, bucketMs, initialCache, null, run, events,
        expectations);
  }

  /**
   * The report of one run of {@code scenario}.
   *
   * @param accountImport null for a hand-written account
   */
  public static TransitionReport of(Scenario scenario, RunResult result, AccountImport accountImport,
      List<ExpectationResult> expectations) {
    return new TransitionReport(scenario.name(), scenario.description(), scenario.seed(), scenario.replications(),
        scenario.durationMs(), scenario.bucketMs(), scenario.initialCache().describe(), accountImport,
        result.summary(), result.events(), expectations);
  }

  /** The same report, saying the account was imported. */
  public TransitionReport withAccountImport(AccountImport source) {
    return new TransitionReport(scenario, description, seed, replications, durationMs, bucketMs, initialCache, source,
        run, events, expectations);
  }

  public boolean expectationsPassed() {
    return expectations.stream().allMatch(ExpectationResult::passed);
  }
}
