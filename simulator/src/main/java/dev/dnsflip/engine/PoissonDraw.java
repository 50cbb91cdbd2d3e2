package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * Exact draws of a Poisson count from a {@link SplittableRandom}, without allocating: inversion
 * for small means, Hörmann's transformed rejection (PTRS, "The transformed rejection method for
 * generating Poisson random variables", Insurance: Mathematics and Economics 12, 1993) from a mean
 * of 10, where inversion would take as many steps as the count.
 */
public final class PoissonDraw {
  private static final double INVERSION_BELOW = 10;

  private PoissonDraw() {}

  /** A count with mean {@code mean} (>= 0). */
  public static long sample(SplittableRandom random, double mean) {
    if (!(mean >= 0) || Double.isInfinite(mean)) {
      throw new IllegalArgumentException("Poisson mean must be finite and >= 0: " + mean);
    }
    if (mean == 0) {
      return 0;
    }
    return mean < INVERSION_BELOW ? inversion(random, mean) : transformedRejection(random, mean);
  }

  private static long inversion(SplittableRandom random, double mean) {
    double u = random.nextDouble();
    double p = Math.exp(-mean);
    double cumulative = p;
    long k = 0;
    // Past k = 200 the remaining mass for a mean below 10 is far below one ulp of 1: stop there.
    while (u >= cumulative && k < 200) {
      k++;
      p *= mean / k;
      cumulative += p;
    }
    return k;
  }

  private static long transformedRejection(SplittableRandom random, double mean) {
    double b = 0.931 + 2.53 * Math.sqrt(mean);
    double a = -0.059 + 0.02483 * b;
    return transformedRejection(random, mean, Math.log(mean), b, a, 1.1239 + 1.1328 / (b - 3.4),
        0.9277 - 3.6224 / (b - 2));
  }

  private static long transformedRejection(SplittableRandom random, double mean, double logMean, double b, double a,
      double invAlpha, double vr) {
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + mean + 0.43);
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      if (k < 0 || (us < 0.013 && v > us)) {
        continue;
      }
      if (Math.log(v) + Math.log(invAlpha) - Math.log(a / (us * us) + b)
          <= -mean + k * logMean - LogFactorial.of(k)) {
        return k;
      }
    }
  }

  /**
   * Draws from one mean after another, keeping the rejection method's constants for the last mean
   * from 10 on: bulk draws ask the same mean bucket after bucket (a constant rate over whole
   * buckets), and the constants (a logarithm, a square root, divisions) cost as much as the draw.
   * Each count is the very one {@link PoissonDraw#sample} would draw from the same state.
   */
  public static final class Reusing {
    private Setup last;

    /** A count with mean {@code mean} (>= 0). */
    public long sample(SplittableRandom random, double mean) {
      if (!(mean >= INVERSION_BELOW) || Double.isInfinite(mean)) {
        return PoissonDraw.sample(random, mean);
      }
      if (last == null || last.mean != mean) {
        last = new Setup(mean);
      }
      return last.draw(random);
    }
  }

  /** The transformed rejection method's constants for one mean. */
  private static final class Setup {
    private final double mean;
    private final double logMean;
    private final double b;
    private final double a;
    private final double invAlpha;
    private final double vr;

    Setup(double mean) {
      this.mean = mean;
      logMean = Math.log(mean);
      b = 0.931 + 2.53 * Math.sqrt(mean);
      a = -0.059 + 0.02483 * b;
      invAlpha = 1.1239 + 1.1328 / (b - 3.4);
      vr = 0.9277 - 3.6224 / (b - 2);
    }

    long draw(SplittableRandom random) {
      return transformedRejection(random, mean, logMean, b, a, invAlpha, vr);
    }
  }
}
