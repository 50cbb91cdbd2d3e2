package dev.dnsflip.simulation;

import dev.dnsflip.authority.ModelRuleException;
import java.util.Objects;

/**
 * An expected bound a scenario declares on one metric of its report; a failed one makes the
 * CLI exit 1. Values are in the metric's unit: milliseconds for durations, a fraction (0..1)
 * for ratios, a plain number for counts. The bound applies to the metric's mean across
 * replications.
 *
 * @param selector which switch events: "enable", "disable", "all", or a switch number counted from 1 ("1"), as reports number them
 * @param metric a metric name as reports print it, e.g. "lastStale.max"
 * @param where "file:line:col" of the declaration, for messages
 */
public record Expectation(String selector, String metric, Double atMost, Double atLeast, String where) {
  public Expectation {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(metric, "metric");
    if (atMost == null && atLeast == null) {
      throw new ModelRuleException("an expectation needs atMost or atLeast");
    }
  }
}
