package dev.dnsflip.simulation;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.cname;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.CacheClock;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/**
 * Skipping ahead past hits observes what simulating each use observes, in distribution ({@link
 * Mode#SKIP}: wherever exact, here where it would not be chosen for speed): for every
 * policy where it is exact, the same scenario run both ways (fixed seeds, several replications
 * pooled) gives per-bucket stale and fresh counts that a chi-square test of homogeneity does not
 * tell apart, and per-client last-stale and first-fresh offsets that a two-sample
 * Kolmogorov-Smirnov test does not. Each test is at α = 0.001 (about 1 in 1,000 exact pairs
 * would fail by chance; the seeds are fixed, so a pass is reproducible). Scenarios have two
 * clients per resolver and 1 s buckets, so clients' offsets are nearly independent and a bucket's
 * count is nearly multinomial (a resolver's few uses in a bucket share its cache's state), as
 * both tests assume.
 */
class SkipAheadFitTest {
  private static final double ALPHA = 0.001;
  private static final int REPLICATIONS = 3;

  /** What one mode observed, pooled over the replications. */
  private record Observed(long[] stale, long[] fresh, long[] questionStale, double[] lastStale, double[] firstFresh,
      long queries) {}

  /** Clamped like Unbound, on its whole-second clock, handing out the original TTL. */
  private static final ResolverBehaviour UNBOUND_LIKE = ResolverBehaviour.TTL_HONOURING
      .withClamps(new TtlClamps(90, 86_400, 0, 3_600)).withClock(CacheClock.WHOLE_SECOND).withPassOriginalTtl(true);

