package dev.dnsflip.observe;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Turns one value per replication into an {@link Estimate} with a 95% Student-t interval of the
 * mean. No interval is built when a sample is censored: a censored value is a stand-in (the
 * window's length) for a larger unknown one, and an interval around stand-ins would state a
 * precision nobody measured.
 */
public final class Estimates {
  private Estimates() {}

  /** Without bounds on the interval. */
  public static Estimate of(double[] samples, int censored) {
    return of(samples, censored, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
  }

  /**
   * @param lowest the smallest value the metric can take: the interval is cut there (a share below
   *     0 or a time before the switch cannot happen, whatever the normal approximation says)
   * @param highest the largest value it can take (1 for a share, the window for a time)
   */
  public static Estimate of(double[] samples, int censored, double lowest, double highest) {
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
    if (n < 2 || censored > 0) {
      return new Estimate(mean, null, null, min, max, n, censored);
    }
    double squares = 0;
    for (double s : samples) {
      squares += (s - mean) * (s - mean);
    }
    double sd = Math.sqrt(squares / (n - 1));
    double half = new TDistribution(n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
    return new Estimate(mean, Math.max(lowest, mean - half), Math.min(highest, mean + half), min, max, n, censored);
  }
}
