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
 * @param resolverGroup null, or the resolver group whose clients alone are bounded (on the blame
 *     table's figure, the latest stale use over every run)
 * @param clientGroup likewise for a client group
 */
public record Expectation(String selector, String metric, Double atMost, Double atLeast, String where,
    String resolverGroup, String clientGroup) {
  public Expectation {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(metric, "metric");
    if (atMost == null && atLeast == null) {
      throw new ModelRuleException("an expectation needs atMost or atLeast");
    }
  }

  /** A bound on the whole population's metric. */
  public Expectation(String selector, String metric, Double atMost, Double atLeast, String where) {
    this(selector, metric, atMost, atLeast, where, null, null);
  }

  /** Whether the bound is on some groups' clients only. */
  public boolean isScoped() {
    return resolverGroup != null || clientGroup != null;
  }

  /** "resolvers isp, clients browsers", or null for the whole population. */
  public String scope() {
    if (!isScoped()) {
      return null;
    }
    return (resolverGroup == null ? "" : "resolvers " + resolverGroup)
        + (resolverGroup != null && clientGroup != null ? ", " : "")
        + (clientGroup == null ? "" : "clients " + clientGroup);
  }
}
