package dev.dnsflip.simulation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.TailCause;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.TtlClamps;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * Readiness figures against cases computed by hand. Counts of Poisson uses are checked with a
 * normal tolerance of z·√count, z for a family-wise α of 0.001 split over the checks (Bonferroni);
 * everything the model fixes exactly (no origin load before the last nameserver switches, full
 * load once every old entry expired) is checked exactly.
 */
class ReadinessTest {
  private static final double ALPHA = 0.001;
  private static final long BUCKET = 5_000;

  private static double z(int checks) {
    return new NormalDistribution().inverseCumulativeProbability(1 - ALPHA / (2.0 * checks));
  }

  /** One proxied A name (192.0.2.10), 1,000 clients at 1 query/s, enable at 10 s, 60 s window. */
  private static Scenario.Builder oneOrigin(ResolverBehaviour resolver, long propagationMs, long ttl) {
    Scenario s = TestScenarios.singleName(ttl, 10, 1000, 1.0, 70_000, TestScenarios.schedule(10_000),
        new Propagation.Fixed(propagationMs), InitialCache.STEADY, 7, 1, BUCKET);
    return s.toBuilder().nameservers(1).resolverGroups(List.of(s.resolverGroups().get(0)
        .withBehaviour(resolver, s.resolverGroups().get(0).origin())));
  }

  private static final ResolverBehaviour NO_CACHE =
      ResolverBehaviour.TTL_HONOURING.withClamps(new TtlClamps(0, 0, 0, 0));

  private static OriginLoad load(RunResult result, int event) {
    SwitchReadiness r = result.readiness().switches().get(event);
    assertEquals(1, r.originLoad().size(), "one origin address");
    return r.originLoad().get(0);
  }

  @Test
  void withoutCachesTheOriginTakesTheClientsWholeRateFromTheSwitch() {
    RunResult result = new Simulation(oneOrigin(NO_CACHE, 0, 300).build(), 2).run();
    OriginLoad load = load(result, 0);
    assertEquals("192.0.2.10", load.address());
    double[] rps = load.requestsPerSecond();
    assertEquals(12, rps.length);
    double rate = 1000; // clients × queries per second
    double perBucket = z(rps.length) * Math.sqrt(rate * 5) / 5;
    double total = 0;
    for (int b = 0; b < rps.length; b++) {
      assertEquals(rate, rps[b], perBucket, "bucket " + b);
      total += rps[b] * 5;
    }
    assertEquals(rate, total / 60, z(1) * Math.sqrt(rate * 60) / 60, "over the window");
    // Every use is a request to the origin: the load is the uses' own count.
    long[] uses = result.events().get(0).series().uses();
    for (int b = 0; b < rps.length; b++) {
      assertEquals(uses[b], rps[b] * 5, 1e-9, "bucket " + b);
    }
  }

  @Test
  void aStatedCapacityIsFirstExceededInTheBucketWhereTheLoadPassesIt() {
    // The nameserver switches 12 s after the enable: buckets [0, 5) and [5, 10) see no origin at
    // all, [10, 15) sees it for 3 s of 5 (0.6 of the rate), later buckets the whole rate.
    for (double[] c : new double[][] {{500, 10_000}, {700, 15_000}, {1100, -1}}) {
      Scenario s = oneOrigin(NO_CACHE, 12_000, 300).origins(List.of(new OriginServer("192.0.2.10", c[0], true))).build();
      OriginLoad load = load(new Simulation(s, 2).run(), 0);
      double[] rps = load.requestsPerSecond();
      assertEquals(0.0, rps[0]);
      assertEquals(0.0, rps[1]);
      assertEquals(600, rps[2], z(6) * Math.sqrt(3000) / 5);
      assertEquals(1000, rps[3], z(6) * Math.sqrt(5000) / 5);
      assertEquals(c[0], load.capacityPerSecond().doubleValue());
      assertEquals((long) c[1], load.firstExceededMs(), "capacity " + c[0]);
    }
  }

  @Test
  void behindResolversWithTtlTTheLoadRampsAtOneOverTPerResolverAndIsWholeAfterT() {
    // 200 resolvers with 100 clients at 1/s each, Auto TTL 60 s, stationary caches: a resolver
    // turns to the origin when its anycast entry expires, uniformly within [0, T) (it is full
    // with probability H = λT/(1 + λT), λ = 100/s), so the share of the load at offset x is
    // (1 − H) + H·x/T: a ramp of 1/T per second, whole from T on.
    Scenario s = TestScenarios.singleName(60, 200, 20_000, 1.0, 250_000, TestScenarios.schedule(130_000),
        new Propagation.Fixed(0), InitialCache.STEADY, 11, 3, BUCKET);
    RunResult result = new Simulation(s, 2).run();
    double[] rps = load(result, 0).requestsPerSecond();
    long[] uses = result.events().get(0).series().uses();
    double lambdaT = 100 * 60;
    double h = lambdaT / (1 + lambdaT);
    int ramp = 12; // buckets before T
    // A bucket's share averages 200 resolvers × 3 runs of a value in [0, 1]: sd ≤ 0.5/√600.
    double tolerance = z(ramp) * (0.5 / Math.sqrt(600) + 1 / Math.sqrt(20_000 * 5.0 * 3));
    for (int b = 0; b < rps.length; b++) {
      double share = rps[b] * 5 * 3 / uses[b];
      if (b < ramp) {
        double expected = (1 - h) + h * (b + 0.5) * 5 / 60;
        assertEquals(expected, share, tolerance, "bucket " + b);
        assertTrue(share <= (1 - h) + h * (b + 1) * 5 / 60 + tolerance, "bucket " + b + " above the ramp");
      } else {
        assertEquals(1.0, share, 1e-12, "bucket " + b + ": every old entry expired before T");
      }
    }
  }

