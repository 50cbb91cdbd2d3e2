package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * Walker's alias method: O(1) draws from a fixed discrete distribution, so picking a weighted
 * question per query costs one random number and two array reads.
 */
public final class AliasTable {
  private final double[] probability;
  private final int[] alias;

  public AliasTable(double[] weights) {
    int n = weights.length;
    if (n == 0) {
      throw new IllegalArgumentException("no weights");
    }
    double total = 0;
    for (double w : weights) {
      if (!(w >= 0) || Double.isInfinite(w)) {
        throw new IllegalArgumentException("weight must be finite and >= 0: " + w);
      }
      total += w;
    }
    if (total <= 0) {
      throw new IllegalArgumentException("weights sum to zero");
    }
    probability = new double[n];
    alias = new int[n];
    double[] scaled = new double[n];
    int[] small = new int[n];
    int[] large = new int[n];
    int ns = 0;
    int nl = 0;
    for (int i = 0; i < n; i++) {
      scaled[i] = weights[i] * n / total;
      if (scaled[i] < 1.0) {
        small[ns++] = i;
      } else {
        large[nl++] = i;
      }
    }
    while (ns > 0 && nl > 0) {
      int s = small[--ns];
      int l = large[--nl];
      probability[s] = scaled[s];
      alias[s] = l;
      scaled[l] = scaled[l] + scaled[s] - 1.0;
      if (scaled[l] < 1.0) {
        small[ns++] = l;
      } else {
        large[nl++] = l;
      }
    }
    while (nl > 0) {
      probability[large[--nl]] = 1.0;
    }
    while (ns > 0) {
      probability[small[--ns]] = 1.0;
    }
  }

  public int size() {
    return probability.length;
  }

  public int sample(SplittableRandom random) {
    return probability.length == 1 ? 0 : sample(random.nextDouble());
  }

  /** The draw of uniform {@code uniform} in [0, 1). */
  public int sample(double uniform) {
    int n = probability.length;
    double u = uniform * n;
    int i = (int) u;
    return (u - i) < probability[i] ? i : alias[i];
  }
}
