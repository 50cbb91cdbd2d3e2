package dev.dnsflip.observe;

import org.apache.commons.math3.distribution.TDistribution;

/** Turns one value per replication into an {@link Estimate} with a 95% Student-t interval. */
public final class Estimates {
  private Estimates() {}

  public static Estimate of(double[] samples, int censored) {
    int n = samples.length;
    if (n == 0) {
      return new Estimate(Double.NaN, null, null, Double.NaN, Double.NaN, 0, censored);
    }
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double s : samples) {
      sum += s;
      min = Math.min(min, s);
      max = Math.max(max, s);
    }
    double mean = sum / n;
    if (n < 2) {
      return new Estimate(mean, null, null, min, max, n, censored);
    }
    double squares = 0;
    for (double s : samples) {
      squares += (s - mean) * (s - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    return new Estimate(mean, mean - half, mean + half, min, max, n, censored);
  }
}
