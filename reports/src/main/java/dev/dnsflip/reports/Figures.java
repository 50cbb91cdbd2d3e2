package dev.dnsflip.reports;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
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

  /** Means over replications need not be whole; those keep two decimals. */
  public static String count(double n) {
    if (!Double.isFinite(n)) {
      return MISSING;
    }
    if (n == Math.rint(n) && Math.abs(n) < 1e15) {
      return count((long) n);
    }
    return String.format(Locale.ROOT, "%,.2f", n);
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
    return MetricRegistry.find(name).map(MetricDefinition::unit);
  }

  /** Switch events are numbered from 1 for people; the model counts from 0. */
  public static int number(EventReport event) {
    return event.index() + 1;
  }

  /** The behaviour that holds a transition back, as the console names it. */
  public static String slowest(Blame b) {
    return b.resolverGroup() + " (" + b.resolverKind() + ") + " + b.clientGroup() + " (" + b.clientKind()
        + "), last stale " + Durations.format(b.lastStaleMaxMs());
  }
}
