package dev.dnsflip.observe;

/**
 * Per switch event, every client's last stale and first fresh offsets as ints, ready to be sorted
 * where they lie: each partition writes its own clients' as it ends ({@link ClientRecord#ready}),
 * while their cells are still in its core's cache and on every worker at once, so observing a
 * replication sorts two arrays instead of first gathering a million clients' cells on one thread.
 * Kept only when every window is shorter than 2^31 − 2 ms (24.8 days).
 *
 * <p>Per event of window W ms, a client's last stale cell is its offset + 1 when it had a stale
 * use, 0 when it was observed without one and W + 1 when it was not observed; its first fresh
 * cell is the offset of its fresh use, W when it was observed without one and W + 1 when not
 * observed. Each order is the order its figures need, so after one sort every count is where a
 * boundary lies.
 */
public final class ReadyOffsets {
  private final int events;
  private final int[] windowMs;
  private final int[][] lastStale; // [event][client]
  private final int[][] firstFresh;

  private ReadyOffsets(int clients, int[] windowMs) {
    this.events = windowMs.length;
    this.windowMs = windowMs;
    lastStale = new int[events][clients];
    firstFresh = new int[events][clients];
  }

  /** Whether a window of this length is kept as ints, its markers W and W + 1 included. */
  public static boolean fits(long windowMs) {
    return windowMs >= 0 && windowMs < Integer.MAX_VALUE - 1;
  }

  /** Cells for {@code clients} and these windows, or null when one of them does not fit an int. */
  static ReadyOffsets of(int clients, long[] windowMs) {
    int[] windows = new int[windowMs.length];
    for (int e = 0; e < windows.length; e++) {
      if (!fits(windowMs[e])) {
        return null;
      }
      windows[e] = (int) windowMs[e];
    }
    return new ReadyOffsets(clients, windows);
  }

  /** Writes the cells of clients {@code [fromClient, toClient)} from their record, whose ids start at 0. */
  void gather(ClientRecord record, int fromClient, int toClient) {
    for (int e = 0; e < events; e++) {
      int w = windowMs[e];
      int[] stale = lastStale[e];
      int[] fresh = firstFresh[e];
      for (int c = fromClient; c < toClient; c++) {
        long ls = record.lastStale(c, e);
        long ff = record.firstFresh(c, e);
        if (ls >= w || ff >= w) {
          throw new IllegalStateException("client " + c + ": a use past the window of " + w + " ms");
        }
        boolean observed = ls >= 0 || ff >= 0;
        stale[c] = !observed ? w + 1 : (int) (ls + 1);
        fresh[c] = !observed ? w + 1 : ff >= 0 ? (int) ff : w;
      }
    }
  }

  /** The last stale uses of event {@code e}'s observed clients (0 for none), and how many had one. Sorts in place: once. */
  Sorted lastStale(int e) {
    int w = windowMs[e];
    int[] cells = lastStale[e];
    int[] sorted = Percentiles.sortInts(cells, cells.length, w + 1);
    lastStale[e] = null; // sorted and taken
    int observed = firstAtLeast(sorted, w + 1);
    int withoutStale = firstAtLeast(sorted, 1);
    for (int i = withoutStale; i < observed; i++) {
      sorted[i]--; // a cell is the offset + 1
    }
    return new Sorted(Percentiles.ofSortedInts(sorted, observed), observed - withoutStale);
  }

  /** The first fresh uses of event {@code e}'s clients that had one, and how many observed clients had none. Once. */
  Sorted firstFresh(int e) {
    int w = windowMs[e];
    int[] cells = firstFresh[e];
    int[] sorted = Percentiles.sortInts(cells, cells.length, w + 1);
    firstFresh[e] = null;
    int fresh = firstAtLeast(sorted, w);
    return new Sorted(Percentiles.ofSortedInts(sorted, fresh), firstAtLeast(sorted, w + 1) - fresh);
  }

  /** Sorted offsets and a count of clients that goes with them. */
  record Sorted(Percentiles percentiles, int counted) {}

  /** The index of the first value at least {@code v} in a sorted array, or its length. */
  private static int firstAtLeast(int[] sorted, int v) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
