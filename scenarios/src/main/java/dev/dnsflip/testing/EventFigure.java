package dev.dnsflip.testing;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.MetricRegistry;
import java.util.Optional;
import org.assertj.core.internal.Failures;

/**
 * One figure of a switch event as an assertion sees it: a metric's mean over replications, or a
 * bucket of the stale series, or why the event has no such figure.
 *
 * @param missing why there is no value (the window ends before the metric's horizon), else null
 * @param over how the value combines replications ("mean of 3 replications"), else null
 */
record EventFigure(EventReport event, String name, double value, int censored, int samples, String missing,
    String over) {

  static EventFigure metric(EventReport event, String name, int replications) {
    Optional<Metric> metric = event.find(name);
    if (metric.isEmpty()) {
      long horizonMs = MetricRegistry.definition(name).horizonMs();
      return new EventFigure(event, name, Double.NaN, 0, 0, name + " is not measured: the window, "
          + Durations.format(event.windowEndMs() - event.atMs()) + ", ends before its horizon of "
          + Durations.format(horizonMs), null);
    }
    Estimate e = metric.get().estimate();
    return new EventFigure(event, name, e.mean(), e.censored(), e.samples(), null,
        replications > 1 ? "mean of " + replications + " replications" : null);
  }

  /** The value, or a failure saying why there is none. */
  double measured() {
    if (missing != null) {
      throw fail(missing);
    }
    if (!Double.isFinite(value)) {
      throw fail(name + " has no value");
    }
    return value;
  }

  /** "lastStale.p99 was 5m 31.2s (mean of 3 replications), expected at most 5m 30s". */
  AssertionError fail(String shown, String expected) {
    return fail(name + " was " + shown + (over == null ? "" : " (" + over + ")") + ", expected " + expected);
  }

  /** A time bounded from above cannot be confirmed when the window closed before it was reached. */
  AssertionError censoredFail(String shown, String expected) {
    return fail(name + " was not reached before the window closed in " + censored + " of " + samples
        + (samples == 1 ? " replication" : " replications") + " (so at least " + shown + "), expected " + expected);
  }

  AssertionError fail(String what) {
    return Failures.instance().failure(SwitchText.failure(event, what));
  }
}
