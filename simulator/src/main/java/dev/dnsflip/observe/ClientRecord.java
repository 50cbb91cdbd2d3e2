package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * Per client and switch event: the offsets (ms after the event) of the first fresh use and the
 * last stale use, -1 when there was none. Each client belongs to one partition, so partitions
 * running in parallel write disjoint cells.
 */
public final class ClientRecord {
  private final int firstClient; // the record covers clients [firstClient, firstClient + clients())
  private final int events;
  private final long[] firstFresh;
  private final long[] lastStale;

  public ClientRecord(int clients, int events) {
    this(0, clients, events);
  }

  private ClientRecord(int firstClient, int clients, int events) {
    this.firstClient = firstClient;
    this.events = events;
    firstFresh = new long[Math.multiplyExact(clients, Math.max(events, 1))];
    lastStale = new long[firstFresh.length];
    Arrays.fill(firstFresh, -1);
    Arrays.fill(lastStale, -1);
  }

  /**
   * A record of clients {@code [fromClient, toClient)} only, addressed by their ids as a whole one
   * is: what a range of partitions run apart needs, instead of a cell for every client of the run.
   */
  public static ClientRecord window(int fromClient, int toClient, int events) {
    return new ClientRecord(fromClient, toClient - fromClient, events);
  }

  /**
   * A use by {@code client} at {@code offsetMs} after event {@code e}. Uses may come in any order
   * (hits drawn in bulk come after the lookups between them): the latest stale and the earliest
   * fresh one are kept.
   */
  public void use(int client, int e, long offsetMs, boolean stale) {
    int i = (client - firstClient) * events + e;
    if (stale) {
      lastStale[i] = Math.max(lastStale[i], offsetMs);
    } else if (firstFresh[i] < 0 || offsetMs < firstFresh[i]) {
      firstFresh[i] = offsetMs;
    }
  }

  public long firstFresh(int client, int e) {
    return firstFresh[(client - firstClient) * events + e];
  }

  public long lastStale(int client, int e) {
    return lastStale[(client - firstClient) * events + e];
  }

  /** Cells of clients {@code [fromClient, toClient)}, all their events, client by client. */
  public int cells(int fromClient, int toClient) {
    return (toClient - fromClient) * events;
  }

  /** Copy of the first-fresh cells of clients {@code [fromClient, toClient)}: to ship them apart. */
  public long[] firstFreshCells(int fromClient, int toClient) {
    return Arrays.copyOfRange(firstFresh, (fromClient - firstClient) * events, (toClient - firstClient) * events);
  }

  /** Copy of the last-stale cells of clients {@code [fromClient, toClient)}. */
  public long[] lastStaleCells(int fromClient, int toClient) {
    return Arrays.copyOfRange(lastStale, (fromClient - firstClient) * events, (toClient - firstClient) * events);
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
    System.arraycopy(firstFreshCells, 0, firstFresh, at, firstFreshCells.length);
    System.arraycopy(lastStaleCells, 0, lastStale, at, lastStaleCells.length);
  }

  public int clients() {
    return events == 0 ? firstFresh.length : firstFresh.length / events;
  }
}
