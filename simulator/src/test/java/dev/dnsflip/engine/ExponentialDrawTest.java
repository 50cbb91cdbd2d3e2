package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class ExponentialDrawTest {
  private static final double ALPHA = 0.001;

  @Test
  void drawsFollowExpOneByKolmogorovSmirnov() {
    // Fixed seed, α = 0.001: a correct sampler fails about once in 1,000 seeds, and this seed is fixed.
    SplittableRandom random = new SplittableRandom(2026);
    double[] x = new double[100_000];
    for (int i = 0; i < x.length; i++) {
      x[i] = ExponentialDraw.standard(random);
    }
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ExponentialDistribution(null, 1), x))
        .isGreaterThan(ALPHA);
  }

  @Test
  void theEndsOfTheUniformGridGiveZeroAndAFiniteLargest() {
    assertThat(-Math.log(1 - 0.0)).isZero();
    double largestUniform = 1 - 0x1p-53; // the largest nextDouble
    assertThat(-Math.log(1 - largestUniform)).isFinite().isCloseTo(53 * Math.log(2), org.assertj.core.data.Offset.offset(1e-12));
  }
}
