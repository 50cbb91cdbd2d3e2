package dev.dnsflip.testing;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.MetricDefinition;
import dev.dnsflip.observe.MetricRegistry;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.reports.Figures;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/** Assertions on one switch event of a report, numbered from 1 as every report numbers it. */
public final class SwitchAssert extends AbstractAssert<SwitchAssert, EventReport> {
  private static final String STALE_AFTER = "clientsStaleAfter.";

  private final int replications;

  SwitchAssert(EventReport event, int replications) {
    super(event, SwitchAssert.class);
    this.replications = replications;
  }

  /** When each observed client last used an answer of the previous setting (0 if never). */
  public PercentilesAssert lastStale() {
    return new PercentilesAssert(actual, "lastStale", replications);
  }

  /** When each client first used an answer of the new setting. */
  public PercentilesAssert firstFresh() {
    return new PercentilesAssert(actual, "firstFresh", replications);
  }

  /**
   * The stale share of the series bucket holding {@code offset} after the switch, pooled over
   * replications; a bucket past the event's window is a failure.
   */
  public ShareAssert staleShareAt(Duration offset) {
    Objects.requireNonNull(offset, "offset");
    if (offset.isNegative()) {
      throw new IllegalArgumentException("offset after the switch must be >= 0: " + offset);
    }
    StaleSeries series = actual.series();
    long offsetMs = offset.toMillis();
    long bucket = offsetMs / series.bucketMs();
    String name = "staleShare at " + SwitchText.duration(offset);
    if (bucket >= series.buckets()) {
      throw new EventFigure(actual, name, Double.NaN, 0, 0, null, null).fail(name + " is past the window, "
          + Durations.format(actual.windowEndMs() - actual.atMs()) + " long");
    }
    long from = bucket * series.bucketMs();
    String label = name + " (bucket " + Durations.format(from) + " to " + Durations.format(from + series.bucketMs()) + ")";
    double share = series.share((int) bucket);
    return new ShareAssert(new EventFigure(actual, label, share, 0, 0,
        Double.isNaN(share) ? label + " saw no use" : null,
        replications > 1 ? "over " + replications + " replications" : null));
  }

  /**
   * How soon every bucket's stale share stays below {@code threshold}: 0.01 and 0.001 are the
   * registry's {@code staleShareBelow1%} and {@code staleShareBelow0.1%}; 0 is {@code staleShareZero}.
   */
  public ThresholdAssert staleShareStaysBelow(double threshold) {
    String name = threshold == 0 ? "staleShareZero"
        : "staleShareBelow" + BigDecimal.valueOf(threshold).movePointRight(2).stripTrailingZeros().toPlainString() + "%";
    if (MetricRegistry.find(name).isEmpty()) {
      throw new IllegalArgumentException("no threshold metric for a stale share of " + Figures.percent(threshold)
          + "; the thresholds are 0.01 (1%), 0.001 (0.1%) and 0 (staleShareZero)");
    }
    return new ThresholdAssert(this, new DurationFigureAssert(EventFigure.metric(actual, name, replications)));
  }

  /** The share of observed clients with a stale use {@code horizon} or more after the switch. */
  public ShareAssert clientsStaleAfter(Duration horizon) {
    Objects.requireNonNull(horizon, "horizon");
    MetricDefinition metric = MetricRegistry.all().stream()
        .filter(d -> d.name().startsWith(STALE_AFTER) && d.horizonMs() == horizon.toMillis())
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no metric of clients stale after "
            + SwitchText.duration(horizon) + "; the horizons are " + MetricRegistry.all().stream()
            .filter(d -> d.name().startsWith(STALE_AFTER)).map(d -> Durations.format(d.horizonMs()))
            .collect(Collectors.joining(", "))));
    return new ShareAssert(EventFigure.metric(actual, metric.name(), replications));
  }
}
