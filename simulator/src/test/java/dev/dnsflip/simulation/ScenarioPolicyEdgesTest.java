package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Type;

/**
 * Every policy at its edges inside whole scenarios (the cache-alone edges are in
 * ResolverPoliciesTest and CachingResolverTest). Each transition is checked from both sides:
 *
 * <ul>
 *   <li><b>Upper bound, exact.</b> An old answer is fetched from the authority at the latest 1 ms
 *       before the last nameserver switches ({@code < E + d}, d = largest realised propagation
 *       delay), and each cache keeps what it stores for the lifetime the policy gives it. So
 *       {@code lastStale.max < lifetime + d} is a hard inequality for any seed. (When the authority
 *       is down from E on, nothing is fetched after E and the bound has no d.)
 *   <li><b>Lower bound, with a slack derived from the query rate.</b> The scenarios start
 *       {@link InitialCache#COLD} and switch at {@code E = δ}: every cache fetches the old answer at
 *       its first query, in {@code [0, δ)} unless it had no query there, so its old entry expires
 *       within δ before the bound. It then gives a stale use in the last δ before that expiry
 *       unless it had no query there. Queries of one cache are Poisson with rate λ (its clients'
 *       streams superposed, which is how Partition draws them), so each of these two voids has
 *       probability {@code exp(-λδ)}, and they are on disjoint intervals, hence independent: a
 *       cache misses with probability {@code 1 - (1 - exp(-λδ))^2}. Caches and replications are
 *       independent, and the assertion fails only if every one of them misses, so δ is the
 *       smallest whole ms with {@code (1 - (1 - exp(-λδ))^2)^(caches × replications) < 1e-9}
 *       ({@link #phaseLockSlackMs}); the tail is then at least {@code lifetime - 2δ}. Other edges
 *       derive their slack the same way, each next to its test.
 * </ul>
 *
 * Seeds are fixed, so each run is reproducible; the probabilities say that the fixed seeds are not
 * lucky ones. Every resolver group here is non-plain (the clamps {@link #NO_CLAMP} have no effect
 * on these TTLs), so a run that a policy leaves unchanged is compared with its baseline for
 * equality: that is how "changes nothing" is checked, exactly.
 */
class ScenarioPolicyEdgesTest {
  private static final long SEED = 20_240_611;
  private static final double MISS = 1e-9;
  private static final long DAY_S = 86_400;
  /** Clamps that no TTL used here reaches; unlike {@link TtlClamps#NONE} they make the scenario non-plain. */
  private static final TtlClamps NO_CLAMP = new TtlClamps(0, DAY_S, 0, DAY_S);
  private static final ResolverBehaviour HONOURING =
      new ResolverBehaviour(NO_CLAMP, ServeStale.OFF, Prefetch.NONE, false);
  private static final long T = 60_000;
  private static final int CACHES = 4;
  private static final int REPLICATIONS = 2;
  private static final int CLIENTS_PER_CACHE = 20;
  private static final double CLIENT_QPS = 1.0;
  /** λ of one cache: its clients' streams superposed (20 clients × 1 q/s), per ms. */
  private static final double CACHE_RATE_PER_MS = CLIENTS_PER_CACHE * CLIENT_QPS / 1000;
  private static final Propagation PROPAGATION = new Propagation.Uniform(0, 400);
  /** The phase-lock slack δ, which is also the switch instant E. */
  private static final long DELTA = phaseLockSlackMs(CACHE_RATE_PER_MS, CACHES * REPLICATIONS);
  private static final long E = DELTA;

  // ---------------------------------------------------------------- slack derivations

  /** The smallest whole δ (ms) for which {@code miss(δ) < 1e-9}. */
  private static long smallestSlackMs(LongToDoubleFunction miss) {
    for (long delta = 1; delta < 10_000_000; delta++) {
      if (miss.applyAsDouble(delta) < MISS) {
        return delta;
      }
    }
    throw new IllegalStateException("no slack reaches " + MISS);
  }