  static Stream<Arguments> exactPolicies() {
    return Stream.of(
        Arguments.of("TTL-honouring, one name", scenario(ResolverBehaviour.TTL_HONOURING, oneName(), List.of(),
            300_000)),
        Arguments.of("clamped, whole seconds, original TTL passed on, enable then disable",
            scenario(UNBOUND_LIKE, oneName(), List.of(), 240_000, 600_000)),
        Arguments.of("a CNAME chain after the switch, two client groups, an AAAA question",
            scenario(ResolverBehaviour.TTL_HONOURING, FitSamples.twoGroups(), List.of(), 300_000)),
        Arguments.of("an authority outage across the switch",
            scenario(ResolverBehaviour.TTL_HONOURING, oneName(), List.of(new Outage(280_000, 340_000)), 300_000)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactPolicies")
  void skippingAheadObservesWhatEachUseObservesInDistribution(String name, Scenario scenario) {
    Observed events = observe(scenario, Mode.EVENTS);
    Observed skip = observe(scenario, Mode.SKIP);

    long[][] buckets = FitSamples.mergeSparse(concat(events.stale(), events.fresh()), concat(skip.stale(), skip.fresh()));
    double pBuckets = new ChiSquareTest().chiSquareTestDataSetsComparison(buckets[0], buckets[1]);
    assertThat(pBuckets).as("stale and fresh uses per bucket, chi-square p").isGreaterThan(ALPHA);
    long[][] questions = FitSamples.mergeSparse(events.questionStale(), skip.questionStale());
    if (questions[0].length > 1) {
      assertThat(new ChiSquareTest().chiSquareTestDataSetsComparison(questions[0], questions[1]))
          .as("stale uses per question, chi-square p").isGreaterThan(ALPHA);
    }
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    assertThat(events.lastStale().length).as("clients with a stale use").isGreaterThan(200);
    assertThat(ks.kolmogorovSmirnovTest(events.lastStale(), skip.lastStale()))
        .as("per-client last stale use, KS p").isGreaterThan(ALPHA);
    assertThat(ks.kolmogorovSmirnovTest(events.firstFresh(), skip.firstFresh()))
        .as("per-client first fresh use, KS p").isGreaterThan(ALPHA);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exactPolicies")
  void theLatestStaleUseOfAnyQuestionIsSomeClientsLastInBothModes(String name, Scenario scenario) {
    // Skipping ahead draws a question's last stale use apart from the clients' (backwards, with the
    // others' hits in a cut): the latest of all must still be a client's own, as event by event.
    for (Mode mode : new Mode[] {Mode.EVENTS, Mode.SKIP}) {
      Simulation sim = new Simulation(scenario, 1, mode);
      int events = scenario.schedule().events().size();
      int[] buckets = buckets(scenario);
      Tally tally = new Tally(buckets, sim.table().questionCount(), scenario.clientGroups().size());
      ClientRecord record = new ClientRecord(scenario.clientCount(), events);
      sim.run(new PartitionRange(0, 0, sim.partitionCount())).addTo(tally, record);
      for (int e = 0; e < events; e++) {
        long questions = -1;
        for (int q = 0; q < sim.table().questionCount(); q++) {
          questions = Math.max(questions, tally.questionLastStale(e, q));
        }
        long clients = -1;
        for (int c = 0; c < scenario.clientCount(); c++) {
          clients = Math.max(clients, record.lastStale(c, e));
        }
        assertThat(questions).as("%s, switch %d: latest stale use of a question against a client's", mode, e + 1)
            .isPositive().isEqualTo(clients);
      }
    }
  }

  @Test
  void theTestsTellApartAPolicyThatDiffers() {
    // The power check: the same comparison between TTLs of 60 s and 75 s must fail, or a pass above means little.
    Observed sixty = observe(scenario(ResolverBehaviour.TTL_HONOURING, oneName(), List.of(), 300_000), Mode.EVENTS);
    Observed longer = observe(scenario(ResolverBehaviour.TTL_HONOURING.withClamps(new TtlClamps(75, 86_400, 0, 3_600)),
        oneName(), List.of(), 300_000), Mode.SKIP);
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(sixty.lastStale(), longer.lastStale()))
        .isLessThan(ALPHA);
  }

  @Test
  void partitionsWhereHitsChangeStateRunEventByEvent() {
    Scenario plain = scenario(ResolverBehaviour.TTL_HONOURING, oneName(), List.of(), 300_000);
    assertThat(reasons(plain)).containsOnlyNulls();
    // A whole-second clock only moves where entries expire: the fit above compares it both ways.
    assertThat(reasons(scenario(UNBOUND_LIKE, oneName(), List.of(), 240_000, 600_000))).containsOnlyNulls();
    // Two clients a resolver, 1 s buckets: 60 uses against about 1,800 draws; chosen automatically, every use.
    assertThat(reasons(plain, Mode.AUTO)).containsOnly(
        "few uses per bucket and question (drawing the hits would cost more than simulating them)");
    assertThat(reasons(plain, Mode.EVENTS)).containsOnly("event by event was asked for");
    assertThat(reasons(scenario(ResolverBehaviour.TTL_HONOURING.withPrefetch(new Prefetch.Unbound()), oneName(),
        List.of(), 300_000))).containsOnly("prefetch (a hit near expiry refreshes the entry)");
    assertThat(reasons(scenario(ResolverBehaviour.TTL_HONOURING.withServeStale(
        new ServeStale(true, 30, 3_600, 0, 0, false, false)), oneName(), List.of(), 300_000)))
        .containsOnly("serve-stale (expired entries answer and refresh)");
    assertThat(reasons(scenario(ResolverBehaviour.TTL_HONOURING.withCapacity(10), oneName(), List.of(), 300_000)))
        .containsOnly("a bounded cache (every hit reorders its LRU list)");
    ClientGroup cached = oneName().get(0).withBehaviour(
        ClientBehaviour.PLAIN.withCache(new dev.dnsflip.client.ClientCache.Fixed(60, 60)), Origin.of("c"));
    assertThat(reasons(scenario(ResolverBehaviour.TTL_HONOURING, List.of(cached), List.of(), 300_000)))
        .containsOnly("clients with caches, connections or two address families (each keeps its own state)");
  }

  @Test
  void answersCountedBeforeTheFirstSwitchWeighOnTheChoice() {
    // One resolver, 2 h in 1 s buckets, the switch 10 min before the end. After it, 601 buckets
    // cost about 1,800 draws; before it, counting answers draws a Poisson count for each of 6,600
    // buckets. Two clients make 4,000 uses: more than the switch's draws alone, fewer than both.
    assertThat(reasons(lateSwitch(2), Mode.AUTO)).containsOnly(
        "few uses per bucket and question (drawing the hits would cost more than simulating them)");
    // Twenty clients make 40,000 uses, more than every draw (about 8,500).
    assertThat(reasons(lateSwitch(20), Mode.AUTO)).containsOnlyNulls();
  }

  /** {@code clients} behind one resolver making 2,000 queries each over 2 h, switched at 1 h 50 min, 1 s buckets. */
  private static Scenario lateSwitch(int clients) {
    return TestScenarios.singleName(300, 1, clients, 2_000 / 7_200.0, 7_200_000, TestScenarios.schedule(6_600_000),
        new Propagation.Fixed(0), InitialCache.STEADY, 1, 1, 1_000);
  }

  private static List<String> reasons(Scenario s) {
    return reasons(s, Mode.SKIP);
  }

  private static List<String> reasons(Scenario s, Mode mode) {
    Simulation sim = new Simulation(s, 1);
    RunContext ctx = new RunContext(s, sim.table(), new dev.dnsflip.authority.NameserverTimeline(s.schedule(),
        s.propagation(), s.nameservers(), new java.util.SplittableRandom(1)),
        dev.dnsflip.client.Population.assign(s.clientGroups(), s.resolverGroups(),
            new dev.dnsflip.engine.RandomStreams(1)), new dev.dnsflip.engine.RandomStreams(1), 0, mode,
            Revealed.of(sim.table()).itemOf());
    List<String> reasons = new ArrayList<>();
    for (int[] p : ctx.partitions) {
      if (ctx.population.first(p[0] + 1, 0) > ctx.population.first(p[0], 0)) { // a resolver with clients
        reasons.add(SkipAhead.reason(ctx, p));
      }
    }
    return reasons;
  }

  private static List<ClientGroup> oneName() {
    return List.of(new ClientGroup("c", 3_000, 1.0 / 30, Map.of(),
        List.of(new WeightedQuestion(question("www.example.com", Type.A), 1))));
  }

  private static Scenario scenario(ResolverBehaviour behaviour, List<ClientGroup> clients, List<Outage> outages,
      long... switches) {
    Account account = TestScenarios.account(60, List.of(TestScenarios.zone("example.com",
            a("www.example.com", "192.0.2.10", 1, true),
            cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, false))),
        List.of(TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 600, false))));
    return Scenario.builder().name("fit").seed(11).replications(REPLICATIONS).durationMs(900_000).bucketMs(1_000)
        .initialCache(InitialCache.STEADY).account(account).propagation(new Propagation.Uniform(0, 60_000))
        .schedule(TestScenarios.schedule(switches))
        .resolverGroups(List.of(new ResolverGroup("r", 1_500, behaviour, 1, BackendChoice.RANDOM, null, Origin.of("r"))))
        .clientGroups(clients).outages(outages).build();
  }

