package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Offsets the partitions make ready to sort give the figures the record's own gathering gives:
 * at the window's edges (a use at 0, at W − 1 ms, none at W), for clients never observed, and
 * for a population large enough for the radix sort.
 */
class ReadyOffsetsTest {
  private static final long WINDOW = 1_000;

  @Test
  void edgesOfTheWindowAndOfObservationAreSortedToTheirFigures() {
    ClientRecord record = new ClientRecord(5, new long[] {WINDOW});
    record.use(0, 0, 0, true); // stale at the first instant, never fresh
    record.use(1, 0, 0, false); // fresh at the first instant, never stale
    // client 2: not observed
    record.use(3, 0, WINDOW - 1, true); // stale at the last instant inside the window
    record.use(3, 0, 5, false);
    record.use(4, 0, WINDOW - 2, true);
    record.use(4, 0, WINDOW - 1, false); // fresh at the last instant
    record.ready(0, 5);

    ReadyOffsets.Sorted stale = record.readyOffsets().lastStale(0);
    ReadyOffsets.Sorted fresh = record.readyOffsets().firstFresh(0);

    assertThat(stale.percentiles().size()).as("observed clients").isEqualTo(4);
    assertThat(values(stale.percentiles())).containsExactly(0L, 0L, WINDOW - 2, WINDOW - 1);
    assertThat(stale.counted()).as("clients with a stale use, the one at 0 included").isEqualTo(3);
    assertThat(values(fresh.percentiles())).containsExactly(0L, 5L, WINDOW - 1);
    assertThat(fresh.counted()).as("observed, never fresh").isEqualTo(1);
  }

  @Test
  void aUseAtTheWindowsEndIsABugNotAValue() {
    ClientRecord record = new ClientRecord(1, new long[] {WINDOW});
    record.use(0, 0, WINDOW, true);

    assertThatThrownBy(() -> record.ready(0, 1)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("past the window of 1000 ms");
  }

  @Test
  void aWindowOfTwoToTheThirtyOneMillisecondsIsNotKeptAsInts() {
    assertThat(ReadyOffsets.fits(Integer.MAX_VALUE - 2L)).isTrue();
    assertThat(ReadyOffsets.fits(Integer.MAX_VALUE - 1L)).isFalse();
    assertThat(new ClientRecord(3, new long[] {WINDOW, Integer.MAX_VALUE - 1L}).readyOffsets()).isNull();
    assertThat(new ClientRecord(3, new long[] {WINDOW, Integer.MAX_VALUE - 2L}).readyOffsets()).isNotNull();
  }

  @Test
  void everyFigureMatchesTheGatheredRecordsOnTwoEventsAndARadixSizedPopulation() {
    int clients = 20_000; // past the 4,096 values below which the sort is by comparison
    long[] windows = {300_000, 3_600_000};
    int[] buckets = {60, 720};
    Tally tally = new Tally(buckets, 1);
    ClientRecord gathered = new ClientRecord(clients, 2);
    ClientRecord recorded = new ClientRecord(clients, windows);
    SplittableRandom random = new SplittableRandom(7);
    for (int c = 0; c < clients; c++) {
      for (int e = 0; e < 2; e++) {
        int uses = random.nextInt(4); // some clients unobserved in an event
        for (int u = 0; u < uses; u++) {
          long offset = random.nextInt(10) == 0 ? windows[e] - 1 : random.nextLong(windows[e]);
          boolean stale = random.nextBoolean();
          tally.use(e, offset, (int) (offset / 5_000), 0, stale, false);
          gathered.use(c, e, offset, stale);
          recorded.use(c, e, offset, stale);
        }
      }
    }
    for (boolean twoThreads : new boolean[] {false, true}) {
      ClientRecord ready = copyOf(recorded, clients, windows); // each event's ready cells are sorted once
      for (int e = 0; e < 2; e++) {
        TransitionStats one = new TransitionStats(e, SwitchDirection.ENABLE, 0, windows[e], 5_000, buckets[e], List.of("q"));
        TransitionStats other = new TransitionStats(e, SwitchDirection.ENABLE, 0, windows[e], 5_000, buckets[e], List.of("q"));
        one.add(tally, gathered, twoThreads);
        other.add(tally, ready, twoThreads);
        EventReport a = one.report(List.of());
        EventReport b = other.report(List.of());
        assertThat(b.metrics()).isEqualTo(a.metrics());
        assertThat(b.lastStaleCurve().staleAtOrAfter()).containsExactly(a.lastStaleCurve().staleAtOrAfter());
        assertThat(a.metric("clientsObserved").estimate().mean()).isGreaterThan(10_000).isLessThan(clients);
      }
    }
  }

  /** A fresh record with {@code from}'s uses, made ready in two ranges, the later first (partitions end in any order). */
  private static ClientRecord copyOf(ClientRecord from, int clients, long[] windows) {
    ClientRecord copy = new ClientRecord(clients, windows);
    copy.putCells(0, from.firstFreshCells(0, clients), from.lastStaleCells(0, clients));
    copy.ready(clients / 3, clients);
    copy.ready(0, clients / 3);
    return copy;
  }

  private static List<Long> values(Percentiles p) {
    List<Long> values = new java.util.ArrayList<>();
    for (int rank = 1; rank <= p.size(); rank++) {
      values.add(p.sorted(rank));
    }
    return values;
  }
}
