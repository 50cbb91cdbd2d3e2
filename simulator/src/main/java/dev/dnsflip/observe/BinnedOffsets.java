package dev.dnsflip.observe;

/**
 * One event's offsets, left unsorted in a record's ready cells, with how many fall in each bin:
 * the partitions counted them as they made their cells ready. A rank finds its bin from the
 * counts, and only that bin's offsets are taken out and sorted; a count at a bin's edge, every
 * bucket's edge among them, is read off the counts. The figures are those of the sorted sample,
 * exactly, where sorting a million offsets was the longest step a replication took on one thread.
 *
 * <p>Cells are as {@link ReadyOffsets} leaves them counted: a sample's member holds its offset, in
 * [0, W), every other client W or more. The last stale uses' sample also holds a 0 for each
 * observed client without a stale use: counted apart, not in the cells (a run often has hundreds
 * of thousands).
 *
 * <p>Not for two threads at once: the bins taken out are kept.
 */
final class BinnedOffsets {
  private final int[] cells;
  private final int windowMs;
  private final Bins bins;
  private final int zeros; // 0s of the sample not in the cells, nor in taken[0]
  private final int[] below; // [b]: values in the bins before b; [bins]: the sample's size
  private final int[][] taken; // [b]: bin b's values (zeros apart), sorted, once taken out

  /** {@code counts[b]}: the sample's values in bin b, {@code zeros} of them in bin 0 and not in the cells. */
  BinnedOffsets(int[] cells, int windowMs, Bins bins, int[] counts, int zeros) {
    if (counts.length != bins.count() || zeros > counts[0]) {
      throw new IllegalArgumentException(counts.length + " counts for " + bins.count() + " bins, " + zeros + " zeros");
    }
    this.cells = cells;
    this.windowMs = windowMs;
    this.bins = bins;
    this.zeros = zeros;
    below = new int[counts.length + 1];
    for (int b = 0; b < counts.length; b++) {
      below[b + 1] = below[b] + counts[b];
    }
    taken = new int[counts.length][];
  }

  int size() {
    return below[below.length - 1];
  }

  /** The i-th smallest value, from 0. */
  long value(int i) {
    if (i < 0 || i >= size()) {
      throw new IndexOutOfBoundsException(i + " of " + size());
    }
    if (i < zeros) {
      return 0;
    }
    int b = binOfIndex(i);
    return taken(b)[i - below[b] - (b == 0 ? zeros : 0)];
  }

  /** How many values are at or above {@code v}. */
  int countAtLeast(long v) {
    if (v <= 0) {
      return size();
    }
    if (v >= windowMs) {
      return 0;
    }
    int b = bins.of((int) v);
    int above = size() - below[b + 1];
    if (v == (long) b * bins.width()) {
      return above + below[b + 1] - below[b];
    }
    int[] values = taken(b); // v > 0: the zeros are below it
    int lo = 0;
    int hi = values.length;
    while (lo < hi) { // the first value >= v
      int mid = (lo + hi) >>> 1;
      if (values[mid] < v) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return above + values.length - lo;
  }

  /**
   * Takes out, in one pass over the cells, the bins that these ranks (1-based, as {@link
   * Percentiles#sorted}; those past the sample ignored) land in: what the figures of a report read,
   * so each of them costs no pass of its own.
   */
  void takeOut(long... ranks) {
    int[] wanted = new int[bins.count() + 1]; // [bins]: offsets past the window, never wanted
    int values = 0;
    for (long rank : ranks) {
      if (rank >= 1 && rank <= size() && rank > zeros) {
        int b = binOfIndex((int) rank - 1);
        if (taken[b] == null && wanted[b] == 0) {
          wanted[b] = 1;
          values += inCells(b);
        }
      }
    }
    if (values > 0) { // a wanted bin holds a value besides the zeros: its rank is past them
      take(wanted, values);
    }
  }

  /** Bin b's values held in the cells: its count, less the zeros counted apart for bin 0. */
  private int inCells(int b) {
    return below[b + 1] - below[b] - (b == 0 ? zeros : 0);
  }

  /** The bin holding the i-th smallest value: the last b with below[b] <= i. */
  private int binOfIndex(int i) {
    int lo = 0;
    int hi = below.length - 1;
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (below[mid] <= i) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  private synchronized int[] taken(int b) {
    if (taken[b] == null && inCells(b) == 0) {
      taken[b] = new int[0]; // nothing to pass over the cells for
    } else if (taken[b] == null) {
      int[] wanted = new int[bins.count() + 1];
      wanted[b] = 1;
      take(wanted, inCells(b));
    }
    return taken[b];
  }

  /**
   * One pass over the cells keeping the values whose bin is wanted, without a branch on the
   * value (the bins of a report's figures lie anywhere, so a branch would be guessed wrong), then
   * sorted and cut into their bins.
   */
  private synchronized void take(int[] wanted, int values) {
    int w = windowMs;
    int last = bins.count();
    int[] kept = new int[values + 1]; // every value is written, the next one's place only kept when wanted
    int n = 0;
    for (int cell : cells) {
      int keep = wanted[Math.min(bins.of(cell), last)] & ((cell - w) >>> 31); // a member's, of a wanted bin
      kept[Math.min(n, values)] = cell; // counts short of the cells fail below, not here
      n += keep;
    }
    if (n != values) {
      throw new IllegalStateException(n + " values in the wanted bins' cells, " + values + " counted");
    }
    int[] sorted = Percentiles.sortInts(kept, n, w);
    for (int b = 0, at = 0; b < last; b++) {
      if (wanted[b] == 1) {
        int count = inCells(b);
        taken[b] = java.util.Arrays.copyOfRange(sorted, at, at + count);
        at += count;
      }
    }
  }
}
