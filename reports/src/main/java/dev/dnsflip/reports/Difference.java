package dev.dnsflip.reports;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Whether two runs' estimates of one figure differ beyond their confidence intervals. Each report
 * gives a mean and a 95% Student-t interval over n replications, from which the standard error is
 * recovered (half-width / t(0.975, n-1)); the two means are then compared by Welch's t-test at
 * the 5% level, two-sided. A figure capped by the window in any run (censored) or with fewer than
 * two replications on a side has no interval to judge by, and is said so rather than guessed.
 */
public final class Difference {
  /** The level of the test, two-sided; the reports' intervals are 95% too. */
  public static final double ALPHA = 0.05;

  public enum Verdict {
    /** Equal means, or a difference within what the runs' spread explains. */
    WITHIN,
    /** A difference beyond the runs' intervals (Welch's test rejects equal means at 5%). */
    BEYOND,
    /** Fewer than two replications on a side: no interval to judge a difference by. */
    NO_INTERVAL,
    /** A run hit the window's end for this figure: its values are bounds, not measurements. */
    CENSORED,
    /** A side has no value (no use, 0/0). */
    MISSING
  }

  private Difference() {}

  public static Verdict judge(ReportFigures.Figure a, ReportFigures.Figure b) {
    if (a.mean() == null || b.mean() == null) {
      return Verdict.MISSING;
    }
    if (a.censored() > 0 || b.censored() > 0) {
      return Verdict.CENSORED;
    }
    if (a.samples() < 2 || b.samples() < 2 || a.ciHigh() == null || b.ciHigh() == null) {
      return Verdict.NO_INTERVAL;
    }
    double d = a.mean() - b.mean();
    double va = Math.pow(standardError(a), 2);
    double vb = Math.pow(standardError(b), 2);
    if (va + vb == 0) {
      // Every replication gave the same value on both sides: any difference is real.
      return d == 0 ? Verdict.WITHIN : Verdict.BEYOND;
    }
    double t = Math.abs(d) / Math.sqrt(va + vb);
    double df = (va + vb) * (va + vb)
        / (va * va / (a.samples() - 1) + vb * vb / (b.samples() - 1));
    double p = 2 * (1 - new TDistribution(df).cumulativeProbability(t));
    return p < ALPHA ? Verdict.BEYOND : Verdict.WITHIN;
  }

  /** The standard error of the mean behind a 95% Student-t interval of n samples. */
  static double standardError(ReportFigures.Figure f) {
    double halfWidth = (f.ciHigh() - f.ciLow()) / 2;
    return halfWidth / new TDistribution(f.samples() - 1).inverseCumulativeProbability(0.975);
  }
}
