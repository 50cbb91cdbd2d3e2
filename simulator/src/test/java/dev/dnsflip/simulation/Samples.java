package dev.dnsflip.simulation;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/** Confidence intervals for statistical tests: tolerances come from the sample, never hand-tuned. */
final class Samples {
  private Samples() {}

  /** Half-width of the two-sided (1 - alpha) Student-t interval of the sample mean. */
  static double halfWidth(SummaryStatistics s, double alpha) {
    long n = s.getN();
    double t = new TDistribution(n - 1).inverseCumulativeProbability(1 - alpha / 2);
    return t * s.getStandardDeviation() / Math.sqrt(n);
  }
}
