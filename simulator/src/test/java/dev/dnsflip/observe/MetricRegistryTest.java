package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MetricRegistryTest {
  private static final long MINUTE = 60_000;

  /** Four one-minute buckets; four observed clients, two of them stale (at 70 s and 400 s). */
  private static EventObservation observation(long[] bucketStale) {
    long[] uses = {10, 10, 10, 10};
    long stale = 0;
    for (long s : bucketStale) {
      stale += s;
    }
    long[] last = {400_000, 0, 70_000, 0};
    long[] first = {2_000, 1_000};
    return new EventObservation(4 * MINUTE, MINUTE, 40, stale, uses, bucketStale, new Percentiles(last, last.length),
        2, new Percentiles(first, first.length));
  }

  private static double value(String name, EventObservation o) {
    return MetricRegistry.definition(name).value().applyAsDouble(o);
  }

  private static boolean censored(String name, EventObservation o) {
    return MetricRegistry.definition(name).censoredWhen().test(o);
  }

  @Test
  void everyMetricIsDefinedOnceUnderAUniqueName() {
    List<String> names = MetricRegistry.names();

    assertThat(new HashSet<>(names)).hasSameSizeAs(names);
    assertThat(names).hasSize(MetricRegistry.all().size());
    for (MetricDefinition d : MetricRegistry.all()) {
      assertThat(MetricRegistry.find(d.name())).containsSame(d);
      assertThat(d.description()).as(d.name()).isNotBlank();
    }
    assertThat(MetricRegistry.find("lastStale.p42")).isEmpty();
    assertThatThrownBy(() -> MetricRegistry.definition("lastStale.p42")).hasMessageContaining("lastStale.p42");
  }

  /** The observation takes out together the bins of the percentiles the metrics read: the same list. */
  @Test
  void thePercentilesTakenOutTogetherAreThoseTheMetricsRead() {
    assertThat(percentilesNamed("lastStale.")).containsExactly(MetricRegistry.LAST_STALE_PERCENTILES);
    assertThat(percentilesNamed("firstFresh.")).containsExactly(MetricRegistry.FIRST_FRESH_PERCENTILES);
  }

  private static double[] percentilesNamed(String prefix) {
    return MetricRegistry.names().stream().filter(n -> n.startsWith(prefix)).map(n -> n.substring(prefix.length()))
        .mapToDouble(q -> q.equals("max") ? 100 : Double.parseDouble(q.substring(1))).toArray();
  }

  @Test
  void unitsFollowWhatEachMetricCounts() {
    Map<String, Unit> units = MetricRegistry.units();

    assertThat(units.keySet()).containsExactlyElementsOf(MetricRegistry.names());
    assertThat(units).contains(entry("uses", Unit.COUNT), entry("staleUses", Unit.COUNT),
        entry("clientsObserved", Unit.COUNT), entry("clientsWithStaleUse", Unit.COUNT),
        entry("staleShare", Unit.RATIO));
    assertThat(names(n -> n.startsWith("lastStale.") || n.startsWith("firstFresh.") || n.startsWith("staleShareBelow")
        || n.equals("staleShareZero"))).allSatisfy(n -> assertThat(units.get(n)).as(n).isEqualTo(Unit.DURATION_MS));
    assertThat(names(n -> n.startsWith("clientsStaleAfter."))).hasSize(4)
        .allSatisfy(n -> assertThat(units.get(n)).as(n).isEqualTo(Unit.RATIO));
  }

  @Test
  void onlyTimesThatTheWindowCanCutShortCanBeCensored() {
    assertThat(MetricRegistry.all().stream().filter(MetricDefinition::censorable).map(MetricDefinition::name))
        .containsExactly("lastStale.p50", "lastStale.p90", "lastStale.p99", "lastStale.p99.9", "lastStale.max",
            "firstFresh.p50", "firstFresh.p99", "firstFresh.max", "staleShareBelow1%", "staleShareBelow0.1%",
            "staleShareZero");
  }

  @Test
  void aStillStaleShareNeedsAWindowPastItsHorizon() {
    MetricDefinition hour = MetricRegistry.definition("clientsStaleAfter.1h");

    assertThat(hour.measurableIn(3_600_000)).isFalse();
    assertThat(hour.measurableIn(3_600_001)).isTrue();
    assertThat(MetricRegistry.all().stream().filter(d -> d.horizonMs() > 0).map(MetricDefinition::name))
        .containsExactlyElementsOf(names(n -> n.startsWith("clientsStaleAfter.")));
    assertThat(MetricRegistry.definition("lastStale.max").measurableIn(1)).isTrue();
  }

  @Test
  void computesEachFigureFromOneObservation() {
    EventObservation o = observation(new long[] {5, 1, 0, 0});

    assertThat(value("uses", o)).isEqualTo(40);
    assertThat(value("staleUses", o)).isEqualTo(6);
    assertThat(value("staleShare", o)).isEqualTo(6 / 40.0);
    assertThat(value("clientsObserved", o)).isEqualTo(4);
    assertThat(value("clientsWithStaleUse", o)).isEqualTo(2);
    assertThat(value("lastStale.p50", o)).as("nearest rank 2 of 0, 0, 70 s, 400 s").isZero();
    assertThat(value("lastStale.p90", o)).isEqualTo(400_000);
    assertThat(value("lastStale.max", o)).isEqualTo(400_000);
    assertThat(value("firstFresh.p50", o)).isEqualTo(1_000);
    assertThat(value("firstFresh.max", o)).isEqualTo(2_000);
    assertThat(value("clientsStaleAfter.1m", o)).isEqualTo(0.5);
    assertThat(value("clientsStaleAfter.5m", o)).isEqualTo(0.25);
    assertThat(value("clientsStaleAfter.15m", o)).isZero();
    // The last bucket at or above each threshold is the second (10%): its end, 2 min.
    for (String t : List.of("staleShareBelow1%", "staleShareBelow0.1%", "staleShareZero")) {
      assertThat(value(t, o)).as(t).isEqualTo(2 * MINUTE);
      assertThat(censored(t, o)).as(t).isFalse();
    }
  }

  @Test
  void aThresholdStillReachedInTheLastBucketIsCensoredAtTheWindowLength() {
    // The last bucket's share is 1 of 10: above every threshold.
    EventObservation o = observation(new long[] {5, 0, 0, 1});

    assertThat(value("staleShareZero", o)).isEqualTo(4 * MINUTE);
    assertThat(censored("staleShareZero", o)).isTrue();
    assertThat(censored("staleShareBelow1%", o)).isTrue();
    assertThat(value("staleShareBelow1%", o)).isEqualTo(4 * MINUTE);
    assertThat(censored("uses", o)).isFalse();
  }

  @Test
  void aThresholdTheLastBucketStaysUnderIsNotCensored() {
    long[] uses = {10, 10, 10, 10_000};
    EventObservation o = new EventObservation(4 * MINUTE, MINUTE, 10_030, 6, uses, new long[] {5, 0, 0, 1},
        new Percentiles(new long[0], 0), 0, new Percentiles(new long[0], 0));

    // 1 of 10,000 is 0.01%: under 1% and 0.1%, but not zero.
    assertThat(value("staleShareBelow1%", o)).isEqualTo(MINUTE);
    assertThat(censored("staleShareBelow1%", o)).isFalse();
    assertThat(value("staleShareBelow0.1%", o)).isEqualTo(MINUTE);
    assertThat(censored("staleShareZero", o)).isTrue();
  }

  @Test
  void anEmptyWindowReportsZerosNotNaNAndNoFreshAnswerAsCensored() {
    long[] none = new long[4];
    EventObservation o = new EventObservation(4 * MINUTE, MINUTE, 0, 0, none, none.clone(),
        new Percentiles(new long[0], 0), 0, new Percentiles(new long[0], 0));

    for (MetricDefinition d : MetricRegistry.all()) {
      if (d.name().startsWith("firstFresh.")) {
        // Nobody got a fresh answer in the window: not "fresh at once" (0), but later than the window, if ever.
        assertThat(d.value().applyAsDouble(o)).as(d.name()).isEqualTo(4 * MINUTE);
        assertThat(d.censoredWhen().test(o)).as(d.name()).isTrue();
      } else {
        assertThat(d.value().applyAsDouble(o)).as(d.name()).isZero();
        assertThat(d.censoredWhen().test(o)).as(d.name()).isFalse();
      }
    }
  }

  private static List<String> names(java.util.function.Predicate<String> which) {
    return MetricRegistry.names().stream().filter(which).collect(Collectors.toList());
  }
}
