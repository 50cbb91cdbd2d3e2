package dev.dnsflip.observe;

import java.util.List;

/** What a run found: data only; JSON, Markdown and the console summary are renderers of it. */
public record TransitionReport(
    String scenario,
    String description,
    long seed,
    int replications,
    long durationMs,
    long bucketMs,
    String initialCache,
    RunSummary run,
    List<EventReport> events,
    List<ExpectationResult> expectations) {

  public TransitionReport {
    events = List.copyOf(events);
    expectations = List.copyOf(expectations);
  }

  public boolean expectationsPassed() {
    return expectations.stream().allMatch(ExpectationResult::passed);
  }
}