  /** Every replication run as one range, its tally and client record pooled. */
  private static Observed observe(Scenario scenario, Mode mode) {
    Simulation sim = new Simulation(scenario, 1, mode);
    int events = scenario.schedule().events().size();
    int[] buckets = buckets(scenario);
    int questions = sim.table().questionCount();
    List<Long> stale = new ArrayList<>();
    List<Long> fresh = new ArrayList<>();
    long[] questionStale = new long[questions * events];
    List<Double> lastStale = new ArrayList<>();
    List<Double> firstFresh = new ArrayList<>();
    long queries = 0;
    for (int rep = 0; rep < scenario.replications(); rep++) {
      Tally tally = new Tally(buckets, questions, scenario.clientGroups().size());
      ClientRecord record = new ClientRecord(scenario.clientCount(), events);
      sim.run(new PartitionRange(rep, 0, sim.partitionCount())).addTo(tally, record);
      queries += tally.queries();
      for (int e = 0; e < events; e++) {
        long[] uses = tally.uses(e);
        long[] stales = tally.stale(e);
        for (int b = 0; b < buckets[e]; b++) {
          long u = uses[b];
          long s = stales[b];
          if (rep == 0) {
            stale.add(s);
            fresh.add(u - s);
          } else {
            int i = offset(buckets, e) + b;
            stale.set(i, stale.get(i) + s);
            fresh.set(i, fresh.get(i) + u - s);
          }
        }
        for (int q = 0; q < questions; q++) {
          questionStale[e * questions + q] += tally.questionStale(e, q);
        }
        for (int c = 0; c < scenario.clientCount(); c++) {
          if (record.lastStale(c, e) >= 0) {
            lastStale.add((double) record.lastStale(c, e) + e * 1e7);
          }
          if (record.firstFresh(c, e) >= 0) {
            firstFresh.add((double) record.firstFresh(c, e) + e * 1e7);
          }
        }
      }
    }
    return new Observed(stale.stream().mapToLong(Long::longValue).toArray(),
        fresh.stream().mapToLong(Long::longValue).toArray(), questionStale,
        lastStale.stream().mapToDouble(Double::doubleValue).toArray(),
        firstFresh.stream().mapToDouble(Double::doubleValue).toArray(), queries);
  }

  /** Each switch's window in 1 s buckets. */
  private static int[] buckets(Scenario scenario) {
    int events = scenario.schedule().events().size();
    int[] buckets = new int[events];
    for (int e = 0; e < events; e++) {
      long end = e + 1 < events ? scenario.schedule().events().get(e + 1).atMs() : scenario.durationMs();
      buckets[e] = (int) ((end - scenario.schedule().events().get(e).atMs() + 999) / 1_000);
    }
    return buckets;
  }

  private static int offset(int[] buckets, int e) {
    int o = 0;
    for (int i = 0; i < e; i++) {
      o += buckets[i];
    }
    return o;
  }

  private static long[] concat(long[] x, long[] y) {
    long[] all = java.util.Arrays.copyOf(x, x.length + y.length);
    System.arraycopy(y, 0, all, x.length, y.length);
    return all;
  }
}
