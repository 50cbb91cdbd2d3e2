package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * Exp(1) draws by the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method for Generating
 * Random Variables", J. Stat. Softw. 5(8), 2000), 256 layers of equal area. Almost every draw
 * (98.9%) is one random long, a table read, a comparison and a multiplication; the rest test a
 * wedge or take the tail past {@code R} as R + Exp(1), which is exact since Exp(1) forgets. A
 * logarithm per draw, even −ln(1 − u) with the JIT's own log, was the largest single cost of the
 * event-by-event loop.
 *
 * <p>The long's low 8 bits pick the layer and its top 53 bits the point along it, so the two are
 * independent (the paper's 32-bit version reuses the layer bits in the point).
 */
public final class ExponentialDraw {
  private static final int LAYERS = 256;
  /** Where the base layer's tail starts, and each layer's area: the constants of the paper. */
  static final double R = 7.697117470131487;
  static final double AREA = 3.949659822581572e-3;
  private static final double SCALE = 0x1p53;

  /** x_i / 2^53: layer i spans [0, x_i) (layer 0: [0, AREA / f(R)), the base strip with the tail). */
  private static final double[] WIDTH = new double[LAYERS];
  /** The fraction of layer i under the curve whatever the height, x_{i-1} / x_i, times 2^53. */
  private static final long[] INNER = new long[LAYERS];
  /** f(x_i) = e^(−x_i): layer i lies between heights HEIGHT[i] and HEIGHT[i − 1]. */
  private static final double[] HEIGHT = new double[LAYERS];

  static {
    double x = R;
    double base = AREA / Math.exp(-R);
    WIDTH[0] = base / SCALE;
    WIDTH[LAYERS - 1] = R / SCALE;
    INNER[0] = (long) (R / base * SCALE);
    INNER[1] = 0; // the top layer has no part under the curve at every height
    HEIGHT[0] = 1;
    HEIGHT[LAYERS - 1] = Math.exp(-R);
    for (int i = LAYERS - 2; i >= 1; i--) {
      double above = -Math.log(AREA / x + Math.exp(-x)); // the layer above has the same area
      INNER[i + 1] = (long) (above / x * SCALE);
      x = above;
      HEIGHT[i] = Math.exp(-x);
      WIDTH[i] = x / SCALE;
    }
  }

  private ExponentialDraw() {}

  /** An Exp(1) draw: at least 0, finite. */
  public static double standard(SplittableRandom random) {
    return fromBits(random.nextLong(), random);
  }

  /**
   * An Exp(1) draw from 64 uniform random {@code bits}, and from {@code more} in the 1.1% of
   * draws that need more: for a caller that makes its random longs itself, in registers.
   */
  public static double fromBits(long bits, SplittableRandom more) {
    int i = (int) bits & (LAYERS - 1);
    long u = bits >>> 11;
    if (u < INNER[i]) {
      return u * WIDTH[i];
    }
    return outside(more, i, u);
  }

  /** A point outside layer i's inner part: the tail, or a wedge tested against the curve. */
  private static double outside(SplittableRandom random, int i, long u) {
    while (true) {
      if (i == 0) {
        return R - Math.log(1 - random.nextDouble()); // 1 − u lies in (0, 1]
      }
      double x = u * WIDTH[i];
      if (HEIGHT[i] + random.nextDouble() * (HEIGHT[i - 1] - HEIGHT[i]) < Math.exp(-x)) {
        return x;
      }
      long bits = random.nextLong();
      i = (int) bits & (LAYERS - 1);
      u = bits >>> 11;
      if (u < INNER[i]) {
        return u * WIDTH[i];
      }
    }
  }

  /** The top layer's area as the tables close it, against {@link #AREA}: their consistency, for tests. */
  static double topLayerArea() {
    return WIDTH[1] * SCALE * (1 - HEIGHT[1]);
  }
}
