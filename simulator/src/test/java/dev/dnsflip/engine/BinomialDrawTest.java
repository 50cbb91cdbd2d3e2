package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** Binomial draws against the exact distribution: chi-square goodness of fit at α = 0.001, fixed seeds. */
class BinomialDrawTest {
  private static final int DRAWS = 100_000;

  /** The p-value of DRAWS draws against Binomial(n, p), cells merged until each expects at least 10. */
  private static double fit(int n, double p, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    long[] counts = new long[n + 1];
    for (int i = 0; i < DRAWS; i++) {
      long k = BinomialDraw.sample(random, n, p);
      assertThat(k).isBetween(0L, (long) n);
      counts[(int) k]++;
    }
    BinomialDistribution exact = new BinomialDistribution(null, n, p);
    List<Double> expected = new ArrayList<>();
    List<Long> observed = new ArrayList<>();
    double e = 0;
    long o = 0;
    for (int k = 0; k <= n; k++) {
      e += exact.probability(k) * DRAWS;
      o += counts[k];
      if (e >= 10 && (1 - exact.cumulativeProbability(k)) * DRAWS >= 10) {
        expected.add(e);
        observed.add(o);
        e = 0;
        o = 0;
      }
    }
    expected.set(expected.size() - 1, expected.get(expected.size() - 1) + e);
    observed.set(observed.size() - 1, observed.get(observed.size() - 1) + o);
    return new ChiSquareTest().chiSquareTest(expected.stream().mapToDouble(Double::doubleValue).toArray(),
        observed.stream().mapToLong(Long::longValue).toArray());
  }

  @Test
  void inversionBelowTenExpectedSuccessesFitsTheBinomial() {
    assertThat(fit(30, 0.3, 1)).isGreaterThan(0.001); // n·p = 9
    assertThat(fit(4, 0.5, 2)).isGreaterThan(0.001);
  }

  @Test
  void transformedRejectionFromTenFitsTheBinomial() {
    assertThat(fit(40, 0.25, 3)).isGreaterThan(0.001); // n·p = 10: the first case it draws
    assertThat(fit(10_000, 0.37, 4)).isGreaterThan(0.001);
  }

  @Test
  void aProbabilityAboveOneHalfDrawsTheFailuresAndFits() {
    assertThat(fit(200, 0.9, 5)).isGreaterThan(0.001);
  }

  @Test
  void theMeanTellsANeighbouringProbabilityApart() {
    // Power: 10^5 draws place the mean within 4 standard errors of 3,700 and far from 3,800.
    SplittableRandom random = new SplittableRandom(6);
    double sum = 0;
    for (int i = 0; i < DRAWS; i++) {
      sum += BinomialDraw.sample(random, 10_000, 0.37);
    }
    double mean = sum / DRAWS;
    double se = Math.sqrt(10_000 * 0.37 * 0.63 / DRAWS);
    assertThat(Math.abs(mean - 3_700)).isLessThan(4 * se);
    assertThat(Math.abs(mean - 3_800)).isGreaterThan(4 * se);
  }

  @Test
  void edgesNeedNoDraw() {
    SplittableRandom random = new SplittableRandom(7);
    assertThat(BinomialDraw.sample(random, 0, 0.5)).isZero();
    assertThat(BinomialDraw.sample(random, 9, 0)).isZero();
    assertThat(BinomialDraw.sample(random, 9, 1)).isEqualTo(9);
    assertThat(random.nextLong()).isEqualTo(new SplittableRandom(7).nextLong());
    assertThatThrownBy(() -> BinomialDraw.sample(random, -1, 0.5)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> BinomialDraw.sample(random, 1, 1.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
