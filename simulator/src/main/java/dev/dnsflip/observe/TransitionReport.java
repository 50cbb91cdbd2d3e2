package dev.dnsflip.observe;

import java.util.List;

/**
 * What a run found: data only; JSON, Markdown and the console summary are renderers of it.
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

  /** The same report, saying the account was imported. */
  public TransitionReport withAccountImport(AccountImport source) {
    return new TransitionReport(scenario, description, seed, replications, durationMs, bucketMs, initialCache, source,
        run, events, expectations);
  }

  public boolean expectationsPassed() {
    return expectations.stream().allMatch(ExpectationResult::passed);
  }
}
