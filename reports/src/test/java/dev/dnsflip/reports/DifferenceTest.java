package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

/**
 * Welch's test recovered from the reports' own 95% intervals. With 3 replications a side and a
 * standard error of 1 on each, Welch's degrees of freedom are exactly 4, so the difference at which
 * the test starts to reject at 5% is t(0.975, 4) * sqrt(2) = 3.9259...: just below it is within
 * the intervals, just above it beyond.
 */
class DifferenceTest {
  private static final double EDGE = new TDistribution(4).inverseCumulativeProbability(0.975) * Math.sqrt(2);

  @Test
  void theStandardErrorIsRecoveredFromTheInterval() {
    assertThat(Difference.standardError(figure(10, 1, 3, 0))).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void aDifferenceJustBelowTheEdgeIsWithinAndJustAboveIsBeyond() {
    assertThat(EDGE).isBetween(3.92, 3.93);
    assertThat(Difference.judge(figure(10, 1, 3, 0), figure(10 + EDGE - 1e-6, 1, 3, 0)))
        .isEqualTo(Difference.Verdict.WITHIN);
    assertThat(Difference.judge(figure(10, 1, 3, 0), figure(10 + EDGE + 1e-6, 1, 3, 0)))
        .isEqualTo(Difference.Verdict.BEYOND);
    assertThat(Difference.judge(figure(10, 1, 3, 0), figure(10 - EDGE - 1e-6, 1, 3, 0)))
        .isEqualTo(Difference.Verdict.BEYOND);
  }

  @Test
  void withoutSpreadAnyDifferenceIsRealAndNoneIsWithin() {
    assertThat(Difference.judge(figure(60_000, 0, 3, 0), figure(60_000, 0, 3, 0))).isEqualTo(Difference.Verdict.WITHIN);
    assertThat(Difference.judge(figure(60_000, 0, 3, 0), figure(60_001, 0, 3, 0))).isEqualTo(Difference.Verdict.BEYOND);
  }

  @Test
  void oneReplicationCensoringAndMissingValuesAreSaidNotJudged() {
    ReportFigures.Figure single = new ReportFigures.Figure("lastStale.max", "duration_ms", 5.0, null, null, 1, 0);
    assertThat(Difference.judge(single, figure(50, 1, 3, 0))).isEqualTo(Difference.Verdict.NO_INTERVAL);
    assertThat(Difference.judge(figure(10, 1, 3, 1), figure(50, 1, 3, 0))).isEqualTo(Difference.Verdict.CENSORED);
    ReportFigures.Figure none = new ReportFigures.Figure("staleShare", "ratio", null, null, null, 3, 0);
    assertThat(Difference.judge(none, figure(50, 1, 3, 0))).isEqualTo(Difference.Verdict.MISSING);
  }

  /** A figure as a report writes it: mean and the 95% Student-t interval of n runs with standard error se. */
  static ReportFigures.Figure figure(double mean, double se, int n, int censored) {
    double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * se;
    return new ReportFigures.Figure("lastStale.max", "duration_ms", mean, mean - half, mean + half, n, censored);
  }
}
