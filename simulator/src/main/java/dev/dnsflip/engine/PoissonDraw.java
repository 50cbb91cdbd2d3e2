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
    double logMean = Math.log(mean);
    double b = 0.931 + 2.53 * Math.sqrt(mean);
    double a = -0.059 + 0.02483 * b;
    double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
    double vr = 0.9277 - 3.6224 / (b - 2);
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
}
