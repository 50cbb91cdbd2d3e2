package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PoissonDrawTest {
  private static final double ALPHA = 0.001;

  @Test
  void reusingTheConstantsDrawsTheSameCountsUntilAMeanIsTabulated() {
    // Means below, at and above where inversion gives way, alternating, none asked often enough in a row for a table.
    double[] means = {83.3, 83.3, 9.999, 10, 10, 83.3, 0, 2_500, 2_500, 1e7, 0.5, 83.3};
    SplittableRandom one = new SplittableRandom(7);
    SplittableRandom two = new SplittableRandom(7);
    PoissonDraw.Reusing reusing = new PoissonDraw.Reusing();
    for (int round = 0; round < 1_000; round++) {
      for (double mean : means) {
        assertThat(reusing.sample(two, mean)).as("mean %s", mean).isEqualTo(PoissonDraw.sample(one, mean));
      }
    }
    assertThat(two.nextLong()).as("both streams at the same state").isEqualTo(one.nextLong());
  }

  @Test
  void aMeanIsTabulatedOnItsSixteenthAskingInARowAndOnlyThen() {
    SplittableRandom one = new SplittableRandom(9);
    SplittableRandom two = new SplittableRandom(9);
    PoissonDraw.Reusing reusing = new PoissonDraw.Reusing();
    for (int i = 1; i < PoissonDraw.Reusing.TABULATE_AFTER; i++) {
      assertThat(reusing.sample(two, 83.3)).as("asking %d", i).isEqualTo(PoissonDraw.sample(one, 83.3));
    }
    // The sixteenth: one uniform, by the table; rejection would have taken at least two.
    reusing.sample(two, 83.3);
    one.nextDouble();
    assertThat(two.nextLong()).isEqualTo(one.nextLong());
  }

  @ParameterizedTest(name = "mean {0}")
  @ValueSource(doubles = {10, 83.3, 450, 9_999})
  void theTableDrawsThePoissonDistribution(double mean) {
    // Chi-square goodness of fit against the Poisson pmf, tails pooled to an expected count of 20
    // or more; fixed seed, α = 0.001.
    int n = 200_000;
    PoissonDraw.Table table = new PoissonDraw.Table(mean);
    SplittableRandom random = new SplittableRandom(Double.doubleToLongBits(mean));
    PoissonDistribution poisson = new PoissonDistribution(null, mean, 1e-12, 10_000_000);
    int lo = (int) Math.max(0, mean - 6 * Math.sqrt(mean));
    int hi = (int) (mean + 6 * Math.sqrt(mean));
    long[] observed = new long[hi - lo + 1];
    for (int i = 0; i < n; i++) {
      long k = table.draw(random);
      observed[(int) Math.min(Math.max(k, lo), hi) - lo]++;
    }
    double[] expected = new double[observed.length];
    for (int k = lo; k <= hi; k++) {
      double mass = k == lo ? poisson.cumulativeProbability(lo) : k == hi ? 1 - poisson.cumulativeProbability(hi - 1)
          : poisson.probability(k);
      expected[k - lo] = mass * n;
    }
    // Pool neighbours until each cell expects at least 20.
    java.util.List<double[]> cells = new java.util.ArrayList<>();
    double e = 0;
    double o = 0;
    for (int i = 0; i < observed.length; i++) {
      e += expected[i];
      o += observed[i];
      if (e >= 20) {
        cells.add(new double[] {e, o});
        e = 0;
        o = 0;
      }
    }
    cells.get(cells.size() - 1)[0] += e;
    cells.get(cells.size() - 1)[1] += o;
    double[] exp = cells.stream().mapToDouble(c -> c[0]).toArray();
    long[] obs = cells.stream().mapToLong(c -> (long) c[1]).toArray();
    assertThat(new ChiSquareTest().chiSquareTest(exp, obs)).as("chi-square p").isGreaterThan(ALPHA);
  }
}
