package dev.dnsflip.observe;

/**
 * A client record's cells as ints, one array per switch event, when every window is shorter than
 * 2^31 − 2 ms (24.8 days): half the bytes of longs for the partitions to write, and, once each
 * partition has made its own clients' cells ready to sort ({@link #ready}: in place, while they are
 * still in its core's cache, on every worker at once), arrays a replication's observation sorts
 * where they lie instead of first gathering a million clients' cells on one thread.
 *
 * <p>While the partition runs a cell holds the offset + 1, 0 for none. Made ready, per event of
 * window W ms, a client's last stale cell is its offset + 1 when it had a stale use, 0 when it was
 * observed without one and W + 1 when it was not observed; its first fresh cell is the offset of
 * its fresh use, W when it was observed without one and W + 1 when not observed. Each order is the
 * order its figures need, so after one sort every count is where a boundary lies.
 */
final class ReadyOffsets {
  private final int clients;
  private final int[] windowMs;
  private final int[][] lastStale; // [event][client]
  private final int[][] firstFresh;
  private volatile boolean made; // some cells made ready: reading them as offsets is a bug
  private final java.util.concurrent.atomic.AtomicLong readyClients = new java.util.concurrent.atomic.AtomicLong();

  private ReadyOffsets(int clients, int[] windowMs) {
    this.clients = clients;
    this.windowMs = windowMs;
    lastStale = new int[windowMs.length][clients];
    firstFresh = new int[windowMs.length][clients];
  }

  /** Whether a window of this length is kept as ints, its markers W and W + 1 included. */
  static boolean fits(long windowMs) {
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

  int clients() {
    return clients;
  }

  /** As {@link ClientRecord#use}; an offset past the window is found when the cell is made ready. */
  void use(int client, int e, long offsetMs, boolean stale) {
    int cell = (int) Math.min(offsetMs + 1, Integer.MAX_VALUE);
    if (stale) {
      int[] cells = lastStale[e];
      cells[client] = Math.max(cells[client], cell);
    } else {
      int[] cells = firstFresh[e];
      int f = cells[client];
      if (f == 0 || cell < f) {
        cells[client] = cell;
      }
    }
  }

  long firstFresh(int client, int e) {
    unmade();
    return firstFresh[e][client] - 1L;
  }

  long lastStale(int client, int e) {
    unmade();
    return lastStale[e][client] - 1L;
  }

  private void unmade() {
    if (made) {
      throw new IllegalStateException("cells already made ready to sort");
    }
  }

  /** Clients {@code [fromClient, toClient)} have had every use: their cells, in place, ready to sort. */
  void ready(int fromClient, int toClient) {
    made = true;
    readyClients.addAndGet(toClient - fromClient);
    for (int e = 0; e < windowMs.length; e++) {
      int w = windowMs[e];
      int[] stale = lastStale[e];
      int[] fresh = firstFresh[e];
      for (int c = fromClient; c < toClient; c++) {
        int ls = stale[c];
        int ff = fresh[c];
        if (ls > w || ff > w) {
          throw new IllegalStateException("client " + c + ": a use past the window of " + w + " ms");
        }
        boolean observed = ls > 0 || ff > 0;
        stale[c] = observed ? ls : w + 1;
        fresh[c] = ff > 0 ? ff - 1 : observed ? w : w + 1;
      }
    }
  }

  /** The last stale uses of event {@code e}'s observed clients (0 for none), and how many had one. Sorts in place: once. */
  Sorted lastStale(int e) {
    int w = windowMs[e];
    int[] sorted = Percentiles.sortInts(taken(lastStale, e), clients, w + 1);
    Percentiles all = Percentiles.ofSortedInts(sorted, clients);
    int observed = clients - all.countAtLeast(w + 1);
    int withoutStale = clients - all.countAtLeast(1);
    for (int i = withoutStale; i < observed; i++) {
      sorted[i]--; // a cell is the offset + 1
    }
    return new Sorted(Percentiles.ofSortedInts(sorted, observed), observed - withoutStale);
  }

  /** The first fresh uses of event {@code e}'s clients that had one, and how many observed clients had none. Once. */
  Sorted firstFresh(int e) {
    int w = windowMs[e];
    int[] sorted = Percentiles.sortInts(taken(firstFresh, e), clients, w + 1);
    Percentiles all = Percentiles.ofSortedInts(sorted, clients);
    int fresh = clients - all.countAtLeast(w);
    return new Sorted(Percentiles.ofSortedInts(sorted, fresh), all.countAtLeast(w) - all.countAtLeast(w + 1));
  }

  /** Event e's cells, taken out to be sorted in place: a second sort of them is a bug. */
  private int[] taken(int[][] cells, int e) {
    if (readyClients.get() != clients) {
      throw new IllegalStateException(readyClients.get() + " of " + clients + " clients' cells made ready to sort");
    }
    int[] taken = cells[e];
    if (taken == null) {
      throw new IllegalStateException("event " + e + "'s cells were sorted already");
    }
    cells[e] = null;
    return taken;
  }

  /** Sorted offsets and a count of clients that goes with them. */
  record Sorted(Percentiles percentiles, int counted) {}
}
