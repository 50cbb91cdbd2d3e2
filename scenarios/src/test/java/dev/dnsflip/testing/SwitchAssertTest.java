package dev.dnsflip.testing;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every figure assertion against the shipped default scenario, with bounds at the figure's own
 * edge: the figure passes, one millisecond (or the next double) past it fails, word for word.
 */
class SwitchAssertTest {
  private static final String SLOWEST_1 = "; the slowest: isp (ttl-honouring) + browsers (plain), latest stale use 5m 1.434s";
  private static final String SLOWEST_2 = "; the slowest: isp (ttl-honouring) + apps (plain), latest stale use 25m 20.266s";
  private static final Duration MS = Duration.ofMillis(1);

  private static TransitionReport report;

  @BeforeAll
  static void runDefault() throws InputException {
    report = Dnsflip.run(Path.of("suites/default.yaml"));
  }

  /** A metric's mean after switch n (from 1), as the assertions compare it. */
  private static Duration time(int n, String metric) {
    return SwitchText.ofMs(report.events().get(n - 1).metric(metric).estimate().mean());
  }

  private static double share(int n, String metric) {
    return report.events().get(n - 1).metric(metric).estimate().mean();
  }

  private static String slowest(int n) {
    return n == 1 ? SLOWEST_1 : SLOWEST_2;
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 | 50   | switch 1 (enable at 1m 0s): lastStale.p50 was 1m 34.546s, expected at most 1m 34.545s",
      "1 | 90   | switch 1 (enable at 1m 0s): lastStale.p90 was 3m 45.087s, expected at most 3m 45.086s",
      "1 | 99   | switch 1 (enable at 1m 0s): lastStale.p99 was 4m 41.127s, expected at most 4m 41.126s",
      "1 | 99.9 | switch 1 (enable at 1m 0s): lastStale.p99.9 was 4m 57.462s, expected at most 4m 57.461s",
      "2 | 50   | switch 2 (disable at 31m 0s): lastStale.p50 was 1m 40.635s, expected at most 1m 40.634s",
      "2 | 90   | switch 2 (disable at 31m 0s): lastStale.p90 was 3m 52.124s, expected at most 3m 52.123s",
      "2 | 99   | switch 2 (disable at 31m 0s): lastStale.p99 was 5m 13.597s, expected at most 5m 13.596s",
      "2 | 99.9 | switch 2 (disable at 31m 0s): lastStale.p99.9 was 7m 44.427s, expected at most 7m 44.426s"})
  void lastStalePercentileIsAtMostItsFigureAndNotAMillisecondLess(int n, double q, String message) {
    Duration figure = time(n, "lastStale.p" + (q == 99.9 ? "99.9" : Integer.toString((int) q)));

    assertThat(report).afterSwitch(n).lastStale().percentile(q).isAtMost(figure);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(n).lastStale().percentile(q).isAtMost(figure.minus(MS)))
        .isInstanceOf(AssertionError.class).hasMessage(message + slowest(n));
  }

  @Test
  void lastStaleMaxNamesTheBehaviourHoldingTheTail() {
    Duration max = time(2, "lastStale.max");

    assertThat(report).afterSwitch(2).lastStale().max().isAtMost(max);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).lastStale().max().isAtMost(max.minus(MS)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): lastStale.max was 25m 20.266s, expected at most 25m 20.265s"
            + SLOWEST_2);
  }

  @Test
  void isLessThanRefusesTheFigureItself() {
    Duration p99 = time(1, "lastStale.p99");

    assertThat(report).afterSwitch(1).lastStale().percentile(99).isLessThan(p99.plus(MS));
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).lastStale().percentile(99).isLessThan(p99))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): lastStale.p99 was 4m 41.127s, expected less than 4m 41.127s"
            + SLOWEST_1);
  }

  @Test
  void isAtLeastHoldsAtTheFigureAndNotAMillisecondMore() {
    Duration p50 = time(2, "lastStale.p50");

    assertThat(report).afterSwitch(2).lastStale().percentile(50).isAtLeast(p50).isAtMost(p50);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).lastStale().percentile(50).isAtLeast(p50.plus(MS)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): lastStale.p50 was 1m 40.635s, expected at least 1m 40.636s"
            + SLOWEST_2);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "1 | firstFresh.p50 | switch 1 (enable at 1m 0s): firstFresh.p50 was 1m 32.119s, expected at most 1m 32.118s",
      "1 | firstFresh.p99 | switch 1 (enable at 1m 0s): firstFresh.p99 was 6m 13.549s, expected at most 6m 13.548s",
      "1 | firstFresh.max | switch 1 (enable at 1m 0s): firstFresh.max was 18m 51.286s, expected at most 18m 51.285s",
      "2 | firstFresh.p99 | switch 2 (disable at 31m 0s): firstFresh.p99 was 6m 28.319s, expected at most 6m 28.318s"})
  void firstFreshIsAtMostItsFigureAndNotAMillisecondLess(int n, String metric, String message) {
    Duration figure = time(n, metric);
    PercentilesAssert firstFresh = assertThat(report).afterSwitch(n).firstFresh();
    DurationFigureAssert asserted = metric.endsWith("max") ? firstFresh.max()
        : firstFresh.percentile(Double.parseDouble(metric.substring("firstFresh.p".length())));

    asserted.isAtMost(figure);
    assertThatThrownBy(() -> asserted.isAtMost(figure.minus(MS)))
        .isInstanceOf(AssertionError.class).hasMessage(message + slowest(n));
  }

  @Test
  void aPercentileTheRegistryLacksIsAMistakeNotAFailure() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).firstFresh().percentile(90))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no metric firstFresh.p90; firstFresh has p50, p99, max");
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).lastStale().percentile(95))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no metric lastStale.p95; lastStale has p50, p90, p99, p99.9, max");
  }

  @Test
  void staleShareAtReadsTheBucketHoldingTheOffset() {
    double bucket1 = report.events().get(0).series().share(1);

    assertThat(report).afterSwitch(1).staleShareAt(Duration.ofSeconds(7)).isAtMost(bucket1)
        .isBelow(Math.nextUp(bucket1));
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareAt(Duration.ofSeconds(7)).isBelow(bucket1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShare at 7s (bucket 5s to 10s) was 63.60%, expected below 63.60%"
            + SLOWEST_1);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareAt(Duration.ofSeconds(5))
        .isAtMost(Math.nextDown(bucket1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShare at 5s (bucket 5s to 10s) was 63.60%, expected at most "
            + "63.60%" + SLOWEST_1);
  }

  @Test
  void staleShareAtPastTheWindowFails() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareAt(Duration.ofMinutes(30)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShare at 30m 0s is past the window, 30m 0s long" + SLOWEST_1);
  }

  @Test
  void staleShareStaysBelowAThresholdWithinItsFigure() {
    Duration below1 = time(2, "staleShareBelow1%");
    Duration below01 = time(2, "staleShareBelow0.1%");
    Duration zero = time(1, "staleShareZero");

    assertThat(report).afterSwitch(2).staleShareStaysBelow(0.01).within(below1)
        .staleShareStaysBelow(0.001).within(below01);
    assertThat(report).afterSwitch(1).staleShareStaysBelow(0).within(zero);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).staleShareStaysBelow(0.01).within(below1.minus(MS)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): staleShareBelow1% was 5m 15s, expected at most 5m 14.999s"
            + SLOWEST_2);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareStaysBelow(0).within(zero.minus(MS)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShareZero was 5m 5s, expected at most 5m 4.999s" + SLOWEST_1);
  }

  @Test
  void aThresholdWithoutAMetricIsAMistake() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareStaysBelow(0.05))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no threshold metric for a stale share of 5.00%; the thresholds are 0.01 (1%), 0.001 (0.1%) and 0 "
            + "(staleShareZero)");
  }

  @Test
  void clientsStaleAfterIsAtMostItsFigure() {
    double after5m = share(2, "clientsStaleAfter.5m");

    assertThat(report).afterSwitch(2).clientsStaleAfter(Duration.ofMinutes(5)).isAtMost(after5m)
        .isBelow(Math.nextUp(after5m));
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).clientsStaleAfter(Duration.ofMinutes(5))
        .isBelow(after5m))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): clientsStaleAfter.5m was 1.32%, expected below 1.32%" + SLOWEST_2);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).clientsStaleAfter(Duration.ofMinutes(1))
        .isAtMost(0.5))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): clientsStaleAfter.1m was 61.23%, expected at most 50.00%" + SLOWEST_1);
  }

  @Test
  void clientsStaleAfterAHorizonPastTheWindowIsNotMeasured() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).clientsStaleAfter(Duration.ofHours(1)).isAtMost(1))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): clientsStaleAfter.1h is not measured: the window, 39m 0s, ends "
            + "before its horizon of 1h 0m 0s" + SLOWEST_2);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).clientsStaleAfter(Duration.ofMinutes(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no metric of clients stale after 2m 0s; the horizons are 1m 0s, 5m 0s, 15m 0s, 1h 0m 0s");
  }
}
