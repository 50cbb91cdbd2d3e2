package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs' spread per bucket and the clients' last-stale curve that the HTML report draws. */
class ChartDataTest {
  private static final long BUCKET = 10_000;

  private static void use(Tally t, ClientRecord r, int client, long offsetMs, boolean stale) {
    t.use(0, offsetMs, (int) (offsetMs / BUCKET), 0, stale, false);
    r.use(client, 0, offsetMs, stale);
  }

  @Test
  void theBandSpansTheRunsSharesAndTheCurveCountsClientsStaleAtOrAfterEachBucket() {
    TransitionStats stats = new TransitionStats(0, SwitchDirection.ENABLE, 0, 30_000, BUCKET, 3, List.of("q"));
    // Run 1: bucket 0 half stale (client 0 stale at 0 s, client 1 fresh at 1 s); no use after.
    Tally t1 = new Tally(new int[] {3}, 1);
    ClientRecord r1 = new ClientRecord(2, 1);
    use(t1, r1, 0, 0, true);
    use(t1, r1, 1, 1_000, false);
    stats.add(t1, r1);
    // Run 2: bucket 0 all fresh; bucket 1: client 0 stale at 10 s (the bucket's first instant).
    Tally t2 = new Tally(new int[] {3}, 1);
    ClientRecord r2 = new ClientRecord(2, 1);
    use(t2, r2, 1, 0, false);
    use(t2, r2, 0, BUCKET, true);
    stats.add(t2, r2);

    EventReport e = stats.report(List.of());
    assertThat(e.band().low()).containsExactly(0, 1, 0);
    assertThat(e.band().high()).as("bucket 1 had uses in run 2 only; bucket 2 in none").containsExactly(0.5, 1, 0);
    LastStaleCurve curve = e.lastStaleCurve();
    assertThat(curve.clients()).isEqualTo(4);
    // At 0: clients with any stale use (one per run); at 10 s: run 2's client 0 (stale at exactly 10 s); at 20 s: none.
    assertThat(curve.staleAtOrAfter()).containsExactly(2, 1, 0);
    assertThat(curve.stillStale(1)).isEqualTo(0.25);
  }
}
