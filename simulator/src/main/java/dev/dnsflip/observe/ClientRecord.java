package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * Per client and switch event: the offsets (ms after the event) of the first fresh use and the
 * last stale use, -1 when there was none. Each client belongs to one partition, so partitions
 * running in parallel write disjoint cells. A cell holds the offset plus one, so a new array's
 * zeros already say "none": a million clients' cells need no filling pass before a replication
 * can start, which no thread count shortens.
 */
public final class ClientRecord {
  private final int firstClient; // the record covers clients [firstClient, firstClient + clients())
  private final int events;
  private final long[] firstFresh;
  private final long[] lastStale;
  private final ReadyOffsets ready; // null unless asked for and every window fits an int

  public ClientRecord(int clients, int events) {
    this(0, clients, events, null);
  }

  /**
   * A record of every client of a replication whose switch windows last {@code windowMs} (one per
   * event), which also keeps {@link ReadyOffsets} when every window fits an int: partitions then
   * tell it, as each ends, to make their clients' cells ready ({@link #ready(int, int)}).
   */
  public ClientRecord(int clients, long[] windowMs) {
    this(0, clients, windowMs.length, ReadyOffsets.of(clients, windowMs));
  }

  private ClientRecord(int firstClient, int clients, int events, ReadyOffsets ready) {
    this.firstClient = firstClient;
    this.events = events;
    firstFresh = new long[Math.multiplyExact(clients, Math.max(events, 1))];
    lastStale = new long[firstFresh.length];
    this.ready = ready;
  }

  /**
   * A record of clients {@code [fromClient, toClient)} only, addressed by their ids as a whole one
   * is: what a range of partitions run apart needs, instead of a cell for every client of the run.
   */
  public static ClientRecord window(int fromClient, int toClient, int events) {
    return new ClientRecord(fromClient, toClient - fromClient, events, null);
  }

  /**
   * A use by {@code client} at {@code offsetMs} after event {@code e}. Uses may come in any order
   * (hits drawn in bulk come after the lookups between them): the latest stale and the earliest
   * fresh one are kept.
   */
  public void use(int client, int e, long offsetMs, boolean stale) {
    int i = (client - firstClient) * events + e;
    long cell = offsetMs + 1;
    if (stale) {
      lastStale[i] = Math.max(lastStale[i], cell);
    } else if (firstFresh[i] == 0 || cell < firstFresh[i]) {
      firstFresh[i] = cell;
    }
  }

  /**
   * Clients {@code [fromClient, toClient)} have had every use: their cells are written to the
   * {@link ReadyOffsets}, when this record keeps them (else nothing is done).
   */
  public void ready(int fromClient, int toClient) {
    if (ready != null) {
      ready.gather(this, fromClient, toClient);
    }
  }

  /** The offsets made ready by every partition, or null when this record does not keep them. */
  public ReadyOffsets readyOffsets() {
    return ready;
  }

  public long firstFresh(int client, int e) {
    return firstFresh[(client - firstClient) * events + e] - 1;
  }

  public long lastStale(int client, int e) {
    return lastStale[(client - firstClient) * events + e] - 1;
  }

  /** Cells of clients {@code [fromClient, toClient)}, all their events, client by client. */
  public int cells(int fromClient, int toClient) {
    return (toClient - fromClient) * events;
  }

  /** The first-fresh offsets (-1 for none) of clients {@code [fromClient, toClient)}: to ship them apart. */
  public long[] firstFreshCells(int fromClient, int toClient) {
    return offsets(firstFresh, fromClient, toClient);
  }

  /** The last-stale offsets (-1 for none) of clients {@code [fromClient, toClient)}. */
  public long[] lastStaleCells(int fromClient, int toClient) {
    return offsets(lastStale, fromClient, toClient);
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
    int at = (fromClient - firstClient) * events;
    for (int i = 0; i < firstFreshCells.length; i++) {
      firstFresh[at + i] = firstFreshCells[i] + 1;
      lastStale[at + i] = lastStaleCells[i] + 1;
    }
  }

  public int clients() {
    return events == 0 ? firstFresh.length : firstFresh.length / events;
  }
}
