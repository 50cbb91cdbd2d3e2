package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Fixed seeds, α = 0.001 for every test of fit: a correct sampler fails about once in 1,000 seeds,
 * and these seeds are fixed.
 */
class ExponentialDrawTest {
  private static final double ALPHA = 0.001;

  @Test
  void drawsFollowExpOneByKolmogorovSmirnov() {
    SplittableRandom random = new SplittableRandom(2026);
    double[] x = new double[1_000_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = ExponentialDraw.standard(random);
    }
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1), x))
        .isGreaterThan(ALPHA);
  }

  @Test
  void drawsFallInEquiprobableBinsByChiSquare() {
    // 256 bins of probability 1/256 each: as many as the layers, so a layer of the wrong area shows.
    int bins = 256;
    int n = 2_560_000;
    double[] expected = new double[bins];
    Arrays.fill(expected, (double) n / bins);
    long[] observed = new long[bins];
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < n; i++) {
      double x = ExponentialDraw.standard(random);
      observed[(int) Math.min(bins - 1, (1 - Math.exp(-x)) * bins)]++;
    }
    assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(ALPHA);
  }

  @Test
  void theTailPastTheBaseLayerIsExpOneAgain() {
    // P(X > R) = e^−R ≈ 4.5e-4: 8 M draws give about 3,600 past R, whose excess is Exp(1).
    SplittableRandom random = new SplittableRandom(11);
    double[] excess = new double[8_000];
    int k = 0;
    for (int i = 0; i < 8_000_000 && k < excess.length; i++) {
      double x = ExponentialDraw.standard(random);
      if (x > ExponentialDraw.R) {
        excess[k++] = x - ExponentialDraw.R;
      }
    }
    double expectedCount = 8_000_000 * Math.exp(-ExponentialDraw.R);
    // Binomial count: within 4 standard deviations of its mean.
    assertThat((double) k).isCloseTo(expectedCount, Offset.offset(4 * Math.sqrt(expectedCount)));
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1),
        Arrays.copyOf(excess, k))).isGreaterThan(ALPHA);
  }

  @Test
  void theTablesCloseTheTopLayerAtTheLayersArea() {
    // Built from the base up, the top layer is what is left: a wrong constant or step shows here.
    assertThat(ExponentialDraw.topLayerArea()).isCloseTo(ExponentialDraw.AREA, Offset.offset(ExponentialDraw.AREA * 1e-9));
  }

  @Test
  void drawsAreNeverNegativeNorInfinite() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 1_000_000; i++) {
      assertThat(ExponentialDraw.standard(random)).isFinite().isGreaterThanOrEqualTo(0);
    }
  }
}
