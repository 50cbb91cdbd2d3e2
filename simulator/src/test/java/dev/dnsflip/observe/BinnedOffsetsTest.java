package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Offsets left unsorted and counted per bin give every rank and every count the sorted sample
 * gives, whether the bins are taken out one by one as figures ask or together beforehand.
 */
class BinnedOffsetsTest {
  private static final int WINDOW = 60_000;

  @ParameterizedTest(name = "{0} cells, bins of {1} ms, {2} zeros apart, taken out together first: {3}")
  @CsvSource({"20000, 1000, 0, false", "20000, 1000, 5000, true", "20000, 7, 300, false", "300, 60000, 40, true",
      "1, 1000, 0, false", "0, 1000, 3, true"})
  void everyRankAndCountIsTheSortedSamples(int n, int width, int zeros, boolean together) {
    SplittableRandom random = new SplittableRandom(n + width);
    Bins bins = new Bins(width, WINDOW);
    int[] cells = new int[n];
    long[] sample = new long[n + zeros]; // the members, then the zeros
    int members = 0;
    int[] counts = new int[bins.count()];
    counts[0] = zeros;
    for (int c = 0; c < n; c++) {
      int kind = random.nextInt(10);
      // Not in the sample (W, W + 1), at the window's edges, or anywhere inside it.
      cells[c] = kind == 0 ? WINDOW : kind == 1 ? WINDOW + 1 : kind == 2 ? WINDOW - 1 : kind == 3 ? 0
          : random.nextInt(WINDOW);
      if (cells[c] < WINDOW) {
        sample[members++] = cells[c];
        counts[cells[c] / width]++;
      }
    }
    long[] sorted = Arrays.copyOf(sample, members + zeros); // zeros are 0 already
    Arrays.sort(sorted);
    BinnedOffsets binned = new BinnedOffsets(cells.clone(), WINDOW, bins, counts, zeros);
    if (together) {
      binned.takeOut(1, sorted.length / 2, sorted.length - 1, sorted.length, sorted.length + 5);
    }

    assertThat(binned.size()).isEqualTo(sorted.length);
    for (int i = 0; i < sorted.length; i++) {
      assertThat(binned.value(i)).as("the value at rank %d", i + 1).isEqualTo(sorted[i]);
    }
    for (long edge = 0; edge <= WINDOW + width; edge += (long) width * Math.max(1, 50 / width)) {
      for (long at : new long[] {edge - 1, edge, edge + 1, edge + width / 2}) { // at an edge, beside it, inside
        int expected = sorted.length - lowerBound(sorted, at);
        assertThat(binned.countAtLeast(at)).as("values at or above %d", at).isEqualTo(expected);
      }
    }
    assertThatThrownBy(() -> binned.value(sorted.length)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  /** The first index whose value is at or above v. */
  private static int lowerBound(long[] sorted, long v) {
    int i = 0;
    while (i < sorted.length && sorted[i] < v) {
      i++;
    }
    return i;
  }

  @org.junit.jupiter.api.Test
  void countsThatDisagreeWithTheCellsAreABug() {
    Bins bins = new Bins(1000, WINDOW);
    int[] counts = new int[bins.count()];
    counts[3] = 2; // one cell holds a value of bin 3
    BinnedOffsets binned = new BinnedOffsets(new int[] {3_500, WINDOW}, WINDOW, bins, counts, 0);
    assertThatThrownBy(() -> binned.value(0)).isInstanceOf(IllegalStateException.class)
        .hasMessage("1 values in the wanted bins' cells, 2 counted");
  }
}
