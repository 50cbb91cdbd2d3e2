package dev.dnsflip.reports;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.MetricDefinition;
import dev.dnsflip.observe.MetricRegistry;
import dev.dnsflip.observe.Unit;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * How the human-readable renderers spell numbers, so Markdown and the console agree. Always
 * Locale.ROOT: a report must not change with the machine that wrote it. Public so that test
 * assertions on a report word their failures as the reports do.
 */
public final class Figures {
  public static final String MISSING = "n/a";

  private Figures() {}

  public static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /**
   * A count, always whole: a mean over replications is rounded to the nearest whole number (half
   * up), because "7,737.33 clients" reads as a measurement nobody made; the interval beside it
   * says how much the runs varied.
   */
  public static String count(double n) {
    if (!Double.isFinite(n)) {
      return MISSING;
    }
    return count(Math.round(n));
  }

  /** A ratio as a percentage; tiny nonzero values say so instead of rounding to a misleading 0.00%. */
  public static String percent(double ratio) {
    if (!Double.isFinite(ratio)) {
      return MISSING;
    }
    if (ratio != 0 && Math.abs(ratio) < 0.00005) {
      return ratio > 0 ? "<0.01%" : ">-0.01%";
    }
    if (ratio < 1 && ratio >= 0.99995) {
      return ">99.99%";
    }
    return String.format(Locale.ROOT, "%.2f%%", ratio * 100);
  }

  public static String duration(double ms) {
    return Double.isFinite(ms) ? Durations.format(Math.round(ms)) : MISSING;
  }

  /** A count's interval end, rounded outwards so the whole-number interval still holds the real one. */
  static double countEnd(double v, boolean low) {
    return low ? Math.floor(v) : Math.ceil(v);
  }

  /** The 95% interval of a metric's mean as "low – high", or empty when there is none (one run, or censored). */
  public static String interval(Metric m) {
    Estimate e = m.estimate();
    if (e.ciLow() == null || e.ciHigh() == null) {
      return "";
    }
    double low = m.unit() == Unit.COUNT ? countEnd(e.ciLow(), true) : e.ciLow();
    double high = m.unit() == Unit.COUNT ? countEnd(e.ciHigh(), false) : e.ciHigh();
    return value(m.unit(), low) + " – " + value(m.unit(), high);
  }

  /** The smallest and largest value over runs, "min – max"; empty for one run. */
  public static String range(Metric m) {
    Estimate e = m.estimate();
    if (e.samples() < 2) {
      return "";
    }
    return value(m.unit(), e.min()) + " – " + value(m.unit(), e.max());
  }

  /**
   * A metric's mean as a person reads it. A censored run used the window's length in place of a
   * time that came later (or never), so the mean is only a lower bound: say so, and in how many
   * runs, rather than print it as if it were measured.
   */
  public static String estimate(Metric m) {
    Estimate e = m.estimate();
    String v = value(m.unit(), e.mean());
    if (e.censored() <= 0) {
      return v;
    }
    String why = cutShort(m.name());
    if (e.censored() >= e.samples()) {
      return why + (e.samples() > 1 ? " in all " + e.samples() + " runs" : "") + " (≥ " + v + ")";
    }
    return "≥ " + v + " (" + why + " in " + e.censored() + " of " + e.samples() + " runs)";
  }

  /** A metric's mean in a few characters: "≥" before a figure the window cut short in some run. */
  public static String shortEstimate(Metric m) {
    String v = value(m.unit(), m.estimate().mean());
    return m.estimate().censored() > 0 ? "≥ " + v : v;
  }

  /** Why the window's end cut a figure short, in the figure's own terms. */
  private static String cutShort(String metric) {
    if (metric.startsWith("lastStale.")) {
      return "still stale when the window closed";
    }
    if (metric.startsWith("firstFresh.")) {
      return "no fresh answer before the window closed";
    }
    return "not reached before the window closed";
  }

  /**
   * What a figure over replications is, for table headers: one meaning per label in every
   * renderer. Metrics are the mean of the runs' values (for lastStale.max the mean of per-run
   * maxima); "latest" figures (blame, questions, slowest behaviour) are the latest in any run.
   */
  public static String meanLabel(int replications) {
    return replications > 1 ? "Mean of " + replications + " runs" : "Value";
  }

  /** The header of a "latest stale use" column. */
  public static String latestLabel(int replications) {
    return replications > 1 ? "Latest stale use (any run)" : "Latest stale use";
  }

  public static String value(Unit unit, double v) {
    return switch (unit) {
      case COUNT -> count(v);
      case RATIO -> percent(v);
      case DURATION_MS -> duration(v);
    };
  }

  /** For a figure whose unit is unknown (an expectation on a metric no event has). */
  public static String plain(double v) {
    if (!Double.isFinite(v)) {
      return MISSING;
    }
    return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
  }

  public static String value(Optional<Unit> unit, double v) {
    return unit.map(u -> value(u, v)).orElseGet(() -> plain(v));
  }

  /** The unit of a metric name, empty for a name the registry does not define. */
  public static Optional<Unit> unitOf(String name) {
    if (dev.dnsflip.observe.OutageMetrics.isOutageMetric(name)) {
      return Optional.of(Unit.RATIO);
    }
    return MetricRegistry.find(name).map(MetricDefinition::unit);
  }

  /** Switch events are numbered from 1 for people; the model counts from 0. */
  public static int number(EventReport event) {
    return event.index() + 1;
  }

  /** The behaviour that holds a transition back, as the console names it (one run). */
  public static String slowest(Blame b) {
    return slowest(b, 1);
  }

  /**
   * The behaviour that holds a transition back, as the console names it; with several runs its
   * latest stale use is the latest in any of them (not a mean).
   */
  public static String slowest(Blame b, int replications) {
    return b.resolverGroup() + " (" + b.resolverKind() + ") + " + b.clientGroup() + " (" + b.clientKind()
        + "), latest stale use " + Durations.format(b.lastStaleMaxMs())
        + (replications > 1 ? " (latest of " + replications + " runs)" : "");
  }
}
