package dev.dnsflip.observe;

/**
 * A client record's cells as ints, one array per switch event, when every window is shorter than
 * 2^31 − 2 ms (24.8 days): half the bytes of longs for the partitions to write, and, once each
 * partition has made its own clients' cells ready ({@link #ready}: in place, while they are still
 * in its core's cache, on every worker at once), arrays a replication's observation reads where
 * they lie instead of first gathering a million clients' cells on one thread.
 *
 * <p>While the partition runs a cell holds the offset + 1, 0 for none. As it makes the cells of
 * an event of window W ms ready, each worker also counts their offsets per bin of the window
 * ({@link Bins}), into counts of its own (two workers never write one cache line): the bins' edges
 * include every bucket's, so the observation reads the series' counts off the bins and takes out
 * only the few bins a percentile lands in ({@link BinnedOffsets}), where sorting a million offsets
 * was the longest step a replication took on one thread. Counted, a client's last stale cell is
 * the offset of its stale use, W when it was observed without one (an offset of 0 in the figures,
 * counted apart) and W + 1 when it was not observed; its first fresh cell is the offset of its
 * fresh use, W when it was observed without one and W + 1 when not observed.
 *
 * <p>A window of more than {@value #MAX_BINS} buckets is sorted instead, its cells made ready in
 * the order its figures need: the last stale cell is the offset + 1, 0 when observed without a
 * stale use and W + 1 when not observed; the first fresh cell as above.
 */
final class ReadyOffsets {
  /** Bins per event and kind of cell at most: a worker's counts stay in its core's cache. */
  static final int MAX_BINS = 4096;

  private final int clients;
  private final int[] windowMs;
  private final Bins[] bins; // [event], null when the event's offsets are sorted instead
  private final int[][] lastStale; // [event][client]
  private final int[][] firstFresh;
  private volatile boolean made; // some cells made ready: reading them as offsets is a bug
  private final java.util.concurrent.atomic.AtomicLong readyClients = new java.util.concurrent.atomic.AtomicLong();
  private final ThreadLocal<Counts> mine = ThreadLocal.withInitial(this::newCounts);
  private final java.util.List<Counts> counts = new java.util.ArrayList<>(); // every worker's

  /**
   * One worker's counts per event: [b] the offsets in bin b, and in a last slot the clients
   * observed without a stale use (last stale) or without a fresh one (first fresh); no slots for
   * an event sorted instead.
   */
  private record Counts(int[][] lastStale, int[][] firstFresh) {}

  private ReadyOffsets(int clients, int[] windowMs, long bucketMs) {
    this.clients = clients;
    this.windowMs = windowMs;
    bins = new Bins[windowMs.length];
    for (int e = 0; e < windowMs.length; e++) {
      bins[e] = Bins.of(windowMs[e], bucketMs, MAX_BINS);
    }
    lastStale = new int[windowMs.length][clients];
    firstFresh = new int[windowMs.length][clients];
  }

  /** Whether a window of this length is kept as ints, its markers W and W + 1 included. */
  static boolean fits(long windowMs) {
    return windowMs >= 0 && windowMs < Integer.MAX_VALUE - 1;
  }

