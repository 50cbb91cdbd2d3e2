package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.AnswerSeries;
import dev.dnsflip.observe.Answering;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.PartialOutageTest;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Answered and failed client queries per bucket of the run and per outage, with exact edges. */
class AnsweringTest {
  private static final long PERIOD = 10_000;

  /** One probe every 10 s behind one cold TTL-honouring resolver, Auto TTL {@code ttlS}, no switch. */
  private static Scenario probe(long ttlS, long durationMs, List<Outage> outages) {
    return Scenario.builder().name("probe").seed(5).replications(1).durationMs(durationMs).bucketMs(PERIOD)
        .initialCache(InitialCache.COLD)
        .account(TestScenarios.account(ttlS, List.of(TestScenarios.zone("example.com",
            TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of()))
        .propagation(Propagation.DEFAULT).schedule(TestScenarios.schedule())
        .resolverGroups(List.of(new ResolverGroup("r", 1)))
        .clientGroups(List.of(new ClientGroup("probes", 1, 1, Map.of(),
            List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1))).withEvery(PERIOD)))
        .outages(outages).build();
  }

  private static long phase(Scenario s) {
    return new Simulation(s, 1).context(0).phaseMs(0, 0);
  }

  @Test
  void aQueryOneMillisecondBeforeTheOutageEndsIsInsideItAndOneAtItsEndIsNot() {
    // A 1 s TTL: every query of the probe, 10 s apart, fetches.
    long p = phase(probe(1, 60_000, List.of()));
    long query = p + 3 * PERIOD;
    Answering ending = new Simulation(probe(1, 60_000, List.of(new Outage(p + 2 * PERIOD + 1, query))), 1).run()
        .answering();
    Answering past = new Simulation(probe(1, 60_000, List.of(new Outage(p + 2 * PERIOD + 1, query + 1))), 1).run()
        .answering();
    OutageAnswers atEnd = ending.outages().get(0);
    assertThat(atEnd.total().answered() + atEnd.total().failed()).as("nothing queried in [p+20001, p+30000)").isZero();
    assertThat(atEnd.total().clients()).isZero();
    assertThat(atEnd.answeredShare().samples()).as("no run had a query there").isZero();
    OutageAnswers beforeEnd = past.outages().get(0);
    assertThat(beforeEnd.total().failed()).as("the query at to - 1 ms").isEqualTo(1);
    assertThat(beforeEnd.total().answered()).isZero();
    assertThat(beforeEnd.total().clients()).isEqualTo(1);
    assertThat(beforeEnd.total().riders()).isZero();
    assertThat(beforeEnd.answeredShare().mean()).isZero();
    int bucket = (int) (query / PERIOD);
    assertThat(ending.total().failed(bucket)).as("answered at to").isZero();
    assertThat(ending.total().answered(bucket)).isEqualTo(1);
    assertThat(past.total().failed(bucket)).isEqualTo(1);
    assertThat(past.total().answered(bucket)).isZero();
    assertThat(past.total().totalFailed()).isEqualTo(1);
  }

  @Test
  void aCacheAnswersThroughACompleteOutageExactlyUntilItsEntryExpires() {
    long ttlMs = 60_000;
    long p = phase(probe(60, 300_000, List.of()));
    // Fetched at p and at p + 60 s (cold at 0, refetched at expiry); the outage starts right after
    // the second fetch, whose entry is fresh before p + 120 s.
    long from = p + ttlMs + 1;
    OutageAnswers shorter = new Simulation(probe(60, 300_000, List.of(new Outage(from, p + 2 * ttlMs))), 1).run()
        .answering().outages().get(0);
    assertThat(shorter.total().answered()).as("p+70 s .. p+110 s, all from cache").isEqualTo(5);
    assertThat(shorter.total().failed()).isZero();
    assertThat(shorter.total().riders()).isEqualTo(1);
    assertThat(shorter.rideThrough().mean()).isEqualTo(1.0);

    Answering longer = new Simulation(probe(60, 300_000, List.of(new Outage(from, p + 2 * ttlMs + 1))), 1).run()
        .answering();
    OutageAnswers o = longer.outages().get(0);
    assertThat(o.total().answered()).as("until the entry expires").isEqualTo(5);
    assertThat(o.total().failed()).as("the query at expiry, p + 120 s").isEqualTo(1);
    assertThat(o.total().riders()).isZero();
    assertThat(o.rideThrough().mean()).isZero();
    assertThat(o.answeredShare().mean()).isEqualTo(5 / 6.0);
    AnswerSeries series = longer.total();
    int expiry = (int) ((p + 2 * ttlMs) / PERIOD);
    assertThat(series.failed(expiry)).isEqualTo(1);
    assertThat(series.totalFailed()).isEqualTo(1);
    long all = 0;
    for (int b = 0; b < series.buckets(); b++) {
      all += series.answered(b) + series.failed(b);
    }
    assertThat(all).as("one query per period over 300 s").isEqualTo(30);
    assertThat(longer.byResolverGroup().get(0)).isEqualTo(new AnswerSeries("r", "ttl-honouring", series.answered(), series.failed()));
    assertThat(longer.byClientGroup().get(0).totalFailed()).isEqualTo(1);
  }

