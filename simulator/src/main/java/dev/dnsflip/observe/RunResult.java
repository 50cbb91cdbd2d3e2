package dev.dnsflip.observe;

import java.util.List;

/**
 * What a simulation run computed, and nothing a harness adds: the run's counts and, per switch
 * event, its metrics (estimated over replications from the {@link MetricRegistry}), series,
 * closed-form points, per-question figures and blame tallies. A value: the same scenario gives
 * an equal result however often it runs.
 */
public record RunResult(RunSummary summary, List<EventReport> events) {
  public RunResult {
    events = List.copyOf(events);
  }
}
