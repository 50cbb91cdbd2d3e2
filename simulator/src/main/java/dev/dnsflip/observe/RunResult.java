package dev.dnsflip.observe;

import java.util.List;

/**
 * What a simulation run computed, and nothing a harness adds: the run's counts and, per switch
 * event, its metrics (estimated over replications from the {@link MetricRegistry}), series,
 * closed-form points, per-question figures and blame tallies, and the readiness figures. A value: the same scenario gives
 * an equal result however often it runs.
 */
public record RunResult(RunSummary summary, List<EventReport> events, Readiness readiness) {
  public RunResult {
    events = List.copyOf(events);
    java.util.Objects.requireNonNull(readiness, "readiness");
  }

  /** A result without readiness figures (built by hand). */
  public RunResult(RunSummary summary, List<EventReport> events) {
    this(summary, events, Readiness.NONE);
  }
}