  @Test
  void afterADisableResolversLetGoWithinTtlPlusPropagationAndClientsWhenTheirLastStaleUseSays() {
    // Enabled at 10 s, disabled at 250 s; TTL 60 s, the switch reaches the nameserver after 3 s.
    Scenario s = TestScenarios.singleName(60, 50, 2000, 0.5, 400_000, TestScenarios.schedule(10_000, 250_000),
        new Propagation.Fixed(3_000), InitialCache.STEADY, 5, 1, BUCKET);
    RunResult result = new Simulation(s, 2).run();
    SwitchReadiness disable = result.readiness().switches().get(1);
    EventReport event = result.events().get(1);
    assertTrue(disable.resolvers().lastLetGoMs() >= 0, "some resolver held the origin address");
    assertTrue(disable.resolvers().lastLetGoMs() < 63_000, "a resolver keeps it at most T + d");
    long latestStale = event.blame().stream().mapToLong(Blame::lastStaleMaxMs).max().orElseThrow();
    // An A question only: after the disable a stale use is exactly a use of the origin address.
    assertEquals(latestStale, disable.clients().lastLetGoMs());
    assertEquals(Math.round(event.metric("clientsWithStaleUse").estimate().mean()), disable.clients().held());
    long[] still = disable.clients().stillHolding();
    for (int b = 1; b < still.length; b++) {
      assertTrue(still[b] <= still[b - 1], "holders only fall");
    }
    assertEquals(0, still[(int) (63_000 / BUCKET) + 1], "nobody holds it a bucket past T + d");
    assertEquals(1, disable.exposed().size());
    assertEquals(List.of("192.0.2.10"), disable.exposed().get(0).addresses());
    assertEquals(latestStale, disable.exposed().get(0).lastUseMs());
  }

  /**
   * An A-only proxied name asked for AAAA: while DNS-only is enforced it answers NODATA, cached for
   * min(SOA TTL, MINIMUM) = 600 s; after the disable that is the tail's cause, bounded by 600 s plus
   * the 2 s propagation. A window of exactly that sees it end; 1 ms less does not.
   */
  @Test
  void theNodataOfAnAOnlyNameIsNamedAsACauseAndTheWindowJudgedAtItsBound() {
    for (long windowMs : new long[] {602_000, 601_999}) {
      SwitchReadiness disable = nodataRun(windowMs).readiness().switches().get(1);
      TailCause nodata = disable.tailCauses().stream().filter(c -> c.cause().startsWith("The NODATA")).findFirst()
          .orElseThrow();
      assertEquals(List.of("www.example.com. AAAA"), nodata.records());
      assertEquals(602_000, nodata.heldMs());
      assertEquals(windowMs == 602_000, nodata.seenToEnd(), "window " + windowMs);
      assertTrue(nodata.cause().contains("min(SOA TTL 3600 s, MINIMUM 600 s) = 10m 0s"), nodata.cause());
      assertTrue(nodata.lastStaleMs() > 0 && nodata.lastStaleMs() < 602_000, "stale uses end within the bound");
    }
  }

  private static RunResult nodataRun(long disableWindowMs) {
    dev.dnsflip.authority.Zone zone = new dev.dnsflip.authority.Zone(TestScenarios.name("example.com"),
        new dev.dnsflip.authority.Soa(3600, 600), List.of(TestScenarios.a("www.example.com", "192.0.2.10", 1, true)));
    Scenario s = TestScenarios.singleName(60, 5, 200, 0.2, 700_000 + disableWindowMs,
        TestScenarios.schedule(10_000, 700_000), new Propagation.Fixed(2_000), InitialCache.STEADY, 3, 1, BUCKET);
    s = s.toBuilder().account(TestScenarios.account(60, List.of(zone), List.of()))
        .clientGroups(List.of(new dev.dnsflip.client.ClientGroup("c", 200, 0.2, java.util.Map.of(), List.of(
            new dev.dnsflip.client.WeightedQuestion(TestScenarios.question("www.example.com", org.xbill.DNS.Type.AAAA),
                1))))).build();
    return new Simulation(s, 2).run();
  }
}
