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
 * @param outage 0 for a bound on switches; else the outage (numbered from 1) whose figure it bounds
 *     ({@code dev.dnsflip.observe.OutageMetrics}), with selector {@value #OUTAGE}
 */
public record Expectation(String selector, String metric, Double atMost, Double atLeast, String where,
    String resolverGroup, String clientGroup, int outage) {
  /** The selector of a bound on an outage's figure. */
  public static final String OUTAGE = "outage";

  public Expectation {
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(metric, "metric");
    if (atMost == null && atLeast == null) {
      throw new ModelRuleException("an expectation needs atMost or atLeast");
    }
    if (outage < 0 || (outage > 0) != selector.equals(OUTAGE)) {
      throw new ModelRuleException("an expectation on an outage names it (from 1) with selector " + OUTAGE);
    }
  }

  /** A bound on switches' metrics, maybe scoped to groups. */
  public Expectation(String selector, String metric, Double atMost, Double atLeast, String where,
      String resolverGroup, String clientGroup) {
    this(selector, metric, atMost, atLeast, where, resolverGroup, clientGroup, 0);
  }

  /** A bound on a figure of outage {@code outage} (from 1). */
  public static Expectation onOutage(int outage, String metric, Double atMost, Double atLeast, String where) {
    return onOutage(outage, metric, atMost, atLeast, where, null, null);
  }

  /**
   * A bound on a figure of outage {@code outage} (from 1) for one resolver group or one client
   * group (outage figures are kept per group, not per pair), or for everyone when both are null.
   */
  public static Expectation onOutage(int outage, String metric, Double atMost, Double atLeast, String where,
      String resolverGroup, String clientGroup) {
    if (resolverGroup != null && clientGroup != null) {
      throw new ModelRuleException("an outage's figures are per resolver group or per client group, not per pair");
    }
    return new Expectation(OUTAGE, metric, atMost, atLeast, where, resolverGroup, clientGroup, outage);
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
