package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Nearest rank: the smallest value with at least p% of the sample at or below it. */
class PercentilesTest {
  private static final long[] ONE_TO_TEN = {7, 3, 10, 1, 5, 9, 2, 8, 6, 4};

  private static long[] oneTo(int n) {
    return LongStream.rangeClosed(1, n).toArray();
  }

  /** The definition, counted exactly: p is taken as the decimal it is written as. */
  private static long byDefinition(long[] values, double p) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    BigDecimal needed = BigDecimal.valueOf(p).multiply(BigDecimal.valueOf(sorted.length));
    for (long x : sorted) {
      long atOrBelow = Arrays.stream(sorted).filter(v -> v <= x).count();
      if (BigDecimal.valueOf(atOrBelow * 100).compareTo(needed) >= 0) {
        return x;
      }
    }
    return sorted[sorted.length - 1];
  }

  @ParameterizedTest(name = "p{0} of 1..10 = {1}")
  @CsvSource({"0, 1", "1, 1", "10, 1", "10.0001, 2", "50, 5", "50.5, 6", "90, 9", "90.01, 10", "99, 10", "100, 10"})
  void nearestRankOfTenValues(double p, long expected) {
    assertThat(new Percentiles(ONE_TO_TEN, ONE_TO_TEN.length).percentile(p)).isEqualTo(expected);
  }

  @Test
  void p0IsTheSmallestAndP100TheLargest() {
    Percentiles p = new Percentiles(new long[] {42, -3, 17}, 3);
    assertThat(p.percentile(0)).isEqualTo(-3);
    assertThat(p.percentile(100)).isEqualTo(42);
    assertThat(p.max()).isEqualTo(42);
  }

  @Test
  void everyWholePercentOfOneToAHundredIsItsOwnRank() {
    Percentiles p = new Percentiles(oneTo(100), 100);
    for (int k = 1; k <= 100; k++) {
      assertThat(p.percentile(k)).as("p%d", k).isEqualTo(k);
    }
  }

  /** 99.9 / 100 * 1000 is 999.0000000000001 in binary floating point: the rank must still be 999. */
  @Test
  void p999IsExactWhereTheRankIsAWholeNumber() {
    assertThat(new Percentiles(oneTo(1000), 1000).percentile(99.9)).isEqualTo(999);
    assertThat(new Percentiles(oneTo(2000), 2000).percentile(99.9)).isEqualTo(1998);
    assertThat(new Percentiles(oneTo(10_000), 10_000).percentile(99.9)).isEqualTo(9990);
    assertThat(new Percentiles(oneTo(1001), 1001).percentile(99.9)).as("rank 999.999 rounds up").isEqualTo(1000);
  }

  @Test
  void tiesAndSingleValues() {
    Percentiles ties = new Percentiles(new long[] {3, 7, 3, 3}, 4);
    assertThat(ties.percentile(75)).isEqualTo(3);
    assertThat(ties.percentile(75.1)).isEqualTo(7);
    Percentiles one = new Percentiles(new long[] {5}, 1);
    assertThat(one.percentile(0)).isEqualTo(5);
    assertThat(one.percentile(50)).isEqualTo(5);
    assertThat(one.percentile(99.9)).isEqualTo(5);
    assertThat(one.max()).isEqualTo(5);
  }

  @Test
  void onlyTheFirstCountValuesCountAndTheInputIsNotChanged() {
    long[] values = {9, 1, 5, 1_000};
    Percentiles p = new Percentiles(values, 3);
    assertThat(p.max()).isEqualTo(9);
    assertThat(p.percentile(100)).isEqualTo(9);
    assertThat(p.percentile(34)).isEqualTo(5);
    assertThat(values).containsExactly(9, 1, 5, 1_000);
  }

  @Test
  void anEmptySampleHasNoPercentile() {
    Percentiles p = new Percentiles(new long[] {1, 2}, 0);
    assertThat(p.isEmpty()).isTrue();
    assertThatThrownBy(() -> p.percentile(50)).isInstanceOf(IllegalStateException.class);
    assertThat(new Percentiles(new long[] {1}, 1).isEmpty()).isFalse();
  }

  /** Against the definition, for random samples of every size up to 2,000 and the reported percentiles. */
  @Test
  void agreesWithTheDefinitionOnRandomSamples() {
    SplittableRandom random = new SplittableRandom(7);
    double[] ps = {0, 0.1, 1, 12.5, 33.3, 50, 66.7, 90, 99, 99.9, 100};
    for (int n = 1; n <= 2_000; n += 1 + n / 50) {
      long[] values = new long[n];
      for (int i = 0; i < n; i++) {
        values[i] = random.nextInt(n);
      }
      Percentiles p = new Percentiles(values, n);
      for (double q : ps) {
        assertThat(p.percentile(q)).as("n %d, p%s", n, q).isEqualTo(byDefinition(values, q));
      }
    }
  }

  @Test
  void countsValuesAtOrAboveAThresholdAsAScanWould() {
    SplittableRandom random = new SplittableRandom(5);
    for (int n = 0; n < 50; n++) {
      long[] values = random.longs(n, 0, 20).toArray();
      Percentiles p = new Percentiles(values, n);
      assertThat(p.size()).isEqualTo(n);
      for (long v = -1; v <= 21; v++) {
        long at = v;
        assertThat(p.countAtLeast(v)).as("n=%d v=%d", n, v).isEqualTo((int) Arrays.stream(values).filter(x -> x >= at).count());
      }
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "max {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {0, 1, 4_095, 4_096, 65_535, 65_536, 3_600_000,
      (1L << 24) - 1, 1L << 24, (1L << 32) - 1, 1L << 32, (1L << 36) - 1, 1L << 36, (1L << 48) - 1,
      1L << 48})
  void theRadixSortAgreesWithAComparisonSortUpToItsEdgeAndPastIt(long max) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(max);
    long[] values = new long[5_000]; // above the size where the radix sort takes over
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 7 == 0 ? max : r.nextLong(max + 1);
    }
    long[] expected = values.clone();
    java.util.Arrays.sort(expected);
    assertThat(Percentiles.sort(values.clone())).isEqualTo(expected);
    values[3] = -1; // a negative value: compared instead
    expected = values.clone();
    java.util.Arrays.sort(expected);
    assertThat(Percentiles.sort(values.clone())).isEqualTo(expected);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} values")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 4_095, 4_096, 5_000})
  void takingAPrefixSortsOnlyItAndIgnoresTheRest(int count) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(count);
    long[] values = new long[count + 1_000];
    for (int i = 0; i < values.length; i++) {
      values[i] = i < count ? r.nextLong(3_600_000) : Long.MAX_VALUE; // past the prefix: would be every maximum
    }
    long[] expected = java.util.Arrays.copyOf(values, count);
    java.util.Arrays.sort(expected);
    Percentiles p = Percentiles.taking(values, count);
    assertThat(p.size()).isEqualTo(count);
    for (int rank = 1; rank <= count; rank++) {
      assertThat(p.sorted(rank)).as("rank %d", rank).isEqualTo(expected[rank - 1]);
    }
    if (count > 0) {
      assertThat(p.max()).isEqualTo(expected[count - 1]);
      long top = expected[count - 1];
      assertThat(p.countAtLeast(top)).isEqualTo((int) java.util.Arrays.stream(expected).filter(v -> v >= top).count());
      assertThat(p.countAtLeast(Long.MAX_VALUE)).as("the values past the prefix are not counted").isZero();
    } else {
      assertThat(p.isEmpty()).isTrue();
    }
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "max {0}")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 4_095, 4_096, 3_600_000, (1 << 24) - 1, 1 << 24,
      Integer.MAX_VALUE})
  void theIntRadixSortAgreesWithAComparisonSortAtItsDigitEdges(int max) {
    // 12 bits take one pass, 13 two, 24 two and 25 three: each edge once.
    java.util.SplittableRandom r = new java.util.SplittableRandom(max);
    int[] values = new int[5_000]; // above the size where the radix sort takes over
    for (int i = 0; i < values.length; i++) {
      values[i] = i % 7 == 0 || max == 0 ? max : r.nextInt(max) + (r.nextBoolean() ? 1 : 0); // 0 and max both drawn
    }
    int[] expected = values.clone();
    java.util.Arrays.sort(expected);
    assertThat(Percentiles.sortInts(values.clone(), values.length, max)).isEqualTo(expected);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0} values")
  @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 4_095, 4_096, 5_000})
  void intsGiveTheSamePercentilesAsLongs(int count) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(count);
    int[] ints = new int[count + 1_000];
    long[] longs = new long[count];
    int max = 0;
    for (int i = 0; i < ints.length; i++) {
      ints[i] = i < count ? r.nextInt(3_600_000) : Integer.MAX_VALUE; // past the prefix: would be every maximum
      if (i < count) {
        longs[i] = ints[i];
        max = Math.max(max, ints[i]);
      }
    }
    Percentiles asInts = Percentiles.takingInts(ints, count, max);
    Percentiles asLongs = new Percentiles(longs, count);
    assertThat(asInts.size()).isEqualTo(count);
    for (int rank = 1; rank <= count; rank++) {
      assertThat(asInts.sorted(rank)).as("rank %d", rank).isEqualTo(asLongs.sorted(rank));
    }
    for (long v : new long[] {0, 1, 1_800_000, 3_599_999, Integer.MAX_VALUE}) {
      assertThat(asInts.countAtLeast(v)).as("at least %d", v).isEqualTo(asLongs.countAtLeast(v));
    }
    if (count > 0) {
      assertThat(asInts.max()).isEqualTo(asLongs.max());
    }
  }
}
