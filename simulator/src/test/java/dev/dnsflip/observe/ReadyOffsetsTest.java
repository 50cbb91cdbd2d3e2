package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A record's int cells, made ready and counted by the partitions, give the figures a record of
 * longs gathered by the observation gives: at the window's edges (a use at 0, at W − 1 ms, none
 * at W), for clients never observed, for a population large enough for the radix sort, and for
 * windows of more buckets than bins, sorted instead.
 */
class ReadyOffsetsTest {
  private static final long WINDOW = 1_000;
  private static final long BUCKET = 100;

  /** Counted in bins of 1 ms (1,000 ms in buckets of 100), and sorted (5,000 buckets of 1 ms: more than MAX_BINS). */
  @ParameterizedTest(name = "window {0} ms, buckets of {1} ms")
  @CsvSource({"1000, 100", "5000, 1"})
  void edgesOfTheWindowAndOfObservationGiveTheirFigures(long window, long bucket) {
    ClientRecord record = new ClientRecord(5, new long[] {window}, bucket);
    record.use(0, 0, 0, true); // stale at the first instant, never fresh
    record.use(1, 0, 0, false); // fresh at the first instant, never stale
    // client 2: not observed
    record.use(3, 0, window - 1, true); // stale at the last instant inside the window
    record.use(3, 0, 5, false);
    record.use(4, 0, window - 2, true);
    record.use(4, 0, window - 1, false); // fresh at the last instant
    record.ready(0, 5);

    ReadyOffsets.Sample stale = record.readyOffsets().lastStale(0);
    ReadyOffsets.Sample fresh = record.readyOffsets().firstFresh(0);

    assertThat(stale.percentiles().size()).as("observed clients").isEqualTo(4);
    assertThat(values(stale.percentiles())).containsExactly(0L, 0L, window - 2, window - 1);
    assertThat(stale.counted()).as("clients with a stale use, the one at 0 included").isEqualTo(3);
    assertThat(stale.percentiles().countAtLeast(0)).isEqualTo(4);
    assertThat(stale.percentiles().countAtLeast(1)).as("the stale use at 0 is below 1 ms").isEqualTo(2);
    assertThat(stale.percentiles().countAtLeast(window - 2)).isEqualTo(2);
    assertThat(stale.percentiles().countAtLeast(window - 1)).isEqualTo(1);
    assertThat(stale.percentiles().countAtLeast(window)).isZero();
    assertThat(values(fresh.percentiles())).containsExactly(0L, 5L, window - 1);
    assertThat(fresh.counted()).as("observed, never fresh").isEqualTo(1);
    assertThat(fresh.percentiles().countAtLeast(5)).isEqualTo(2);
    assertThat(fresh.percentiles().countAtLeast(6)).isEqualTo(1);
    assertThat(fresh.percentiles().countAtLeast(window - 1)).isEqualTo(1);
    assertThat(fresh.percentiles().countAtLeast(window)).isZero();
  }

