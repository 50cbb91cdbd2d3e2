package dev.dnsflip.simulation;

import dev.dnsflip.client.Population;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import java.io.Serializable;
import java.util.Arrays;
import java.util.BitSet;

/**
 * What one {@link PartitionRange} observed: its tally, and the client record cells of its own
 * clients only (a whole record per range would ship every client's cells once per range).
 * Serializable so that it can travel back from wherever the range ran.
 */
public final class PartitionOutcome implements Serializable {
  private static final long serialVersionUID = 1L;

  private final PartitionRange range;
  private final Tally tally;
  private final int[] clientFrom; // runs of client ids [clientFrom[i], clientTo[i]) the range owns
  private final int[] clientTo;
  private final long[] firstFresh; // the runs' cells, one run after the other
  private final long[] lastStale;

  private PartitionOutcome(PartitionRange range, Tally tally, int[] clientFrom, int[] clientTo, long[] firstFresh,
      long[] lastStale) {
    this.range = range;
    this.tally = tally;
    this.clientFrom = clientFrom;
    this.clientTo = clientTo;
    this.firstFresh = firstFresh;
    this.lastStale = lastStale;
  }

  /** {@code resolvers}: those of the range's partitions; their clients are one id range each. */
  static PartitionOutcome of(PartitionRange range, Tally tally, ClientRecord record, Population population,
      BitSet resolvers) {
    int[] from = new int[resolvers.cardinality()];
    int[] to = new int[from.length];
    int runs = 0;
    for (int r = resolvers.nextSetBit(0); r >= 0; r = resolvers.nextSetBit(r + 1)) {
      int first = population.first(r, 0);
      int end = population.first(r + 1, 0);
      if (runs > 0 && to[runs - 1] == first) {
        to[runs - 1] = end; // neighbouring resolvers: one run
      } else {
        from[runs] = first;
        to[runs++] = end;
      }
    }
    from = Arrays.copyOf(from, runs);
    to = Arrays.copyOf(to, runs);
    long[][] fresh = new long[runs][];
    long[][] stale = new long[runs][];
    for (int i = 0; i < runs; i++) {
      fresh[i] = record.firstFreshCells(from[i], to[i]);
      stale[i] = record.lastStaleCells(from[i], to[i]);
    }
    return new PartitionOutcome(range, tally, from, to, concat(fresh), concat(stale));
  }

  public PartitionRange range() {
    return range;
  }

  /**
   * The range's clients' last stale use per event (ms after it; -1 for none), client by client with
   * one cell per event, so cell i belongs to event i % events: for looking at each client's figure.
   */
  public long[] lastStaleCells() {
    return lastStale.clone();
  }

  /** The first fresh use per event (-1 for none), laid out as {@link #lastStaleCells()}. */
  public long[] firstFreshCells() {
    return firstFresh.clone();
  }

  /** Adds the tally to {@code total} and writes this range's cells into {@code record}. */
  void addTo(Tally total, ClientRecord record) {
    total.mergeFrom(tally);
    int at = 0;
    for (int i = 0; i < clientFrom.length; i++) {
      int cells = record.cells(clientFrom[i], clientTo[i]);
      record.putCells(clientFrom[i], Arrays.copyOfRange(firstFresh, at, at + cells),
          Arrays.copyOfRange(lastStale, at, at + cells));
      at += cells;
    }
  }

  private static long[] concat(long[][] parts) {
    int n = 0;
    for (long[] p : parts) {
      n += p.length;
    }
    long[] all = new long[n];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, all, at, p.length);
      at += p.length;
    }
    return all;
  }
}
