package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * The uses and stale uses per bucket of the clients behind one resolver kind (every group of that
 * preset, or "custom"), summed over runs: which kinds hold the tail, over time.
 */
public record KindSeries(String resolverKind, long[] uses, long[] staleUses) {
  public KindSeries {
    uses = uses.clone();
    staleUses = staleUses.clone();
  }

  @Override
  public long[] uses() {
    return uses.clone();
  }

  @Override
  public long[] staleUses() {
    return staleUses.clone();
  }

  /** The kind's stale share in bucket b; NaN when its clients made no use there. */
  public double share(int b) {
    return uses[b] == 0 ? Double.NaN : (double) staleUses[b] / uses[b];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof KindSeries other && resolverKind.equals(other.resolverKind) && Arrays.equals(uses, other.uses)
        && Arrays.equals(staleUses, other.staleUses);
  }

  @Override
  public int hashCode() {
    return resolverKind.hashCode() * 31 + Arrays.hashCode(staleUses);
  }

  @Override
  public String toString() {
    return "KindSeries[" + resolverKind + ", uses=" + Arrays.toString(uses) + ", staleUses="
        + Arrays.toString(staleUses) + "]";
  }
}
