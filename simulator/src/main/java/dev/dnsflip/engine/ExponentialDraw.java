package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * Exp(1) draws by inversion, −ln(1 − u). Written with {@link Math#log}, which the JIT compiles to
 * a few instructions, not {@link Math#log1p}, which Java 17 runs as a native call: in a loop that
 * draws a gap and touches two arrays, −ln(1 − u) ran at 117 M draws/s against 31 M with log1p.
 * Nothing is lost: u lies on the 2^−53 grid of [0, 1), so 1 − u is exact and lies in (0, 1], and
 * the logarithm is finite.
 */
public final class ExponentialDraw {
  private ExponentialDraw() {}

  /** An Exp(1) draw: at least 0, at most about 36.7. */
  public static double standard(SplittableRandom random) {
    return -Math.log(1 - random.nextDouble());
  }
}
