package dev.dnsflip.reports;

/**
 * One declared bound checked against one event's metric mean.
 *
 * @param where "file:line:col" of the declaration
 * @param event the switch event checked (from 0), or -1 when the bound selected none
 * @param censoredRuns runs in which the window cut the figure short: the mean is then only a lower
 *     bound, which can confirm an {@code atLeast} but never an {@code atMost}
 * @param runs the runs the mean is over (0 when there is no figure)
 * @param scope null, or the groups whose clients alone the bound is on, e.g. "resolvers isp"
 * @param outage null for a bound on switches; else the outage checked, numbered from 1 (event is then -1)
 */
public record ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast,
    double actual, boolean passed, int censoredRuns, int runs, String scope, Integer outage) {

  /** A bound on a switch's figure. */
  public ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast, double actual,
      boolean passed, int censoredRuns, int runs, String scope) {
    this(where, event, metric, atMost, atLeast, actual, passed, censoredRuns, runs, scope, null);
  }

  /** A figure no run cut short, on the whole population. */
  public ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast, double actual,
      boolean passed) {
    this(where, event, metric, atMost, atLeast, actual, passed, 0, 0, null);
  }

  /** The figure as reports print it: "≥ 30m 0s" when the window cut it short in some run. */
  public String shownActual() {
    String v = Figures.value(Figures.unitOf(metric), actual);
    return censoredRuns > 0 && Double.isFinite(actual) ? "≥ " + v : v;
  }

  /** What was checked, as messages name it: "switch 2", "outage 1", or "no matching switch". */
  public String checked() {
    return outage != null ? "outage " + outage : event < 0 ? "no matching switch" : "switch " + (event + 1);
  }

  /** The metric as messages name it: {@code lastStale.max}, or {@code lastStale.max (resolvers isp)}. */
  public String label() {
    return scope == null ? metric : metric + " (" + scope + ")";
  }
}