  @Test
  void aUseAtTheWindowsEndIsABugNotAValue() {
    ClientRecord record = new ClientRecord(1, new long[] {WINDOW}, BUCKET);
    record.use(0, 0, WINDOW, true);

    assertThatThrownBy(() -> record.ready(0, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("past the window of 1000 ms");
  }

  @Test
  void aWindowOfTwoToTheThirtyOneMillisecondsIsNotKeptAsInts() {
    assertThat(ClientRecord.fitsInts(Integer.MAX_VALUE - 2L)).isTrue();
    assertThat(ClientRecord.fitsInts(Integer.MAX_VALUE - 1L)).isFalse();
    assertThat(new ClientRecord(3, new long[] {WINDOW, Integer.MAX_VALUE - 1L}, BUCKET).readyOffsets()).isNull();
    assertThat(new ClientRecord(3, new long[] {WINDOW, Integer.MAX_VALUE - 2L}, BUCKET).readyOffsets()).isNotNull();
  }

  @Test
  void intCellsKeepTheLatestStaleAndEarliestFreshUseInAnyOrderUntilMadeReady() {
    ClientRecord ints = new ClientRecord(2, new long[] {WINDOW, WINDOW}, BUCKET);
    ClientRecord longs = new ClientRecord(2, 2);
    for (ClientRecord r : List.of(ints, longs)) {
      r.use(1, 1, 700, true);
      r.use(1, 1, 300, true);
      r.use(1, 1, 900, false);
      r.use(1, 1, 0, false);
      r.use(0, 0, 0, true);
    }
    for (int c = 0; c < 2; c++) {
      for (int e = 0; e < 2; e++) {
        assertThat(ints.lastStale(c, e)).isEqualTo(longs.lastStale(c, e));
        assertThat(ints.firstFresh(c, e)).isEqualTo(longs.firstFresh(c, e));
      }
    }
    assertThat(ints.lastStale(1, 1)).isEqualTo(700);
    assertThat(ints.firstFresh(1, 1)).isZero();
    assertThat(ints.firstFresh(0, 0)).isEqualTo(-1);
    assertThat(ints.lastStale(0, 0)).isZero();

    ints.ready(0, 1);
    assertThatThrownBy(() -> ints.lastStale(1, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessage("cells already made ready");
    assertThatThrownBy(() -> ints.readyOffsets().lastStale(0)).as("client 1 not made ready yet")
        .isInstanceOf(IllegalStateException.class).hasMessage("1 of 2 clients' cells made ready");
    assertThatThrownBy(() -> ints.firstFreshCells(0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyFigureMatchesTheGatheredRecordsOnTwoEventsAndARadixSizedPopulation() throws Exception {
    everyFigureMatchesTheGatheredRecords(5_000, 300_000, 3_600_000);
  }

  /** 1 ms buckets: more than MAX_BINS of them in each window, whose offsets are sorted instead of counted. */
  @Test
  void aWindowOfMoreBucketsThanBinsIsSortedToTheSameFigures() throws Exception {
    everyFigureMatchesTheGatheredRecords(1, 5_000, 9_000);
  }

  /**
   * 20,000 clients over two events, some unobserved, some with a use at W − 1: a record of int
   * cells made ready by two workers, each counting into its own bins, read on one thread or with
   * a helper, gives every figure and the last stale curve of a record of longs gathered and sorted.
   */
  private static void everyFigureMatchesTheGatheredRecords(long bucketMs, long... windows) throws Exception {
    int clients = 20_000; // past the 4,096 values below which the sort is by comparison
    int[] buckets = {(int) (windows[0] / bucketMs), (int) (windows[1] / bucketMs)};
    Tally tally = new Tally(buckets, 1);
    ClientRecord gathered = new ClientRecord(clients, 2); // longs, gathered by the observation
    List<long[]> uses = new java.util.ArrayList<>(); // client, event, offset, stale
    SplittableRandom random = new SplittableRandom(7);
    for (int c = 0; c < clients; c++) {
      for (int e = 0; e < 2; e++) {
        int n = random.nextInt(4); // some clients unobserved in an event
        for (int u = 0; u < n; u++) {
          long offset = random.nextInt(10) == 0 ? windows[e] - 1 : random.nextLong(windows[e]);
          boolean stale = random.nextBoolean();
          tally.use(e, offset, (int) (offset / bucketMs), 0, stale, false);
          gathered.use(c, e, offset, stale);
          uses.add(new long[] {c, e, offset, stale ? 1 : 0});
        }
      }
    }
    java.util.concurrent.ExecutorService helper = java.util.concurrent.Executors.newSingleThreadExecutor();
    try {
      for (java.util.concurrent.Executor reader : java.util.Arrays.asList(null, helper)) {
        ClientRecord ready = new ClientRecord(clients, windows, bucketMs);
        for (long[] u : uses) {
          ready.use((int) u[0], (int) u[1], u[2], u[3] == 1);
        }
        // Partitions end in any order, on two workers.
        Thread worker = new Thread(() -> ready.ready(clients / 3, clients));
        worker.start();
        ready.ready(0, clients / 3);
        worker.join();
        for (int e = 0; e < 2; e++) {
          TransitionStats one = new TransitionStats(e, SwitchDirection.ENABLE, 0, windows[e], bucketMs, buckets[e],
              List.of("q"));
          TransitionStats other = new TransitionStats(e, SwitchDirection.ENABLE, 0, windows[e], bucketMs, buckets[e],
              List.of("q"));
          one.add(tally, gathered, reader);
          other.add(tally, ready, reader);
          EventReport a = one.report(List.of());
          EventReport b = other.report(List.of());
          assertThat(b.metrics()).isEqualTo(a.metrics());
          assertThat(b.lastStaleCurve().staleAtOrAfter()).isEqualTo(a.lastStaleCurve().staleAtOrAfter());
          assertThat(a.metric("clientsObserved").estimate().mean()).isGreaterThan(10_000).isLessThan(clients);
        }
      }
    } finally {
      helper.shutdownNow();
    }
  }

  private static List<Long> values(Percentiles p) {
    List<Long> values = new java.util.ArrayList<>();
    for (int rank = 1; rank <= p.size(); rank++) {
      values.add(p.sorted(rank));
    }
    return values;
  }
}
