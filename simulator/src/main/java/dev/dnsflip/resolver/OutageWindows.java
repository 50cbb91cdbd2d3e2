package dev.dnsflip.resolver;

import java.util.SplittableRandom;

/**
 * The authoritative outages as a resolver's fetches meet them: windows [from, to) in which a query
 * to an affected nameserver is lost with a probability, 1 meaning every query times out. Primitive
 * arrays, read on the fetch path; a window that loses every query to every nameserver draws nothing,
 * so runs with total outages draw exactly what they drew before partial loss existed.
 */
public final class OutageWindows {
  /** No outage at all. */
  public static final OutageWindows NONE = new OutageWindows(new long[0], new long[0], new double[0], new long[0]);
  /** {@link #nameserverMask} value of a window that affects every nameserver. */
  public static final long ALL_NAMESERVERS = -1L;

  private final long[] fromMs;
  private final long[] toMs;
  private final double[] loss;
  private final long[] nameserverMask;

  /**
   * @param loss per window, in (0, 1]: the probability that one query to an affected nameserver is lost
   * @param nameserverMask per window, bit {@code ns} set when nameserver {@code ns} (0-based) is affected;
   *     {@link #ALL_NAMESERVERS} for all of them
   */
  public OutageWindows(long[] fromMs, long[] toMs, double[] loss, long[] nameserverMask) {
    int n = fromMs.length;
    if (toMs.length != n || loss.length != n || nameserverMask.length != n) {
      throw new IllegalArgumentException("outage arrays differ in length");
    }
    for (int i = 0; i < n; i++) {
      if (!(loss[i] > 0 && loss[i] <= 1) || toMs[i] <= fromMs[i] || nameserverMask[i] == 0) {
        throw new IllegalArgumentException("outage " + i + " is not a window with a loss in (0, 1] and a nameserver");
      }
    }
    this.fromMs = fromMs.clone();
    this.toMs = toMs.clone();
    this.loss = loss.clone();
    this.nameserverMask = nameserverMask.clone();
  }

  /** Windows in which every query to every nameserver times out. */
  public static OutageWindows total(long[] fromMs, long[] toMs) {
    double[] loss = new double[fromMs.length];
    long[] all = new long[fromMs.length];
    java.util.Arrays.fill(loss, 1.0);
    java.util.Arrays.fill(all, ALL_NAMESERVERS);
    return new OutageWindows(fromMs, toMs, loss, all);
  }

  /** Whether a window covering {@code now} loses every query to every nameserver. */
  boolean silent(long now) {
    for (int i = 0; i < fromMs.length; i++) {
      if (now >= fromMs[i] && now < toMs[i] && loss[i] >= 1 && nameserverMask[i] == ALL_NAMESERVERS) {
        return true;
      }
    }
    return false;
  }

  /** Whether one query to nameserver {@code ns} at {@code now} is lost; draws once per partial window covering it. */
  boolean lost(int ns, long now, SplittableRandom random) {
    boolean lost = false;
    for (int i = 0; i < fromMs.length; i++) {
      if (now >= fromMs[i] && now < toMs[i] && affects(i, ns)) {
        // Every covering window draws, whatever the earlier ones decided, so the draws a query
        // makes do not depend on the order of the windows.
        lost |= loss[i] >= 1 || random.nextDouble() < loss[i];
      }
    }
    return lost;
  }

  private boolean affects(int window, int ns) {
    return ns >= Long.SIZE ? nameserverMask[window] == ALL_NAMESERVERS : (nameserverMask[window] >>> ns & 1) != 0;
  }

  public boolean isEmpty() {
    return fromMs.length == 0;
  }
}
