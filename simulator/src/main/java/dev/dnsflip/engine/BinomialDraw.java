package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * Exact draws of a binomial count from a {@link SplittableRandom}, without allocating: inversion
 * while n·min(p, 1 − p) is below 10, Hörmann's transformed rejection with squeeze (BTRS, "The
 * generation of binomial random variates", J. Statist. Comput. Simul. 46, 1993) from there, the
 * binomial sibling of {@link PoissonDraw}'s PTRS.
 */
public final class BinomialDraw {
  private static final double INVERSION_BELOW = 10;

  private BinomialDraw() {}

  /** The successes among {@code n} (>= 0) trials of probability {@code p} (in [0, 1]). */
  public static long sample(SplittableRandom random, long n, double p) {
    if (n < 0 || !(p >= 0 && p <= 1)) {
      throw new IllegalArgumentException("binomial needs n >= 0 and p in [0, 1]: " + n + ", " + p);
    }
    if (n == 0 || p == 0) {
      return 0;
    }
    if (p == 1) {
      return n;
    }
    if (p > 0.5) {
      return n - sample(random, n, 1 - p);
    }
    return n * p < INVERSION_BELOW ? inversion(random, n, p) : transformedRejection(random, n, p);
  }

  private static long inversion(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double ratio = p / q;
    double u = random.nextDouble();
    double f = Math.exp(n * Math.log1p(-p)); // P(0); n·p < 10 and p <= 1/2 keep it above e^-14
    double cumulative = f;
    long k = 0;
    while (u >= cumulative && k < n) {
      f *= ratio * (n - k) / (k + 1);
      k++;
      cumulative += f;
      if (f == 0) {
        break; // past the mass one ulp of 1 can tell apart
      }
    }
    return k;
  }

  private static long transformedRejection(SplittableRandom random, long n, double p) {
    double q = 1 - p;
    double spq = Math.sqrt(n * p * q);
    double b = 1.15 + 2.53 * spq;
    double a = -0.0873 + 0.0248 * b + 0.01 * p;
    double c = n * p + 0.5;
    double vr = 0.92 - 4.2 / b;
    double alpha = (2.83 + 5.1 / b) * spq;
    double lpq = Math.log(p / q);
    long m = (long) Math.floor((n + 1) * p);
    double h = LogFactorial.of(m) + LogFactorial.of(n - m);
    while (true) {
      double u = random.nextDouble() - 0.5;
      double v = random.nextDouble();
      double us = 0.5 - Math.abs(u);
      long k = (long) Math.floor((2 * a / us + b) * u + c);
      if (k < 0 || k > n) {
        continue;
      }
      if (us >= 0.07 && v <= vr) {
        return k;
      }
      v = Math.log(v * alpha / (a / (us * us) + b));
      if (v <= h - LogFactorial.of(k) - LogFactorial.of(n - k) + (k - m) * lpq) {
        return k;
      }
    }
  }
}