  /**
   * Cells for {@code clients} and these windows, whose series have buckets of {@code bucketMs}, or
   * null when one of them does not fit an int.
   */
  static ReadyOffsets of(int clients, long[] windowMs, long bucketMs) {
    int[] windows = new int[windowMs.length];
    for (int e = 0; e < windows.length; e++) {
      if (!fits(windowMs[e])) {
        return null;
      }
      windows[e] = (int) windowMs[e];
    }
    return new ReadyOffsets(clients, windows, bucketMs);
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
      throw new IllegalStateException("cells already made ready");
    }
  }

  /**
   * Clients {@code [fromClient, toClient)} have had every use: their cells, in place, made ready,
   * and counted into this worker's bins.
   */
  void ready(int fromClient, int toClient) {
    made = true;
    Counts worker = mine.get();
    for (int e = 0; e < windowMs.length; e++) {
      if (bins[e] != null) {
        counted(e, fromClient, toClient, worker.lastStale()[e], worker.firstFresh()[e]);
      } else {
        sortable(e, fromClient, toClient);
      }
    }
    readyClients.addAndGet(toClient - fromClient); // after the counts: the observation reads it first
  }

  /** Event e's cells made ready and counted: [b] offsets in bin b, the last slot clients without such a use. */
  private void counted(int e, int fromClient, int toClient, int[] staleBins, int[] freshBins) {
    int w = windowMs[e];
    Bins b = bins[e];
    int without = staleBins.length - 1;
    int[] stale = lastStale[e];
    int[] fresh = firstFresh[e];
    for (int c = fromClient; c < toClient; c++) {
      int ls = stale[c];
      int ff = fresh[c];
      withinWindow(c, ls, ff, w);
      if (ls == 0 && ff == 0) {
        stale[c] = w + 1;
        fresh[c] = w + 1;
        continue;
      }
      stale[c] = ls > 0 ? ls - 1 : w;
      fresh[c] = ff > 0 ? ff - 1 : w;
      staleBins[ls > 0 ? b.of(ls - 1) : without]++;
      freshBins[ff > 0 ? b.of(ff - 1) : without]++;
    }
  }

  /** A client's cells while its partition ran: a use at or past the window's end is a bug. */
  private static void withinWindow(int client, int ls, int ff, int w) {
    if (ls > w || ff > w) {
      throw new IllegalStateException("client " + client + ": a use past the window of " + w + " ms");
    }
  }

  /** Event e's cells made ready to sort, in the order its figures need. */
  private void sortable(int e, int fromClient, int toClient) {
    int w = windowMs[e];
    int[] stale = lastStale[e];
    int[] fresh = firstFresh[e];
    for (int c = fromClient; c < toClient; c++) {
      int ls = stale[c];
      int ff = fresh[c];
      withinWindow(c, ls, ff, w);
      boolean observed = ls > 0 || ff > 0;
      stale[c] = observed ? ls : w + 1;
      fresh[c] = ff > 0 ? ff - 1 : observed ? w : w + 1;
    }
  }

  private Counts newCounts() {
    int[][] stale = new int[windowMs.length][];
    int[][] fresh = new int[windowMs.length][];
    for (int e = 0; e < windowMs.length; e++) {
      int slots = bins[e] == null ? 0 : bins[e].count() + 1;
      stale[e] = new int[slots];
      fresh[e] = new int[slots];
    }
    Counts c = new Counts(stale, fresh);
    synchronized (counts) {
      counts.add(c);
    }
    return c;
  }

  /** Every worker's counts of event e's last stale (or first fresh) cells, added up. */
  private int[] summed(int e, boolean stale) {
    int[] sum = new int[bins[e].count() + 1];
    synchronized (counts) {
      for (Counts c : counts) {
        int[] mine = stale ? c.lastStale()[e] : c.firstFresh()[e];
        for (int b = 0; b < sum.length; b++) {
          sum[b] += mine[b];
        }
      }
    }
    return sum;
  }

  /** The last stale uses of event {@code e}'s observed clients (0 for none), and how many had one. Once. */
  Sample lastStale(int e) {
    int w = windowMs[e];
    int[] cells = taken(lastStale, e);
    if (bins[e] != null) {
      int[] counts = summed(e, true);
      int withoutStale = counts[counts.length - 1];
      counts[0] += withoutStale; // their 0s, in the first bin, not in the cells
      BinnedOffsets binned = new BinnedOffsets(cells, w, bins[e], java.util.Arrays.copyOf(counts, counts.length - 1),
          withoutStale);
      return new Sample(Percentiles.ofBinned(binned), binned.size() - withoutStale);
    }
    int[] sorted = Percentiles.sortInts(cells, clients, w + 1);
    Percentiles all = Percentiles.ofSortedInts(sorted, clients);
    int observed = clients - all.countAtLeast(w + 1);
    int withoutStale = clients - all.countAtLeast(1);
    for (int i = withoutStale; i < observed; i++) {
      sorted[i]--; // a cell is the offset + 1
    }
    return new Sample(Percentiles.ofSortedInts(sorted, observed), observed - withoutStale);
  }

  /** The first fresh uses of event {@code e}'s clients that had one, and how many observed clients had none. Once. */
  Sample firstFresh(int e) {
    int w = windowMs[e];
    int[] cells = taken(firstFresh, e);
    if (bins[e] != null) {
      int[] counts = summed(e, false);
      BinnedOffsets binned = new BinnedOffsets(cells, w, bins[e], java.util.Arrays.copyOf(counts, counts.length - 1), 0);
      return new Sample(Percentiles.ofBinned(binned), counts[counts.length - 1]);
    }
    int[] sorted = Percentiles.sortInts(cells, clients, w + 1);
    Percentiles all = Percentiles.ofSortedInts(sorted, clients);
    int fresh = clients - all.countAtLeast(w);
    return new Sample(Percentiles.ofSortedInts(sorted, fresh), all.countAtLeast(w) - all.countAtLeast(w + 1));
  }

  /** Event e's cells, taken out to be read (or sorted in place): taking them twice is a bug. */
  private int[] taken(int[][] cells, int e) {
    if (readyClients.get() != clients) {
      throw new IllegalStateException(readyClients.get() + " of " + clients + " clients' cells made ready");
    }
    int[] taken = cells[e];
    if (taken == null) {
      throw new IllegalStateException("event " + e + "'s cells were taken already");
    }
    cells[e] = null;
    return taken;
  }

  /** Offsets, as percentiles, and a count of clients that goes with them. */
  record Sample(Percentiles percentiles, int counted) {}
}