  /**
   * Phase lock (class comment): per cache, a query in the first δ and one in the last δ before its
   * old entry expires, each missing with probability exp(-λδ); fails if all trials miss.
   */
  static long phaseLockSlackMs(double ratePerMs, int trials) {
    return smallestSlackMs(d -> Math.pow(1 - Math.pow(-Math.expm1(-ratePerMs * d), 2), trials));
  }

  /**
   * "Some cache has a query in a given window of δ": every one of {@code trials} caches is quiet
   * there with probability exp(-λδ · trials).
   */
  static long someQuerySlackMs(double ratePerMs, int trials) {
    return smallestSlackMs(d -> Math.exp(-ratePerMs * d * trials));
  }

  /**
   * "Every cache has a query within δ after a given instant" (an upper bound on a tail that ends
   * with a cache's next query): by the union bound, some cache waits longer with probability at
   * most trials × exp(-λδ).
   */
  static long everyQuerySlackMs(double ratePerMs, int trials) {
    return smallestSlackMs(d -> trials * Math.exp(-ratePerMs * d));
  }

  // ---------------------------------------------------------------- scenarios

  private static Account aOnly(long ttlS) {
    return TestScenarios.account(ttlS, List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of());
  }

  /** A proxied A-only name in a zone whose SOA gives NODATA the negative TTL {@code negativeS}. */
  private static Account aOnlyWithNegativeTtl(long ttlS, long negativeS) {
    return TestScenarios.account(ttlS, List.of(new Zone(TestScenarios.name("example.com"), new Soa(3600, negativeS),
        List.of(TestScenarios.a("www.example.com", "192.0.2.10", 1, true)))), List.of());
  }

