package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures the window cuts short are reported as censored, never as measured: no interval is built
 * on stand-in values, and a client without a fresh answer in the window is counted as such in
 * firstFresh instead of being left out.
 */
class CensoringTest {
  private static final long WINDOW = 60_000;
  private static final long BUCKET = 10_000;
  private static final int BUCKETS = 6;

  /** One event with window [0, 60 s), 10 s buckets, and the uses of one replication. */
  private static final class Run {
    final Tally tally = new Tally(new int[] {BUCKETS}, 1);
    final ClientRecord record;

    Run(int clients) {
      record = new ClientRecord(clients, 1);
    }

    Run use(int client, long offsetMs, boolean stale) {
      tally.use(0, offsetMs, (int) (offsetMs / BUCKET), 0, stale, false);
      record.use(client, 0, offsetMs, stale);
      return this;
    }
  }

  private static EventReport report(Run... runs) {
    TransitionStats stats = new TransitionStats(0, SwitchDirection.ENABLE, 0, WINDOW, BUCKET, BUCKETS, List.of("q"));
    for (Run r : runs) {
      stats.add(r.tally, r.record);
    }
    return stats.report(List.of());
  }

  @Test
  void aClientWhoseFirstFreshUseIsTheWindowsLastMillisecondIsMeasured() {
    // Client 1's first fresh use at 59.999 s, the last instant inside [0, 60 s).
    EventReport e = report(new Run(2).use(0, 1_000, false).use(1, 0, true).use(1, WINDOW - 1, false));

    assertThat(e.metric("clientsNeverFresh").estimate().mean()).isZero();
    Estimate max = e.metric("firstFresh.max").estimate();
    assertThat(max.mean()).isEqualTo(WINDOW - 1);
    assertThat(max.censored()).isZero();
  }

  @Test
  void aClientWhoseFirstFreshUseFallsAtTheWindowsEndIsCensoredNotZero() {
    // Client 1's fresh use at 60 s belongs to the next window: inside this one it only had a stale use.
    EventReport e = report(new Run(2).use(0, 1_000, false).use(1, 0, true));

    assertThat(e.metric("clientsNeverFresh").estimate().mean()).isEqualTo(1);
    Estimate max = e.metric("firstFresh.max").estimate();
    assertThat(max.censored()).isEqualTo(1);
    assertThat(max.mean()).as("the window's length stands in for a later time").isEqualTo(WINDOW);
    // p50 of two clients is rank 1: the fresh one, measured; p99 is rank 2: the one without.
    assertThat(e.metric("firstFresh.p50").estimate().mean()).isEqualTo(1_000);
    assertThat(e.metric("firstFresh.p50").estimate().censored()).isZero();
    assertThat(e.metric("firstFresh.p99").estimate().censored()).isEqualTo(1);
  }

  @Test
  void noClientWithAFreshAnswerIsCensoredEverywhereNotZero() {
    EventReport e = report(new Run(2).use(0, 0, true).use(1, 5_000, true));

    for (String m : List.of("firstFresh.p50", "firstFresh.p99", "firstFresh.max")) {
      assertThat(e.metric(m).estimate().mean()).as(m).isEqualTo(WINDOW);
      assertThat(e.metric(m).estimate().censored()).as(m).isEqualTo(1);
    }
    assertThat(e.metric("clientsNeverFresh").estimate().mean()).isEqualTo(2);
  }

  @Test
  void aWindowWithoutAnyUseHasNoFreshAnswerEitherAndIsCensoredNotZero() {
    // Nobody asked in the window: nobody got a fresh answer in it, which is not "fresh at once".
    EventReport e = report(new Run(2));

    assertThat(e.metric("clientsObserved").estimate().mean()).isZero();
    assertThat(e.metric("clientsNeverFresh").estimate().mean()).isZero();
    for (String m : List.of("firstFresh.p50", "firstFresh.p99", "firstFresh.max")) {
      assertThat(e.metric(m).estimate().mean()).as(m).isEqualTo(WINDOW);
      assertThat(e.metric(m).estimate().censored()).as(m).isEqualTo(1);
    }
    // One use, fresh at the window's first millisecond: measured, 0 ms, not censored.
    EventReport one = report(new Run(2).use(1, 0, false));
    for (String m : List.of("firstFresh.p50", "firstFresh.p99", "firstFresh.max")) {
      assertThat(one.metric(m).estimate().mean()).as(m).isZero();
      assertThat(one.metric(m).estimate().censored()).as(m).isZero();
    }
  }

  @Test
  void aStaleUseInTheLastBucketCensorsTheLastStaleFigureAndTheBucketBeforeDoesNot() {
    long lastBucket = WINDOW - BUCKET;
    // The last bucket starts at 50 s: a stale use at 49.999 s is closed, one at 50 s may go on.
    EventReport closed = report(new Run(1).use(0, lastBucket - 1, true), new Run(1).use(0, lastBucket - 5, true));
    EventReport open = report(new Run(1).use(0, lastBucket, true), new Run(1).use(0, lastBucket - 5, true));

    assertThat(closed.metric("lastStale.max").estimate().censored()).isZero();
    assertThat(closed.metric("lastStale.max").estimate().ciLow()).isNotNull();
    assertThat(open.metric("lastStale.max").estimate().censored()).isEqualTo(1);
  }

  @Test
  void aCensoredMetricNeverGetsAnInterval() {
    // Three runs that vary; in the second the stale share never falls to zero in the window.
    EventReport e = report(new Run(1).use(0, 20_000, true).use(0, 30_000, false),
        new Run(1).use(0, WINDOW - 1, true),
        new Run(1).use(0, 40_000, true).use(0, 45_000, false));

    for (Metric m : e.metrics()) {
      if (m.estimate().censored() > 0) {
        assertThat(m.estimate().ciLow()).as(m.name()).isNull();
        assertThat(m.estimate().ciHigh()).as(m.name()).isNull();
      }
    }
    assertThat(e.metric("staleShareZero").estimate().censored()).isEqualTo(1);
    assertThat(e.metric("lastStale.max").estimate().censored()).isEqualTo(1);
    assertThat(e.metric("uses").estimate().ciLow()).as("uncensored metrics keep theirs").isNotNull();
  }

  @Test
  void anIntervalNeverReachesPastWhatTheMetricCanTake() {
    // Last stale 0 s, 0 s and 49 s: the t-interval of the mean reaches below 0 s; a time cannot.
    EventReport e = report(new Run(1).use(0, 0, true).use(0, 1_000, false),
        new Run(1).use(0, 0, true).use(0, 1_000, false),
        new Run(1).use(0, 49_000, true).use(0, 49_500, false));

    Estimate last = e.metric("lastStale.max").estimate();
    assertThat(last.censored()).isZero();
    assertThat(last.ciLow()).isEqualTo(0);
    assertThat(last.ciHigh()).isLessThanOrEqualTo(WINDOW);
    Estimate raw = Estimates.of(new double[] {0, 0, 49_000}, 0);
    assertThat(raw.ciLow()).as("unbounded, the interval would start before the switch").isNegative();
    assertThat(raw.ciHigh()).as("and end past the window").isGreaterThan(WINDOW);
    assertThat(last.ciHigh()).isEqualTo(WINDOW);
  }
}
