package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * How clients let go of the old answer, pooled over runs: {@code staleAtOrAfter[b]} is the number
 * of observed clients (summed over runs) with a stale use at or after b·bucketMs (for b = 0: with
 * any stale use), out of {@code clients} observed clients (summed over runs). Falls as b grows,
 * so it draws as a smooth tail where the per-bucket stale share of uses is a comb of spikes.
 */
public record LastStaleCurve(long bucketMs, long clients, long[] staleAtOrAfter) {
  /** The share of observed clients still stale at or after the start of bucket b; NaN without clients. */
  public double stillStale(int b) {
    return clients == 0 ? Double.NaN : (double) staleAtOrAfter[b] / clients;
  }

  public int buckets() {
    return staleAtOrAfter.length;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LastStaleCurve other && bucketMs == other.bucketMs && clients == other.clients
        && Arrays.equals(staleAtOrAfter, other.staleAtOrAfter);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Long.hashCode(bucketMs) + Long.hashCode(clients)) + Arrays.hashCode(staleAtOrAfter);
  }

  @Override
  public String toString() {
    return "LastStaleCurve[bucketMs=" + bucketMs + ", clients=" + clients + ", staleAtOrAfter="
        + Arrays.toString(staleAtOrAfter) + "]";
  }
}