  private static Account dualStack(long ttlS) {
    return TestScenarios.account(ttlS, List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true),
        TestScenarios.aaaa("www.example.com", "2001:db8::10", 1, true, Category.REGULAR))), List.of());
  }

  private static SwitchSchedule enableAt(long at) {
    return TestScenarios.schedule(at);
  }

  /**
   * A small scenario: {@code caches} resolver groups of one cache each, each with its own client
   * group pinned to it, so every cache sees exactly {@code clientsPerCache × clientQps} queries a
   * second (a shared group would spread clients binomially and leave λ unknown).
   */
  private static final class Setup {
    long seed = SEED;
    int replications = REPLICATIONS;
    long durationMs;
    InitialCache init = InitialCache.COLD;
    Account account = aOnly(T / 1000);
    int nameservers = 2;
    Propagation propagation = PROPAGATION;
    SwitchSchedule schedule = enableAt(E);
    ResolverBehaviour resolver = HONOURING;
    int caches = CACHES;
    int clientsPerCache = CLIENTS_PER_CACHE;
    double clientQps = CLIENT_QPS;
    ClientBehaviour client = ClientBehaviour.PLAIN;
    int type = Type.A;
    List<Outage> outages = List.of();
    Mode mode = Mode.AUTO;

    /** Every partition event by event: to compare with a policy that runs so, draw for draw. */
    Setup eventByEvent() {
      mode = Mode.EVENTS;
      return this;
    }

    Setup resolver(ResolverBehaviour b) {
      resolver = b;
      return this;
    }

    Setup duration(long ms) {
      durationMs = ms;
      return this;
    }

    Scenario scenario() {
      List<ResolverGroup> resolvers = new ArrayList<>();
      List<ClientGroup> clients = new ArrayList<>();
      for (int k = 0; k < caches; k++) {
        resolvers.add(new ResolverGroup("r" + k, 1, resolver, 1, BackendChoice.RANDOM, null, Origin.of("r")));
        clients.add(new ClientGroup("c" + k, clientsPerCache, clientQps, Map.of("r" + k, 1.0),
            List.of(new WeightedQuestion(TestScenarios.question("www.example.com", type), 1)), client, Origin.of("c")));
      }
      return new Scenario("edges", "", seed, replications, durationMs, 1_000, init, account, nameservers, propagation,
          schedule, resolvers, clients, List.of(), outages);
    }

    RunResult run() {
      return new Simulation(scenario(), 2, mode).run();
    }
  }

  private static long lastStaleMax(RunResult r, int event) {
    return (long) r.events().get(event).metric("lastStale.max").estimate().max();
  }

  private static double total(RunResult r, int event, String metric) {
    Estimate e = r.events().get(event).metric(metric).estimate();
    return e.mean() * e.samples(); // one sample per replication
  }

  private static long d(RunResult r) {
    return r.summary().maxPropagationDelayMs();
  }

  /** The whole result, field by field. */
  private static void assertSameReport(RunResult actual, RunResult expected, String why) {
    // Everything observed; how the partitions ran (and why) is the one fact allowed to differ.
    assertThat(actual).as(why).usingRecursiveComparison().ignoringFields("summary.eventByEventBecause")
        .isEqualTo(expected);
  }

  private static long misses(RunResult r) {
    return r.summary().queries() - r.summary().cacheHits();
  }

  /** Upper bound exact, lower bound {@code lower}: the tail lies in [lower, upper). */
  private static void assertTail(RunResult r, int event, long lower, long upper, String what) {
    assertThat(lastStaleMax(r, event)).as(what + ": the tail stays below " + upper).isLessThan(upper)
        .as(what + ": the tail reaches " + lower).isGreaterThanOrEqualTo(lower);
  }

  // ---------------------------------------------------------------- TTL clamps

  /**
   * Positive clamps: the fetched answer is kept L = min(max(T, min), max) (the clamp sets the
   * expiry, and the TTL passed on), so the tail ends within [L - 2δ, L + d). A floor at or below the
   * TTL, a cap at or above it and negative clamps change nothing: the report equals the
   * unclamped one. The 1 s cases show that the scenario resolves a single second: their window
   * [L - 2δ, L + d) does not meet the unclamped one.
   */
  @ParameterizedTest(name = "positive [{0}, {1}] s, negative [{2}, {3}] s: TTL 60 s kept {4} ms")
  @CsvSource({
      "0,   86400, 0,   86400, 60000",
      "59,  86400, 0,   86400, 60000",
      "60,  86400, 0,   86400, 60000",
      "61,  86400, 0,   86400, 61000",
      "120, 86400, 0,   86400, 120000",
      "0,   60,    0,   86400, 60000",
      "0,   59,    0,   86400, 59000",
      "0,   30,    0,   86400, 30000",
      "0,   86400, 600, 3600,  60000"})
  void positiveClampsMoveTheTailToTheClampedLifetime(long minS, long maxS, long minNegS, long maxNegS,
      long lifetimeMs) {
    long duration = E + Math.max(lifetimeMs, T) + PROPAGATION.maxMs() + 2_000;
    RunResult r = new Setup().resolver(new ResolverBehaviour(new TtlClamps(minS, maxS, minNegS, maxNegS),
        ServeStale.OFF, Prefetch.NONE, false)).duration(duration).run();
    assertTail(r, 0, lifetimeMs - 2 * DELTA, lifetimeMs + d(r), "clamped lifetime " + lifetimeMs);
    if (lifetimeMs == T) {
      assertSameReport(r, new Setup().duration(duration).run(), "a clamp the TTL does not reach changes nothing");
    } else {
      assertThat(Math.abs(lifetimeMs - T)).as("the scenario tells the clamped lifetime from the TTL")
          .isGreaterThan(2 * DELTA + PROPAGATION.maxMs());
    }
  }

  /**
   * Negative clamps on a NODATA: initially enabled, an A-only proxied name answers AAAA with NODATA
   * (negative TTL min(SOA TTL, MINIMUM) = 120 s here); after the disable it answers anycast IPv6,
   * so a cached NODATA is stale until it expires. Its lifetime is the negative clamp of 120 s;
   * positive clamps do not touch it.
   */
  @ParameterizedTest(name = "positive [{0}, {1}] s, negative [{2}, {3}] s: NODATA 120 s kept {4} ms")
  @CsvSource({
      "0,   86400, 0,   86400, 120000",
      "0,   86400, 0,   60,    60000",
      "0,   86400, 0,   119,   119000",
      "0,   86400, 121, 86400, 121000",
      "0,   86400, 180, 86400, 180000",
      "600, 86400, 0,   86400, 120000",
      "0,   30,    0,   86400, 120000"})
  void negativeClampsMoveTheTailOfACachedNodataAfterADisable(long minS, long maxS, long minNegS, long maxNegS,
      long lifetimeMs) {
    Setup s = new Setup().resolver(new ResolverBehaviour(new TtlClamps(minS, maxS, minNegS, maxNegS), ServeStale.OFF,
        Prefetch.NONE, false)).duration(E + lifetimeMs + PROPAGATION.maxMs() + 2_000);
    s.account = aOnlyWithNegativeTtl(T / 1000, 120);
    s.schedule = new SwitchSchedule(true, List.of(new SwitchEvent(E, SwitchDirection.DISABLE)));
    s.type = Type.AAAA;
    RunResult r = s.run();
    assertThat(r.events().get(0).direction()).isEqualTo(SwitchDirection.DISABLE);
    assertTail(r, 0, lifetimeMs - 2 * DELTA, lifetimeMs + d(r), "NODATA kept " + lifetimeMs);
    assertThat(total(r, 0, "staleUses")).as("the stale uses are NODATA").isPositive();
  }

  // ---------------------------------------------------------------- serve-stale

  private static ServeStale staleAtOnce(long maxStaleS, boolean reset) {
    return new ServeStale(true, 30, maxStaleS, 0, 0, reset, false);
  }

  /**
   * Serve-stale age limit: the authority goes down at the switch and stays down. Each cache's old
   * entry (fetched before E, since every later fetch fails) expires at x < E + T and is answered
   * stale while younger than W past x, then no more (the query fails instead). So the tail lies in
   * [T + W - 2δ, T + W): the phase lock puts x within δ of E + T and a query within δ before
   * x + W. There is no propagation term: nothing is fetched after E. W = 0 is serve-stale off,
   * exactly.
   */
  @ParameterizedTest(name = "max stale {0} s")
  @ValueSource(longs = {0, 1, 120})
  void staleAnswersStopAtTheMaximumStaleAge(long maxStaleS) {
    long w = maxStaleS * 1000;
    long duration = E + T + w + 5_000;
    List<Outage> down = List.of(new Outage(E, duration + 1));
    Setup s = new Setup().resolver(new ResolverBehaviour(NO_CLAMP, staleAtOnce(maxStaleS, false), Prefetch.NONE, false))
        .duration(duration);
    s.outages = down;
    RunResult r = s.run();
    assertTail(r, 0, T + w - 2 * DELTA, T + w, "max stale " + maxStaleS + " s");
    assertThat(r.summary().queries()).as("after the stale window the outage shows as failures")
        .isGreaterThan((long) total(r, 0, "uses"));
    if (w == 0) {
      Setup off = new Setup().duration(duration).eventByEvent();
      off.outages = down;
      assertSameReport(r, off.run(), "a zero stale window is serve-stale off");
    }
  }

  /**
   * With resetOnFailure every failed refresh restarts the stale window, so stale answers last
   * through a long outage (here 150 s, more than T + W = 90 s) instead of stopping at T + W; they
   * stop at the first query after the outage, which is answered stale at once (client timeout 0)
   * while its background refresh succeeds. Exact: that query comes at or after the outage's end O,
   * and before the last failure + W < O + W; reached once some cache fetched before E and never
   * went W without a query (misses: exp(-λE · caches × replications), and far less). Rate-derived:
   * every cache asks within δ' of O.
   */
  @Test
  void resetOnFailureRestartsTheStaleWindowUntilTheOutageEnds() {
    long w = 30_000;
    long outageEnd = E + T + 3 * w;
    long duration = outageEnd + 30_000;
    long deltaAfter = everyQuerySlackMs(CACHE_RATE_PER_MS, CACHES * REPLICATIONS);
    Setup reset = new Setup().resolver(new ResolverBehaviour(NO_CLAMP, staleAtOnce(30, true), Prefetch.NONE, false))
        .duration(duration);
    reset.outages = List.of(new Outage(E, outageEnd));
    RunResult withReset = reset.run();
    long lastStale = lastStaleMax(withReset, 0);
    assertThat(lastStale).as("stale through the whole outage").isGreaterThanOrEqualTo(outageEnd - E)
        .as("never past the last failure + W").isLessThan(outageEnd - E + w)
        .as("up to the first query after it").isLessThan(outageEnd - E + deltaAfter);

    Setup noReset = new Setup().resolver(new ResolverBehaviour(NO_CLAMP, staleAtOnce(30, false), Prefetch.NONE, false))
        .duration(duration);
    noReset.outages = List.of(new Outage(E, outageEnd));
    assertTail(noReset.run(), 0, T + w - 2 * DELTA, T + w, "without reset");
  }

  /**
   * Client timeout 0 versus > 0 through an outage. While the authority is down both answer stale
   * (timeout 0 at once, > 0 after the refresh fails): the model tells them apart only when it is
   * back. With timeout > 0 the first query after the outage's end O tries the refresh first and
   * gets the fresh answer: no stale use at or after O (exact), and the tail reaches O - δ'' with
   * δ'' from "some cache has a query in [O - δ'', O)". With timeout 0 that query is still answered
   * stale while the refresh runs behind it: the tail reaches O (exact) and ends within δ' after
   * it (every cache asks within δ'). With one nameserver no fetch draws a random number, so both
   * runs see the same queries and differ by exactly that one use per cache and replication
   * (every cache holds an entry: its first query came before E = 5 s, missed with probability
   * exp(-λ · 5 s) = exp(-100); its next after O within 30 s, missed with exp(-600)).
   */
  @Test
  void clientTimeoutZeroAnswersOneMoreStaleUsePerCacheWhenTheAuthorityReturns() {
    long enable = 5_000;
    long outageEnd = enable + T + 30_000;
    RunResult[] runs = new RunResult[2];
    long[] timeouts = {0, 1_800};
    for (int i = 0; i < 2; i++) {
      Setup s = new Setup().resolver(new ResolverBehaviour(NO_CLAMP,
          new ServeStale(true, 30, DAY_S, timeouts[i], 0, false, false), Prefetch.NONE, false))
          .duration(outageEnd + 30_000);
      s.schedule = enableAt(enable);
      s.nameservers = 1;
      s.outages = List.of(new Outage(enable, outageEnd));
      runs[i] = s.run();
    }
    RunResult atOnce = runs[0];
    RunResult tryFirst = runs[1];
    long o = outageEnd - enable;
    int trials = CACHES * REPLICATIONS;
    assertThat(lastStaleMax(tryFirst, 0)).as("timeout > 0: fresh from the first query after the outage")
        .isLessThan(o).isGreaterThanOrEqualTo(o - someQuerySlackMs(CACHE_RATE_PER_MS, trials));
    assertThat(lastStaleMax(atOnce, 0)).as("timeout 0: that query is still stale")
        .isGreaterThanOrEqualTo(o).isLessThan(o + everyQuerySlackMs(CACHE_RATE_PER_MS, trials));
    assertThat(total(atOnce, 0, "uses")).isEqualTo(total(tryFirst, 0, "uses"));
    assertThat(total(atOnce, 0, "staleUses") - total(tryFirst, 0, "staleUses"))
        .as("one stale use per cache and replication").isEqualTo(trials);
    assertThat(atOnce.summary().cacheHits() - tryFirst.summary().cacheHits()).as("served stale counts as a hit")
        .isEqualTo(trials);
  }

  // ---------------------------------------------------------------- prefetch

  /**
   * Prefetch trigger edge. A hit with little enough left is answered from cache and refreshes the
   * entry behind it; after the switch the refresh fetches the new answer. So each cache's tail is
   * its first query at or after f + trigger (f = its fetch of the old answer): at least
   * trigger - E (exact, since f >= 0, once some cache has an old entry and a query in its trigger
   * window: a cache lacks one with probability at most exp(-λE) + exp(-λ(T - trigger)), and all
   * caches of all replications with that to the power caches × replications, checked below
   * 1e-9), and below trigger + d + δ' (every cache asks within δ' of its trigger point). The
   * TTL + d law holds throughout. BIND's eligibility edge: a TTL of 60 s is eligible at 60 s,
   * not at 61 s, and then nothing changes.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"unbound, 54000", "bind-10-60, 50000", "bind-10-61, -1"})
  void prefetchEndsTheTailAtItsTriggerAndNeverExtendsIt(String variant, long triggerMs) {
    Prefetch prefetch = switch (variant) {
      case "unbound" -> new Prefetch.Unbound();
      case "bind-10-60" -> new Prefetch.Bind(10, 60);
      case "bind-10-61" -> new Prefetch.Bind(10, 61);
      default -> throw new IllegalArgumentException(variant);
    };
    long duration = E + T + PROPAGATION.maxMs() + 5_000;
    RunResult r = new Setup().resolver(new ResolverBehaviour(NO_CLAMP, ServeStale.OFF, prefetch, false))
        .duration(duration).run();
    RunResult none = new Setup().duration(duration).eventByEvent().run();
    assertThat(lastStaleMax(r, 0)).as("law: TTL + d").isLessThan(T + d(r));
    if (triggerMs < 0) {
      assertSameReport(r, none, "not eligible: no prefetch");
      return;
    }
    long deltaAfter = everyQuerySlackMs(CACHE_RATE_PER_MS, CACHES * REPLICATIONS);
    assertThat(Math.pow(Math.exp(-CACHE_RATE_PER_MS * E) + Math.exp(-CACHE_RATE_PER_MS * (T - triggerMs)),
        CACHES * REPLICATIONS)).as("the lower bound's miss probability").isLessThan(MISS);
    assertTail(r, 0, triggerMs - E, triggerMs + d(r) + deltaAfter, variant);
    assertThat(triggerMs + PROPAGATION.maxMs() + deltaAfter).as("distinguishable from no prefetch")
        .isLessThan(T - 2 * DELTA);
    assertThat(lastStaleMax(none, 0)).isGreaterThanOrEqualTo(T - 2 * DELTA);
    // Exercised: without prefetch each cache misses twice (its cold start, and the first query after
    // its old entry expires, within 5 s before the run ends unless it is quiet for 5 s: exp(-100));
    // with it only once, since the refresh happens on a hit and the new entry outlives the run.
    int trials = CACHES * REPLICATIONS;
    assertThat(misses(none)).isEqualTo(2L * trials);
    assertThat(misses(r)).as("prefetch refreshes on a hit: no miss after expiry").isEqualTo(trials);
  }

  /**
   * Prefetch in stationary caches, both switch directions, slow clients (some trigger windows
   * see no query, so entries also expire) and up to 20 s of propagation: a prefetch refresh may
   * fetch the old answer from a nameserver that has not switched yet, but keeps it only T, so
   * nothing outlives TTL + d. Exercised: the hit ratio rises over the same scenario without it.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void prefetchInStationaryCachesNeverExtendsATransitionBeyondTtlPlusPropagation(long seed) {
    RunResult[] runs = new RunResult[2];
    Prefetch[] variants = {new Prefetch.Unbound(), Prefetch.NONE};
    for (int i = 0; i < 2; i++) {
      Setup s = new Setup().resolver(new ResolverBehaviour(NO_CLAMP, ServeStale.OFF, variants[i], false))
          .duration(900_000);
      s.seed = seed;
      s.init = InitialCache.STEADY;
      s.caches = 8;
      s.clientsPerCache = 4;
      s.clientQps = 0.05;
      s.nameservers = 3;
      s.propagation = new Propagation.Uniform(0, 20_000);
      s.schedule = TestScenarios.schedule(300_000, 600_000);
      runs[i] = s.run();
    }
    for (int e = 0; e < 2; e++) {
      assertThat(lastStaleMax(runs[0], e)).as("event %d", e).isLessThan(T + d(runs[0]));
    }
    assertThat(runs[0].summary().cacheHitRatio()).isGreaterThan(runs[1].summary().cacheHitRatio());
  }

  // ---------------------------------------------------------------- client caches

  /**
   * Client caches (the presets as shipped; Chrome and Firefox are dual-stack, so the name has A
   * and AAAA). A client's copy of the old answer was taken before the resolver's expiry
   * (< E + d + T) and is used for at most X more: Fixed L: X = L; AtLeast F (Chrome,
   * max(remaining TTL, 60 s)): until max(expiry, ask + F), X = F; Grace L + G (Firefox): kept L,
   * then used once more within G while revalidating, X = L + G. So the tail is below T + d + X.
   *
   * <p>Lower bound: one resolver, COLD, switch at E = δ; its old entry is fetched in [0, δ) unless
   * no client asks there (probability exp(-Mλδ)), so it holds until at least T. A client c then
   * reaches T + X - 3δ if (1) its cache is empty or expired at T - δ, which a void of V ms
   * guarantees: Fixed, no query in [T - δ - L, T - δ) (V = L); AtLeast, no query in [0, T - δ),
   * since any earlier copy is kept to the resolver's expiry (V = T - δ); Grace, no query in
   * [T - δ - L, T - δ) and none in [T + L - δ, T + L + G - 2δ), so that the first query after its
   * copy expires is the grace use (V = L + G - δ); (2) it asks in [T - δ, T) and so stores the old
   * answer at a >= T - δ; (3) it queries in the last δ before a + X, in
   * [T + X - 2δ, T + X - δ). These are Poisson events on disjoint intervals: p = exp(-λV)(1 -
   * exp(-λδ))^2 per client, independent across clients. The bound is missed with probability at
   * most (exp(-Mλδ) + (1 - p)^M)^replications (union bound in each replication); δ is the smallest
   * that makes this < 1e-9. λ = 2 / V maximises exp(-λV)(λδ)^2.
   */
  @ParameterizedTest(name = "{0}, TTL {1} s: adds at most {2} ms")
  @CsvSource({"jvm, 60, 30000", "chrome, 120, 60000", "chrome, 30, 60000", "firefox, 60, 120000"})
  void clientCachesAddAtMostTheirLifetimeAndReachIt(String preset, long ttlS, long addedMs) {
    ClientBehaviour behaviour = Presets.client(preset).orElseThrow().behaviour();
    long ttl = ttlS * 1000;
    int clients = 20_000;
    int replications = 2;
    ClientCache cache = behaviour.cache();
    LongToDoubleFunction voidMs;
    long x;
    if (cache instanceof ClientCache.Fixed f) {
      voidMs = delta -> f.positiveS() * 1000.0;
      x = f.positiveS() * 1000;
    } else if (cache instanceof ClientCache.AtLeast a) {
      voidMs = delta -> ttl - delta;
      x = a.floorS() * 1000;
    } else if (cache instanceof ClientCache.Grace g && g.fixedS() > 0) {
      voidMs = delta -> g.fixedS() * 1000.0 + g.graceMs() - delta;
      x = g.fixedS() * 1000 + g.graceMs();
    } else {
      throw new IllegalArgumentException("no lower bound derived for " + cache);
    }
    assertThat(x).as("the preset's X").isEqualTo(addedMs);
    double rate = 2 / voidMs.applyAsDouble(0);
    long delta = smallestSlackMs(dl -> {
      double p = Math.exp(-rate * voidMs.applyAsDouble(dl)) * Math.pow(-Math.expm1(-rate * dl), 2);
      double perReplication = Math.exp(-clients * rate * dl) + Math.exp(clients * Math.log1p(-p));
      return Math.pow(perReplication, replications);
    });
    Setup s = new Setup().duration(delta + ttl + addedMs + PROPAGATION.maxMs() + 5_000);
    s.account = dualStack(ttlS);
    s.schedule = enableAt(delta);
    s.client = behaviour;
    s.caches = 1;
    s.clientsPerCache = clients;
    s.clientQps = rate * 1000;
    s.replications = replications;
    RunResult r = s.run();
    assertTail(r, 0, ttl + addedMs - 3 * delta, ttl + d(r) + addedMs, preset + " (δ " + delta + " ms)");
    assertThat(3 * delta).as("the slack is a small part of what the client adds").isLessThan(addedMs / 5);
  }
}
