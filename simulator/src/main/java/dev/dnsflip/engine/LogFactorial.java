package dev.dnsflip.engine;

import org.apache.commons.math3.special.Gamma;

/**
 * ln k!, the rejection tests' costliest term: looked up below {@link #TABLED}, where the bulk
 * draws' counts mostly fall, from values computed once by the very function used above it, so a
 * draw accepts or rejects exactly as with {@link Gamma#logGamma} every time.
 */
final class LogFactorial {
  private static final int TABLED = 4096;
  private static final double[] TABLE = new double[TABLED];

  static {
    for (int k = 0; k < TABLED; k++) {
      TABLE[k] = Gamma.logGamma(k + 1.0);
    }
  }

  private LogFactorial() {}

  /** ln k! for k >= 0. */
  static double of(long k) {
    return k < TABLED ? TABLE[(int) k] : Gamma.logGamma(k + 1.0);
  }
}
