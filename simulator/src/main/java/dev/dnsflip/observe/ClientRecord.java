package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * Per client and switch event: the offsets (ms after the event) of the first fresh use and the
 * last stale use, -1 when there was none. Each client belongs to one partition, so partitions
 * running in parallel write disjoint cells. A replication's record whose windows all fit an int
 * keeps its cells as ints ({@link ReadyOffsets}), which each partition makes ready, and counts, as it
 * ends; otherwise, and for a range of clients run apart, as longs. A long cell holds the offset
 * plus one, so a new array's zeros already say "none": a million clients' cells need no filling
 * pass before a replication can start, which no thread count shortens.
 */
public final class ClientRecord {
  /** The most one worker's counts per bin of a record of int cells take, per event. */
  public static final long BIN_COUNT_BYTES_PER_EVENT = 8L * (ReadyOffsets.MAX_BINS + 1);

  private final int firstClient; // the record covers clients [firstClient, firstClient + clients())
  private final int events;
  private final long[] firstFresh; // null when the cells are ints
  private final long[] lastStale;
  private final ReadyOffsets ints; // null when the cells are longs

  public ClientRecord(int clients, int events) {
    this(0, clients, events, null);
  }

  /**
   * A record of every client of a replication whose switch windows last {@code windowMs} (one per
   * event), observed in buckets of {@code bucketMs}: its cells are ints when every window fits
   * one, and partitions then tell it, as each ends, to make their clients' cells ready and count
   * them ({@link #ready(int, int)}).
   */
  public ClientRecord(int clients, long[] windowMs, long bucketMs) {
    this(0, clients, windowMs.length, ReadyOffsets.of(clients, windowMs, bucketMs));
  }

  private ClientRecord(int firstClient, int clients, int events, ReadyOffsets ints) {
    this.firstClient = firstClient;
    this.events = events;
    this.ints = ints;
    int cells = ints != null ? 0 : Math.multiplyExact(clients, Math.max(events, 1));
    firstFresh = ints != null ? null : new long[cells];
    lastStale = ints != null ? null : new long[cells];
  }

  /**
   * A record of clients {@code [fromClient, toClient)} only, addressed by their ids as a whole one
   * is: what a range of partitions run apart needs, instead of a cell for every client of the run.
   */
  public static ClientRecord window(int fromClient, int toClient, int events) {
    return new ClientRecord(fromClient, toClient - fromClient, events, null);
  }

  /** Whether a switch window of this length lets a record keep its cells as ints. */
  public static boolean fitsInts(long windowMs) {
    return ReadyOffsets.fits(windowMs);
  }

  /**
   * A use by {@code client} at {@code offsetMs} after event {@code e}. Uses may come in any order
   * (hits drawn in bulk come after the lookups between them): the latest stale and the earliest
   * fresh one are kept.
   */
  public void use(int client, int e, long offsetMs, boolean stale) {
    if (ints != null) {
      ints.use(client, e, offsetMs, stale);
      return;
    }
    int i = (client - firstClient) * events + e;
    long cell = offsetMs + 1;
    if (stale) {
      lastStale[i] = Math.max(lastStale[i], cell);
    } else if (firstFresh[i] == 0 || cell < firstFresh[i]) {
      firstFresh[i] = cell;
    }
  }

  /**
   * Clients {@code [fromClient, toClient)} have had every use: when the cells are ints, theirs are
   * made ready and counted, and no longer read as offsets (else nothing is done).
   */
  public void ready(int fromClient, int toClient) {
    if (ints != null) {
      ints.ready(fromClient, toClient);
    }
  }

  /** The cells as ints, made ready by every partition, or null when they are longs. */
  ReadyOffsets readyOffsets() {
    return ints;
  }

  public long firstFresh(int client, int e) {
    return ints != null ? ints.firstFresh(client, e) : firstFresh[(client - firstClient) * events + e] - 1;
  }

  public long lastStale(int client, int e) {
    return ints != null ? ints.lastStale(client, e) : lastStale[(client - firstClient) * events + e] - 1;
  }

  /** Cells of clients {@code [fromClient, toClient)}, all their events, client by client. */
  public int cells(int fromClient, int toClient) {
    return (toClient - fromClient) * events;
  }

  /** The first-fresh offsets (-1 for none) of clients {@code [fromClient, toClient)}: to ship them apart. */
  public long[] firstFreshCells(int fromClient, int toClient) {
    return offsets(longs(firstFresh), fromClient, toClient);
  }

  /** The last-stale offsets (-1 for none) of clients {@code [fromClient, toClient)}. */
  public long[] lastStaleCells(int fromClient, int toClient) {
    return offsets(longs(lastStale), fromClient, toClient);
  }

  private long[] offsets(long[] cells, int fromClient, int toClient) {
    long[] offsets = Arrays.copyOfRange(cells, (fromClient - firstClient) * events, (toClient - firstClient) * events);
    for (int i = 0; i < offsets.length; i++) {
      offsets[i]--;
    }
    return offsets;
  }

  /**
   * Writes cells taken by {@link #firstFreshCells} and {@link #lastStaleCells} from a
   * record of the same shape back at client {@code fromClient}: a partition run elsewhere.
   */
  public void putCells(int fromClient, long[] firstFreshCells, long[] lastStaleCells) {
    if (firstFreshCells.length != lastStaleCells.length || firstFreshCells.length % Math.max(events, 1) != 0) {
      throw new IllegalArgumentException("cells of whole clients expected");
    }
    long[] fresh = longs(firstFresh);
    long[] stale = longs(lastStale);
    int at = (fromClient - firstClient) * events;
    for (int i = 0; i < firstFreshCells.length; i++) {
      fresh[at + i] = firstFreshCells[i] + 1;
      stale[at + i] = lastStaleCells[i] + 1;
    }
  }

  /** Cells shipped between machines are longs: a record of ints is a replication's own, never shipped. */
  private long[] longs(long[] cells) {
    if (cells == null) {
      throw new IllegalStateException("a record of int cells is not shipped cell by cell");
    }
    return cells;
  }

  public int clients() {
    if (ints != null) {
      return ints.clients();
    }
    return events == 0 ? firstFresh.length : firstFresh.length / events;
  }
}
