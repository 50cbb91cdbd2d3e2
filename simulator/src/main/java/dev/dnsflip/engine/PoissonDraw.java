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
    double b = b(mean);
    return transformedRejection(random, mean, Math.log(mean), b, a(b), invAlpha(b), vr(b));
  }

  // PTRS's constants, each from the mean or from b (Hörmann 1993).
  private static double b(double mean) {
    return 0.931 + 2.53 * Math.sqrt(mean);
  }

  private static double a(double b) {
    return -0.059 + 0.02483 * b;
  }

  private static double invAlpha(double b) {
    return 1.1239 + 1.1328 / (b - 3.4);
  }

  private static double vr(double b) {
    return 0.9277 - 3.6224 / (b - 2);
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
   * Draws from one mean after another, as bulk draws ask them: the same mean bucket after bucket
   * (a constant rate over whole buckets), other means between. It keeps the rejection method's
   * constants for the last mean from 10 on (a logarithm, a square root and divisions cost as much
   * as the draw), and once a mean has been asked {@link #TABULATE_AFTER} times in a row it draws
   * that mean by inversion from a table of its distribution instead ({@link Table}): one uniform
   * and a step or two, where rejection takes two uniforms and more arithmetic. Both are exact;
   * which one a draw takes depends only on the means asked before, so a run repeats itself.
   */
  public static final class Reusing {
    /** Asked this many times in a row, a mean is worth its table (built in about the time of 2√mean draws). */
    static final int TABULATE_AFTER = 16;
    /** Above this mean the table (about 24√mean entries) stops paying for itself. */
    static final double TABULATE_UP_TO = 10_000;

    private Setup last;
    private int asked; // times in a row last's mean was asked
    private Table table;

    /** A count with mean {@code mean} (>= 0). */
    public long sample(SplittableRandom random, double mean) {
      if (!(mean >= INVERSION_BELOW) || Double.isInfinite(mean)) {
        return PoissonDraw.sample(random, mean);
      }
      if (table != null && table.mean == mean) {
        return table.draw(random);
      }
      if (last == null || last.mean != mean) {
        last = new Setup(mean);
        asked = 0;
      }
      if (++asked == TABULATE_AFTER && mean <= TABULATE_UP_TO) {
        table = new Table(mean);
        return table.draw(random);
      }
      return last.draw(random);
    }
  }

  /**
   * One mean's distribution for inversion: the probabilities from 12 standard deviations below the
   * mean to 12 above (the mass outside, below 10^-30, lies far under the 2^-53 steps of a uniform
   * draw), computed outward from the mode by the ratio p(k+1)/p(k) = mean/(k+1), summed into
   * cumulative probabilities, and a guide table (Chen and Asau) that starts each search at most a
   * step or two from its answer. The count is the smallest k whose cumulative probability exceeds
   * the uniform draw, as {@link PoissonDraw#sample}'s inversion below a mean of 10.
   */
  static final class Table {
    private final double mean;
    private final long low;
    private final double[] cumulative;
    private final int[] guide;

    Table(double mean) {
      this.mean = mean;
      long mode = (long) Math.floor(mean);
      long reach = (long) Math.ceil(12 * Math.sqrt(mean) + 12);
      low = Math.max(0, mode - reach);
      int n = (int) (mode + reach - low + 1);
      double[] p = new double[n];
      int m = (int) (mode - low);
      p[m] = Math.exp(-mean + mode * Math.log(mean) - LogFactorial.of(mode));
      for (int i = m + 1; i < n; i++) {
        p[i] = p[i - 1] * mean / (low + i);
      }
      for (int i = m - 1; i >= 0; i--) {
        p[i] = p[i + 1] * (low + i + 1) / mean;
      }
      double total = 0;
      for (double pk : p) {
        total += pk;
      }
      // Normalised: the mode's probability comes from exp of a difference of large terms, off by
      // up to about 10^-12, which would otherwise leave the top of [0, 1) to the last count.
      cumulative = new double[n];
      double sum = 0;
      for (int i = 0; i < n; i++) {
        sum += p[i];
        cumulative[i] = sum / total;
      }
      cumulative[n - 1] = 1;
      guide = new int[n];
      for (int j = 0, i = 0; j < n; j++) { // guide[j]: the first i whose cumulative exceeds j / n
        while (i < n - 1 && cumulative[i] <= (double) j / n) {
          i++;
        }
        guide[j] = i;
      }
    }

    long draw(SplittableRandom random) {
      double u = random.nextDouble();
      int i = guide[(int) (u * guide.length)];
      int last = cumulative.length - 1;
      while (i < last && cumulative[i] <= u) {
        i++;
      }
      return low + i;
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
      b = b(mean);
      a = a(b);
      invAlpha = invAlpha(b);
      vr = vr(b);
    }

    long draw(SplittableRandom random) {
      return transformedRejection(random, mean, logMean, b, a, invAlpha, vr);
    }
  }
}
