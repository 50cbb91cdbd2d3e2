package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.Stream;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One value per replication to mean, 95% Student-t interval, extremes, count and censoring. */
class EstimatesTest {
  private static final double EPS = 1e-9;

  @Test
  void noSamplesGiveNoNumbers() {
    Estimate e = Estimates.of(new double[0], 0);
    assertThat(e.mean()).isNaN();
    assertThat(e.ciLow()).isNull();
    assertThat(e.ciHigh()).isNull();
    assertThat(e.min()).isNaN();
    assertThat(e.max()).isNaN();
    assertThat(e.samples()).isZero();
    assertThat(e.censored()).isZero();
  }

  @Test
  void oneSampleHasAMeanButNoInterval() {
    Estimate e = Estimates.of(new double[] {42.5}, 0);
    assertThat(e.mean()).isEqualTo(42.5);
    assertThat(e.ciLow()).as("no spread can be estimated from one sample").isNull();
    assertThat(e.ciHigh()).isNull();
    assertThat(e.min()).isEqualTo(42.5);
    assertThat(e.max()).isEqualTo(42.5);
    assertThat(e.samples()).isEqualTo(1);
  }

  @Test
  void censoredCountsArePassedThroughWhateverTheSamples() {
    assertThat(Estimates.of(new double[0], 1).censored()).isEqualTo(1);
    assertThat(Estimates.of(new double[] {7}, 1).censored()).isEqualTo(1);
    Estimate e = Estimates.of(new double[] {300_000, 300_000, 120_000}, 2);
    assertThat(e.censored()).isEqualTo(2);
    assertThat(e.samples()).isEqualTo(3);
    assertThat(e.max()).as("a censored sample is the window length, counted like any other").isEqualTo(300_000);
    assertThat(e.ciLow()).as("no interval on stand-in values").isNull();
    assertThat(e.ciHigh()).isNull();
    assertThat(Estimates.of(new double[] {300_000, 300_000, 120_000}, 0).ciLow()).as("the same values measured")
        .isNotNull();
  }

  /** Values from a printed t table, so the check does not rest on the library the code uses. */
  @Test
  void matchesTheTTable() {
    // t(0.975, 1) = 12.706205, sd({0, 2}) = sqrt(2): half-width 12.706205 * sqrt(2) / sqrt(2).
    Estimate two = Estimates.of(new double[] {0, 2}, 0);
    assertThat(two.mean()).isEqualTo(1);
    assertThat(two.ciLow()).isCloseTo(1 - 12.706205, within(1e-5));
    assertThat(two.ciHigh()).isCloseTo(1 + 12.706205, within(1e-5));
    // t(0.975, 4) = 2.776445, sd({1..5}) = sqrt(2.5): half-width 2.776445 * sqrt(2.5) / sqrt(5).
    Estimate five = Estimates.of(new double[] {4, 1, 5, 2, 3}, 0);
    double half = 2.776445 * Math.sqrt(2.5) / Math.sqrt(5);
    assertThat(five.mean()).isEqualTo(3);
    assertThat(five.ciLow()).isCloseTo(3 - half, within(1e-5));
    assertThat(five.ciHigh()).isCloseTo(3 + half, within(1e-5));
    // t(0.975, 29) = 2.045230.
    double[] thirty = new double[30];
    for (int i = 0; i < 30; i++) {
      thirty[i] = i % 2;
    }
    Estimate e30 = Estimates.of(thirty, 0);
    double sd = Math.sqrt(30 * 0.25 / 29);
    assertThat(e30.ciHigh() - e30.mean()).isCloseTo(2.045230 * sd / Math.sqrt(30), within(1e-5));
  }

  static Stream<Arguments> samples() {
    return Stream.of(
        Arguments.of((Object) new double[] {10, 20}),
        Arguments.of((Object) new double[] {59_889, 59_826, 59_823}),
        Arguments.of((Object) new double[] {-1.5, 0, 2.25, 1e6, 3}),
        Arguments.of((Object) new double[] {0.0123, 0.0119, 0.0131, 0.0127, 0.0125, 0.0122, 0.0128, 0.0120}),
        Arguments.of((Object) new Random(3).doubles(100, 0, 1000).toArray()));
  }

  /** The interval computed independently: Commons Math's SummaryStatistics and TDistribution. */
  @ParameterizedTest
  @MethodSource("samples")
  void intervalIsTheStudentTIntervalOfTheMean(double[] values) {
    SummaryStatistics s = new SummaryStatistics();
    for (double v : values) {
      s.addValue(v);
    }
    double half = new TDistribution(s.getN() - 1).inverseCumulativeProbability(0.975)
        * s.getStandardDeviation() / Math.sqrt(s.getN());
    Estimate e = Estimates.of(values, 0);
    double scale = Math.max(1, Math.abs(s.getMean()) + half);
    assertThat(e.mean()).isCloseTo(s.getMean(), within(EPS * scale));
    assertThat(e.ciLow()).isCloseTo(s.getMean() - half, within(EPS * scale));
    assertThat(e.ciHigh()).isCloseTo(s.getMean() + half, within(EPS * scale));
    assertThat(e.min()).isEqualTo(s.getMin());
    assertThat(e.max()).isEqualTo(s.getMax());
    assertThat(e.samples()).isEqualTo(values.length);
    assertThat(e.mean() - e.ciLow()).as("symmetric").isCloseTo(e.ciHigh() - e.mean(), within(EPS * scale));
  }

  @Test
  void identicalSamplesGiveAZeroWidthInterval() {
    Estimate e = Estimates.of(new double[] {5, 5, 5}, 0);
    assertThat(e.ciLow()).isEqualTo(5);
    assertThat(e.ciHigh()).isEqualTo(5);
  }

  @Test
  void theOrderOfReplicationsDoesNotMatter() {
    Estimate a = Estimates.of(new double[] {3, 1, 4, 1, 5}, 0);
    Estimate b = Estimates.of(new double[] {5, 4, 3, 1, 1}, 0);
    assertThat(a.mean()).isEqualTo(b.mean());
    assertThat(a.ciLow()).isCloseTo(b.ciLow(), within(EPS));
    assertThat(a.ciHigh()).isCloseTo(b.ciHigh(), within(EPS));
  }

  /**
   * Coverage: intervals from five normal samples contain the true mean 95% of the time (a normal
   * quantile, 1.96, would cover only about 88% with five samples). With 20,000 intervals the
   * coverage has standard deviation sqrt(0.95 × 0.05 / 20,000) = 0.0015, so ± 5 of them (0.0077)
   * is missed by chance with probability below 1e-6.
   */
  @Test
  void fiveSampleIntervalsCoverTheMeanNinetyFivePercentOfTheTime() {
    Random random = new Random(11);
    int trials = 20_000;
    int covered = 0;
    double[] x = new double[5];
    for (int t = 0; t < trials; t++) {
      for (int i = 0; i < x.length; i++) {
        x[i] = 100 + 7 * random.nextGaussian();
      }
      Estimate e = Estimates.of(x, 0);
      if (e.ciLow() <= 100 && 100 <= e.ciHigh()) {
        covered++;
      }
    }
    double sd = Math.sqrt(0.95 * 0.05 / trials);
    assertThat((double) covered / trials).isCloseTo(0.95, within(5 * sd));
  }
}
