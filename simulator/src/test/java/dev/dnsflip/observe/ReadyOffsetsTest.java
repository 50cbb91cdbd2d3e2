package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A record's int cells, made ready to sort by the partitions, give the figures a record of longs
 * gathered by the observation gives:
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
    assertThat(ClientRecord.fitsInts(Integer.MAX_VALUE - 2L)).isTrue();
    assertThat(ClientRecord.fitsInts(Integer.MAX_VALUE - 1L)).isFalse();
    assertThat(new ClientRecord(3, new long[] {WINDOW, Integer.MAX_VALUE - 1L}).readyOffsets()).isNull();
    assertThat(new ClientRecord(3, new long[] {WINDOW, Integer.MAX_VALUE - 2L}).readyOffsets()).isNotNull();
  }

  @Test
  void intCellsKeepTheLatestStaleAndEarliestFreshUseInAnyOrderUntilMadeReady() {
    ClientRecord ints = new ClientRecord(2, new long[] {WINDOW, WINDOW});
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
        .hasMessage("cells already made ready to sort");
    assertThatThrownBy(() -> ints.readyOffsets().lastStale(0)).as("client 1 not made ready yet")
        .isInstanceOf(IllegalStateException.class).hasMessage("1 of 2 clients' cells made ready to sort");
    assertThatThrownBy(() -> ints.firstFreshCells(0, 1)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void everyFigureMatchesTheGatheredRecordsOnTwoEventsAndARadixSizedPopulation() {
    int clients = 20_000; // past the 4,096 values below which the sort is by comparison
    long[] windows = {300_000, 3_600_000};
    int[] buckets = {60, 720};
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
          tally.use(e, offset, (int) (offset / 5_000), 0, stale, false);
          gathered.use(c, e, offset, stale);
          uses.add(new long[] {c, e, offset, stale ? 1 : 0});
        }
      }
    }
    for (boolean twoThreads : new boolean[] {false, true}) {
      ClientRecord ready = new ClientRecord(clients, windows);
      for (long[] u : uses) {
        ready.use((int) u[0], (int) u[1], u[2], u[3] == 1);
      }
      ready.ready(clients / 3, clients); // partitions end in any order
      ready.ready(0, clients / 3);
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

  private static List<Long> values(Percentiles p) {
    List<Long> values = new java.util.ArrayList<>();
    for (int rank = 1; rank <= p.size(); rank++) {
      values.add(p.sorted(rank));
    }
    return values;
  }
}
