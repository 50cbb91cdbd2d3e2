package dev.dnsflip.reports;

import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.Answering;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Readiness;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.simulation.ReferenceMark;
import dev.dnsflip.simulation.Scenario;
import java.util.List;

/**
 * What the renderers print: the scenario's facts, the simulator's {@link RunResult}, and what the
 * harness attaches to it (where an imported account came from, the declared bounds checked with
 * their file locations). Data only; JSON, Markdown, HTML, CSV and the console summary render it.
 *
 * @param accountImport where the account came from when it was imported, else null
 * @param readiness origin load, exposure, TLS, excluded records and tail causes (the simulator's)
 * @param answering client queries answered and failed over the run and during outages (the simulator's)
 * @param references the published figures the scenario sets beside its curves
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
    List<ExpectationResult> expectations,
    Readiness readiness,
    Answering answering,
    List<ReferenceMark> references) {

  public TransitionReport {
    events = List.copyOf(events);
    expectations = List.copyOf(expectations);
    references = List.copyOf(references);
    java.util.Objects.requireNonNull(readiness, "readiness");
    java.util.Objects.requireNonNull(answering, "answering");
  }

  /** A report without the answered-query figures (built by hand, or measured in the lab). */
  public TransitionReport(String scenario, String description, long seed, int replications, long durationMs,
      long bucketMs, String initialCache, AccountImport accountImport, RunSummary run, List<EventReport> events,
      List<ExpectationResult> expectations, Readiness readiness, List<ReferenceMark> references) {
    this(scenario, description, seed, replications, durationMs, bucketMs, initialCache, accountImport, run, events,
        expectations, readiness, Answering.NONE, references);
  }

  /** A report without readiness figures (built by hand). */
  public TransitionReport(String scenario, String description, long seed, int replications, long durationMs,
      long bucketMs, String initialCache, AccountImport accountImport, RunSummary run, List<EventReport> events,
      List<ExpectationResult> expectations) {
    this(scenario, description, seed, replications, durationMs, bucketMs, initialCache, accountImport, run, events,
        expectations, Readiness.NONE, List.of());
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
        result.summary(), result.events(), expectations, result.readiness(), result.answering(),
        scenario.references());
  }

  /** The same report, saying the account was imported. */
  public TransitionReport withAccountImport(AccountImport source) {
    return new TransitionReport(scenario, description, seed, replications, durationMs, bucketMs, initialCache, source,
        run, events, expectations, readiness, answering, references);
  }

  public boolean expectationsPassed() {
    return expectations.stream().allMatch(ExpectationResult::passed);
  }
}
