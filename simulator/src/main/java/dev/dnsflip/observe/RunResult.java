package dev.dnsflip.observe;

import java.util.List;

/**
 * What a simulation run computed, and nothing a harness adds: the run's counts and, per switch
 * event, its metrics (estimated over replications from the {@link MetricRegistry}), series,
 * closed-form points, per-question figures and blame tallies, the readiness figures, and whether
 * client queries were answered over the run and during outages. A value: the same scenario gives
 * an equal result however often it runs.
 */
public record RunResult(RunSummary summary, List<EventReport> events, Readiness readiness, Answering answering) {
  public RunResult {
    events = List.copyOf(events);
    java.util.Objects.requireNonNull(readiness, "readiness");
    java.util.Objects.requireNonNull(answering, "answering");
  }

  /** A result without the answered-query figures (measured in the lab). */
  public RunResult(RunSummary summary, List<EventReport> events, Readiness readiness) {
    this(summary, events, readiness, Answering.NONE);
  }

  /** A result without readiness figures (built by hand). */
  public RunResult(RunSummary summary, List<EventReport> events) {
    this(summary, events, Readiness.NONE);
  }
}