  /**
   * {@code clients} Poisson clients asking one name (Auto TTL 300 s) at one resolver, a loss over
   * the whole day at its one nameserver (with two, a fetch fails only when both lose it).
   */
  private static Scenario lossy(int clients, double qpsEach, double loss, int replications) {
    return TestScenarios.singleName(300, 1, clients, qpsEach, 86_400_000, TestScenarios.schedule(),
        new Propagation.Fixed(0), InitialCache.STEADY, 17, replications, 60_000).toBuilder()
        .nameservers(1).outages(List.of(new Outage(0, 86_400_000, loss, List.of()))).build();
  }

  /**
   * One cache under loss p for a whole day: the outage's answered share matches the closed form of
   * {@link PartialOutageTest} (L·T = 5), event by event and skipping ahead (hits drawn in bulk
   * count as answered), within a 99.9 % interval derived from the runs' spread.
   */
  @Test
  void answeredShareUnderPartialLossMatchesTheClosedFormInEveryMode() {
    double expected = PartialOutageTest.answeredShare(5, 0.5);
    for (Mode mode : new Mode[] {Mode.EVENTS, Mode.SKIP}) {
      Scenario s = lossy(5, 1 / 300.0, 0.5, 30);
      Simulation sim = new Simulation(s, 2, mode);
      assertThat(sim.partitionModes().skippingAhead()).isEqualTo(mode == Mode.SKIP ? 1 : 0);
      Answering a = sim.run().answering();
      Estimate share = a.outages().get(0).answeredShare();
      double se = (share.ciHigh() - share.ciLow()) / 2 / new TDistribution(share.samples() - 1)
          .inverseCumulativeProbability(0.975);
      double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.001 / 2);
      assertThat(Math.abs(share.mean() - expected)).as("%s: %s against %s (se %s)", mode, share.mean(), expected, se)
          .isLessThanOrEqualTo(z * se);
      assertThat(z * se).as("narrow enough to tell p = 0.5 from p = 0.45").isLessThan(0.02);
      long answered = 0;
      for (int b = 0; b < a.total().buckets(); b++) {
        answered += a.total().answered(b);
      }
      assertThat(answered).as("the outage covers the run: its counts are the series'")
          .isEqualTo(a.outages().get(0).total().answered());
    }
  }

  /**
   * Skipping ahead, the clients a bulk hit reaches inside an outage are drawn (each with
   * 1 − exp(−mean per client)): the ride-through and answered shares of a total outage shorter than
   * the TTL agree with event by event (Welch's t-test on the runs' shares, α = 0.001).
   */
  @Test
  void skippingAheadRidesThroughAsEventByEvent() {
    Scenario s = TestScenarios.singleName(300, 4, 200, 1 / 400.0, 3_600_000, TestScenarios.schedule(),
        new Propagation.Fixed(0), InitialCache.STEADY, 23, 30, 60_000).toBuilder()
        .outages(List.of(new Outage(1_800_000, 2_000_000))).build();
    OutageAnswers events = new Simulation(s, 2, Mode.EVENTS).run().answering().outages().get(0);
    Simulation skipping = new Simulation(s, 2, Mode.SKIP);
    assertThat(skipping.partitionModes().skippingAhead()).isEqualTo(4);
    OutageAnswers skip = skipping.run().answering().outages().get(0);
    for (String figure : new String[] {"rideThrough", "answered"}) {
      Estimate a = figure.equals("rideThrough") ? events.rideThrough() : events.answeredShare();
      Estimate b = figure.equals("rideThrough") ? skip.rideThrough() : skip.answeredShare();
      double seA = halfWidth(a) / new TDistribution(a.samples() - 1).inverseCumulativeProbability(0.975);
      double seB = halfWidth(b) / new TDistribution(b.samples() - 1).inverseCumulativeProbability(0.975);
      double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.001 / 2);
      double se = Math.hypot(seA, seB);
      assertThat(Math.abs(a.mean() - b.mean())).as("%s: %s event by event, %s skipping ahead", figure, a.mean(), b.mean())
          .isLessThanOrEqualTo(z * se);
      assertThat(a.mean()).as("%s: neither all nor none", figure).isBetween(0.2, 0.95);
    }
    // Each of the 200 clients, in each of 30 runs, queries inside the 200 s with 1 − exp(−200/400).
    double q = -Math.expm1(-0.5);
    double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.001 / 2);
    double sd = Math.sqrt(6_000 * q * (1 - q));
    for (OutageAnswers o : List.of(events, skip)) {
      assertThat((double) o.total().clients()).isCloseTo(6_000 * q, org.assertj.core.data.Offset.offset(z * sd));
    }
  }

  private static double halfWidth(Estimate e) {
    return (e.ciHigh() - e.ciLow()) / 2;
  }

  @Test
  void withoutOutagesEveryQueryCountsAsAnsweredInEveryMode() {
    for (Mode mode : new Mode[] {Mode.EVENTS, Mode.SKIP}) {
      Scenario s = TestScenarios.singleName(30, 3, 60, 0.2, 600_000, TestScenarios.schedule(120_000),
          new Propagation.Fixed(0), InitialCache.STEADY, 3, 2, 7_000);
      var result = new Simulation(s, 1, mode).run();
      Answering a = result.answering();
      assertThat(a.outages()).isEmpty();
      assertThat(a.total().buckets()).as("ceil(600 s / 7 s)").isEqualTo(86);
      long answered = 0;
      for (int b = 0; b < a.total().buckets(); b++) {
        answered += a.total().answered(b);
        assertThat(a.total().failed(b)).isZero();
      }
      assertThat(answered).as("%s: every query of the run", mode).isEqualTo(result.summary().queries());
    }
  }

  @Test
  void bulkHitsFallInTheBucketAndOutageTheirInstantsLieIn() {
    Scenario s = probe(60, 300_000, List.of(new Outage(20_000, 30_000)));
    RunContext ctx = new Simulation(s, 1).context(0);
    Tally tally = new Tally(ctx.buckets, 1, 1, new int[0], 0, 30, 1);
    AnswerTracker tracker = new AnswerTracker(ctx, ctx.partitions.get(0), tally);
    tracker.hits(0, 29_999, 30_000, 7); // [to - 1 ms, to): inside, bucket 2
    tracker.hits(0, 30_000, 30_001, 5); // [to, to + 1 ms): outside, bucket 3
    assertThat(tally.answers().outageAnswered(0, 0)).isEqualTo(7);
    assertThat(tally.answers().answered(2, 0)).isEqualTo(7);
    assertThat(tally.answers().answered(3, 0)).isEqualTo(5);
    tracker.hits(0, 15_000.5, 44_999.5, 1_000); // across from, to and three bucket boundaries
    long spread = 0;
    for (int b = 0; b < 30; b++) {
      spread += tally.answers().answered(b, 0);
    }
    assertThat(spread).isEqualTo(1_012);
    long inside = tally.answers().outageAnswered(0, 0) - 7;
    assertThat(inside).isEqualTo(tally.answers().answered(2, 0) - 7);
    assertThat(tally.answers().answered(1, 0)).isPositive();
    assertThat(tally.answers().answered(4, 0)).isPositive();
  }

  @Test
  void drawnBulkHitsAreCountedInTheBucketAndOutageTheirPiecesLieIn() {
    Scenario s = probe(60, 300_000, List.of(new Outage(20_000, 30_000)));
    RunContext ctx = new Simulation(s, 1).context(0);
    Tally tally = new Tally(ctx.buckets, 1, 1, new int[0], 0, 30, 1);
    AnswerTracker tracker = new AnswerTracker(ctx, ctx.partitions.get(0), tally);
    // 1,000 hits a ms on [to - 1 ms, to + 1 ms): the first ms inside the outage and bucket 2, the second in neither.
    long n = tracker.drawHits(new java.util.SplittableRandom(3), new dev.dnsflip.engine.PoissonDraw.Reusing(),
        new double[] {1_000}, new int[] {0}, 29_999, 30_001);
    long inside = tally.answers().outageAnswered(0, 0);
    assertThat(inside).isPositive().isEqualTo(tally.answers().answered(2, 0));
    assertThat(tally.answers().answered(3, 0)).isPositive();
    long counted = 0;
    for (int b = 0; b < 30; b++) {
      counted += tally.answers().answered(b, 0);
    }
    assertThat(counted).as("every drawn hit counted once").isEqualTo(n).isEqualTo(inside + tally.answers().answered(3, 0));
  }
}
