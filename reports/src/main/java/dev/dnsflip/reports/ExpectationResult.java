package dev.dnsflip.reports;

/**
 * One declared bound checked against one event's metric mean.
 *
 * @param where "file:line:col" of the declaration
 * @param event the switch event checked (from 0), or -1 when the bound selected none
 * @param scope null, or the groups whose clients alone the bound is on, e.g. "resolvers isp"
 */
public record ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast,
    double actual, boolean passed, String scope) {
  /** A bound on the whole population. */
  public ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast, double actual,
      boolean passed) {
    this(where, event, metric, atMost, atLeast, actual, passed, null);
  }

  /** The metric as messages name it: {@code lastStale.max}, or {@code lastStale.max (resolvers isp)}. */
  public String label() {
    return scope == null ? metric : metric + " (" + scope + ")";
  }
}
