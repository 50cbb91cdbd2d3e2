package dev.dnsflip.observe;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;

/** Nearest-rank percentiles of a sample: the smallest value with at least p% of the sample at or below it. */
public final class Percentiles {
  private final long[] sorted; // its first size values, ascending; null when they are ints or binned
  private final int[] sortedInts; // the same, for values that fit an int; null when longs or binned
  private final BinnedOffsets binned; // unsorted offsets counted per bin; null when sorted
  private final int size;

  public Percentiles(long[] values, int count) {
    this(count, sort(Arrays.copyOf(values, count)));
  }

  private Percentiles(int size, long[] sorted) {
    this.sorted = sorted;
    this.sortedInts = null;
    this.binned = null;
    this.size = size;
  }

  private Percentiles(int size, int[] sorted) {
    this.sorted = null;
    this.sortedInts = sorted;
    this.binned = null;
    this.size = size;
  }

  private Percentiles(BinnedOffsets binned) {
    this.sorted = null;
    this.sortedInts = null;
    this.binned = binned;
    this.size = binned.size();
  }

  /**
   * Percentiles of the first {@code count} values of {@code values}, each in [0, {@code max}],
   * which it sorts in place and keeps: offsets in ms of a window shorter than 2^31 ms (24.8 days).
   * Half the bytes of longs to move, and the radix sort counts every digit in one pass, since
   * {@code max} (known while gathering) fixes the digits before it starts.
   */
  public static Percentiles takingInts(int[] values, int count, int max) {
    return new Percentiles(count, sortInts(values, count, max));
  }

  /** Percentiles of offsets left unsorted and counted per bin: only the bins a figure lands in are sorted. */
  static Percentiles ofBinned(BinnedOffsets binned) {
    return new Percentiles(binned);
  }

  /** Percentiles of the first {@code count} values of {@code sorted}, ascending already; kept, not copied. */
  static Percentiles ofSortedInts(int[] sorted, int count) {
    return new Percentiles(count, sorted);
  }

  /**
   * Percentiles of the first {@code count} values of {@code values}, which it sorts in place and
   * keeps: no copy of a million clients' instants.
   */
  public static Percentiles taking(long[] values, int count) {
    return new Percentiles(count, sort(values, count));
  }

  /**
   * Sorted: by radix when every value lies in [0, 2^48) (offsets in ms: nine thousand years), a
   * few passes over a million clients' instants instead of a comparison sort that took as long as
   * a skipping-ahead run; else by comparison. The passes split the values' bits evenly into digits
   * of at most 12 bits, so each pass's counters (at most 4,096) stay in the first-level cache: an
   * hour in ms (22 bits) takes two passes of 11 bits, where 16-bit digits scattered over 65,536.
   */
  static long[] sort(long[] a) {
    return sort(a, a.length);
  }

  /** The first n values of {@code a} sorted: {@code a} itself or another array, whose first n values they are. */
  static long[] sort(long[] a, int n) {
    long max = 0;
    for (int i = 0; i < n; i++) {
      if (a[i] < 0) {
        Arrays.sort(a, 0, n);
        return a;
      }
      max = Math.max(max, a[i]);
    }
    if (n < 1 << 12 || max >= 1L << 48) {
      Arrays.sort(a, 0, n);
      return a;
    }
    int bits = 64 - Long.numberOfLeadingZeros(max);
    int passes = Math.max(1, (bits + 11) / 12);
    int digit = (bits + passes - 1) / passes;
    int mask = (1 << digit) - 1;
    long[] from = a;
    long[] to = new long[n];
    int[] count = new int[1 << digit];
    for (int shift = 0; shift < bits; shift += digit) {
      Arrays.fill(count, 0);
      for (int i = 0; i < n; i++) {
        count[(int) (from[i] >>> shift) & mask]++;
      }
      for (int i = 0, sum = 0; i < count.length; i++) {
        int c = count[i];
        count[i] = sum;
        sum += c;
      }
      for (int i = 0; i < n; i++) {
        long v = from[i];
        to[count[(int) (v >>> shift) & mask]++] = v;
      }
      long[] swap = from;
      from = to;
      to = swap;
    }
    return from;
  }

  /** The first n values of {@code a}, each in [0, max], sorted: {@code a} itself or another array. */
  static int[] sortInts(int[] a, int n, int max) {
    if (n < 1 << 12) {
      Arrays.sort(a, 0, n);
      return a;
    }
    int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(max));
    int passes = (bits + 11) / 12;
    int digit = (bits + passes - 1) / passes;
    int mask = (1 << digit) - 1;
    int[][] count = new int[passes][1 << digit];
    for (int i = 0; i < n; i++) {
      int v = a[i];
      for (int p = 0; p < passes; p++) {
        count[p][(v >>> (p * digit)) & mask]++;
      }
    }
    int[] from = a;
    int[] to = new int[n];
    for (int p = 0; p < passes; p++) {
      int[] start = count[p];
      for (int i = 0, sum = 0; i < start.length; i++) {
        int c = start[i];
        start[i] = sum;
        sum += c;
      }
      int shift = p * digit;
      for (int i = 0; i < n; i++) {
        int v = from[i];
        to[start[(v >>> shift) & mask]++] = v;
      }
      int[] swap = from;
      from = to;
      to = swap;
    }
    return from;
  }

  /**
   * The values at these percentiles of a sample of {@code n} (this one, or this one with others
   * ranked after it) are about to be read: offsets left unsorted take out the bins they lie in
   * together, in one pass (see {@link BinnedOffsets}); sorted values need nothing.
   */
  void willRead(double[] percentiles, long n) {
    if (binned != null) {
      long[] ranks = new long[percentiles.length];
      for (int i = 0; i < ranks.length; i++) {
        ranks[i] = n == 0 ? 0 : rank(percentiles[i], n);
      }
      binned.takeOut(ranks);
    }
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public long percentile(double p) {
    if (size == 0) {
      throw new IllegalStateException("empty sample");
    }
    return sorted(rank(p, size));
  }

  /**
   * The nearest rank (1-based, at least 1) of the p-th percentile in a sample of n: p% of n, rounded
   * up, computed in decimal: in binary floating point p / 100.0 * n lands just above a whole number
   * for some p and n (99.9% of 1000 gives 999.0000000000001), and rounding up then skips a rank.
   */
  public static long rank(double p, long n) {
    long rank = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(n)).movePointLeft(2)
        .setScale(0, RoundingMode.CEILING).min(BigDecimal.valueOf(n)).longValue();
    return Math.max(1, rank);
  }

  /** The value at a 1-based rank of the sorted sample. */
  public long sorted(long rank) {
    return value((int) (rank - 1));
  }

  public long max() {
    return value(size - 1);
  }

  /** The i-th smallest value, from 0. */
  private long value(int i) {
    if (binned != null) {
      return binned.value(i);
    }
    return sorted != null ? sorted[i] : sortedInts[i];
  }

  public int size() {
    return size;
  }

  /** How many values are at or above {@code v}. */
  public int countAtLeast(long v) {
    if (binned != null) {
      return binned.countAtLeast(v);
    }
    int lo = 0;
    int hi = size;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (value(mid) < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return size - lo;
  }
}
