package dev.dnsflip.observe;

import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * One metric, defined once: its name as reports and expectations spell it, its unit, what it
 * means, how one replication's value is computed, when that value is censored (a threshold the
 * window closed before reaching: the window length stands in, so the true value is at least
 * that), and the horizon the window must pass for the metric to be measurable at all.
 *
 * @param horizonMs the metric is measured only in windows longer than this; 0 for every window
 */
public record MetricDefinition(String name, Unit unit, String description, ToDoubleFunction<EventObservation> value,
    Predicate<EventObservation> censoredWhen, long horizonMs) {

  /** For metrics that always have a measured value. */
  public static final Predicate<EventObservation> NEVER_CENSORED = o -> false;

  public MetricDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(censoredWhen, "censoredWhen");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a metric needs a name");
    }
    if (horizonMs < 0) {
      throw new IllegalArgumentException("horizonMs must be >= 0: " + horizonMs);
    }
  }

  /** A metric measured in every window and never censored. */
  public static MetricDefinition of(String name, Unit unit, String description,
      ToDoubleFunction<EventObservation> value) {
    return new MetricDefinition(name, unit, description, value, NEVER_CENSORED, 0);
  }

  public MetricDefinition censoredWhen(Predicate<EventObservation> censored) {
    return new MetricDefinition(name, unit, description, value, censored, horizonMs);
  }

  public MetricDefinition withHorizon(long horizon) {
    return new MetricDefinition(name, unit, description, value, censoredWhen, horizon);
  }

  public boolean censorable() {
    return censoredWhen != NEVER_CENSORED;
  }

  /**
   * Whether a window of this length can measure the metric: a window that ends at or before the
   * horizon cannot see a client stale after it, and a 0 there would read as a measurement.
   */
  public boolean measurableIn(long windowMs) {
    return horizonMs == 0 || horizonMs < windowMs;
  }

  /** The metric as a report states it, with its estimate over replications. */
  public Metric estimated(Estimate estimate) {
    return new Metric(name, unit, description, estimate);
  }
}
