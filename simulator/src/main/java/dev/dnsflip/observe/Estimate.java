package dev.dnsflip.observe;

/**
 * A metric over replications ("runs"): the mean of the runs' values, a 95% Student-t confidence
 * interval of that mean (null with fewer than two samples, and null when any sample is censored),
 * the smallest and largest value over runs, the sample count, and how many samples were censored
 * (the window closed first: the window length stands in, so the true value is at least that).
 * For a per-run maximum such as lastStale.max, {@code mean} is the mean of the runs' maxima and
 * {@code max} the maximum over runs.
 */
public record Estimate(double mean, Double ciLow, Double ciHigh, double min, double max, int samples, int censored) {
  public Estimate {
    if (censored > 0) {
      // An interval around stand-in values would state a precision nobody measured.
      ciLow = null;
      ciHigh = null;
    }
  }
}
