package dev.dnsflip.observe;

import static dev.dnsflip.observe.MetricDefinition.of;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Every metric a switch event can report, in report order, each defined once. Reports,
 * expectations and properties find metrics here by name; nothing addresses them by position.
 *
 * <p>Population of the last-stale percentiles: every client that used a name inside the event's
 * window; a client whose every use was fresh counts as 0. Threshold times ("stale share stays
 * below 1%") are bucket ends after the last bucket at or above the threshold; a replication in
 * which that bucket is the window's last is censored (the window length is used).
 *
 * <p>Censoring, per replication: a last-stale figure lying in the window's last bucket, when that
 * bucket had stale uses, may not be the client's last (it may have stayed stale past the end); a
 * first-fresh percentile whose rank falls on a client without a fresh use in the window is the
 * window's length standing in for a later time. A ".max" metric is per replication; across
 * replications it is estimated like every other metric (mean, interval, min and max over runs).
 */
public final class MetricRegistry {
  private static final List<MetricDefinition> ALL = List.of(
      of("uses", Unit.COUNT, "uses (queries) by clients inside the window", EventObservation::uses),
      of("staleUses", Unit.COUNT, "uses whose answer differed in provenance from the intended one",
          EventObservation::staleUses),
      of("staleShare", Unit.RATIO, "stale uses / uses",
          o -> o.uses() == 0 ? 0 : (double) o.staleUses() / o.uses()),
      of("clientsObserved", Unit.COUNT, "clients with at least one use inside the window",
          EventObservation::clientsObserved),
      of("clientsWithStaleUse", Unit.COUNT, "clients with at least one stale use",
          EventObservation::clientsWithStaleUse),
      lastStale("lastStale.p50", "median over observed clients of the last stale use (0 if none)", 50),
      lastStale("lastStale.p90", "90th percentile of last stale use", 90),
      lastStale("lastStale.p99", "99th percentile of last stale use", 99),
      lastStale("lastStale.p99.9", "99.9th percentile of last stale use", 99.9),
      lastStale("lastStale.max", "the latest stale use of any client in the run", 100),
      of("clientsNeverFresh", Unit.COUNT, "observed clients without a fresh use inside the window",
          EventObservation::clientsNeverFresh),
      firstFresh("firstFresh.p50", "median over observed clients of the first fresh use", 50),
      firstFresh("firstFresh.p99", "99th percentile of first fresh use", 99),
      firstFresh("firstFresh.max", "the latest first fresh use of any client in the run", 100),
      belowThreshold("staleShareBelow1%", "time after which every bucket's stale share stays below 1%", 0.01),
      belowThreshold("staleShareBelow0.1%", "time after which every bucket's stale share stays below 0.1%", 0.001),
      belowThreshold("staleShareZero", "end of the last bucket with any stale use", 0.0),
      staleAfter("clientsStaleAfter.1m", "1 min", 60_000),
      staleAfter("clientsStaleAfter.5m", "5 min", 300_000),
      staleAfter("clientsStaleAfter.15m", "15 min", 900_000),
      staleAfter("clientsStaleAfter.1h", "1 h", 3_600_000));

  private static final Map<String, MetricDefinition> BY_NAME = byName();

  /** The percentiles of the clients' last stale uses the metrics read (100: the max). */
  static final double[] LAST_STALE_PERCENTILES = {50, 90, 99, 99.9, 100};

  /** The percentiles of the first fresh uses the metrics read, over every observed client. */
  static final double[] FIRST_FRESH_PERCENTILES = {50, 99, 100};

  private MetricRegistry() {}

  /** Every definition, in report order. */
  public static List<MetricDefinition> all() {
    return ALL;
  }

  public static Optional<MetricDefinition> find(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }

  public static MetricDefinition definition(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no metric " + name));
  }

  /** Every metric name, in report order. */
  public static List<String> names() {
    return ALL.stream().map(MetricDefinition::name).toList();
  }

  /** Metric name -> unit, in report order. */
  public static Map<String, Unit> units() {
    Map<String, Unit> units = new LinkedHashMap<>();
    ALL.forEach(d -> units.put(d.name(), d.unit()));
    return Collections.unmodifiableMap(units);
  }

  private static Map<String, MetricDefinition> byName() {
    Map<String, MetricDefinition> map = new LinkedHashMap<>();
    for (MetricDefinition d : ALL) {
      if (map.put(d.name(), d) != null) {
        throw new IllegalStateException("metric " + d.name() + " is defined twice");
      }
    }
    return Collections.unmodifiableMap(map);
  }

  /** The time after which the stale share stays below {@code threshold}; censored when it never does. */
  private static MetricDefinition belowThreshold(String name, String description, double threshold) {
    return of(name, Unit.DURATION_MS, description, o -> o.timeBelow(threshold))
        .censoredWhen(o -> o.stillAtOrAboveAtWindowEnd(threshold));
  }

  /** The share of observed clients still stale at or after {@code horizonMs}; needs a longer window. */
  private static MetricDefinition staleAfter(String name, String horizon, long horizonMs) {
    return of(name, Unit.RATIO, "share of observed clients with a stale use " + horizon + " or more after the switch",
        o -> o.clientsObserved() == 0 ? 0 : (double) o.lastStale().countAtLeast(horizonMs) / o.clientsObserved())
        .withHorizon(horizonMs);
  }

  /** A percentile (100 = the maximum) of the clients' last stale uses, censored when it may continue. */
  private static MetricDefinition lastStale(String name, String description, double q) {
    ToDoubleFunction<EventObservation> value = o -> q == 100 ? max(o.lastStale()) : percentile(o.lastStale(), q);
    return of(name, Unit.DURATION_MS, description, value)
        .censoredWhen(o -> o.lastStaleOpenAtWindowEnd(value.applyAsDouble(o)));
  }

  /**
   * A percentile (100 = the maximum) of the first fresh use over every observed client; a client
   * without a fresh use in the window ranks last, and a rank that falls on one is censored.
   */
  private static MetricDefinition firstFresh(String name, String description, double q) {
    return of(name, Unit.DURATION_MS, description, o -> o.firstFreshPercentile(q))
        .censoredWhen(o -> o.firstFreshCensored(q));
  }

  private static double percentile(Percentiles p, double q) {
    return p.isEmpty() ? 0 : p.percentile(q);
  }

  private static double max(Percentiles p) {
    return p.isEmpty() ? 0 : p.max();
  }
}
