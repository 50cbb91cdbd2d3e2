package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.presets.Presets;
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
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * Laws of the resolver and client models, checked over many seeded random configurations (one
 * proxied name of Auto TTL T, an enable then a disable, random populations and propagation).
 * Each bound is exact: it follows from when an old answer can last be fetched and how long each
 * cache on the way may keep it. The derivations are in docs/ARCHITECTURE.md ("Laws").
 * A failing configuration prints its seed, which replays it.
 */
class LawsTest {
  private static final int CONFIGURATIONS = 12;

  private record Config(long seed, long ttlS, long enableAt, long disableAt, long durationMs, Propagation propagation,
      double queriesPerSecond, int clients, int resolvers) {}

  private static Config config(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    long ttlS = 10 + r.nextInt(290);
    long enableAt = 60_000 + r.nextInt(600_000);
    long disableAt = enableAt + 2 * ttlS * 1000 + r.nextInt(1_200_000);
    long maxDelay = r.nextInt(60_000);
    return new Config(seed, ttlS, enableAt, disableAt, disableAt + 4 * ttlS * 1000 + 300_000,
        new Propagation.Uniform(0, maxDelay), 0.01 + r.nextDouble() * 0.5, 200 + r.nextInt(800), 2 + r.nextInt(6));
  }

  private static Scenario scenario(Config c, List<ResolverGroup> resolvers, ClientBehaviour client) {
    Account account = TestScenarios.account(c.ttlS(), List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true),
        TestScenarios.aaaa("www.example.com", "2001:db8::10", 1, true, dev.dnsflip.authority.Category.REGULAR))),
        List.of());
    return new Scenario("law", "", c.seed(), 1, c.durationMs(), 1_000, InitialCache.STEADY, account, 3,
        c.propagation(), TestScenarios.schedule(c.enableAt(), c.disableAt()), resolvers,
        List.of(new ClientGroup("c", c.clients(), c.queriesPerSecond(), Map.of(resolvers.get(resolvers.size() - 1).name(), 1.0),
            List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)), client, Origin.of("c"))),
        List.of());
  }

  private static long worstLastStale(RunResult report) {
    long worst = 0;
    for (EventReport e : report.events()) {
      worst = Math.max(worst, (long) e.metric("lastStale.max").estimate().max());
    }
    return worst;
  }

  private static ResolverGroup group(String name, int count, ResolverBehaviour b, String forwardTo) {
    return new ResolverGroup(name, count, b, 1, BackendChoice.RANDOM, forwardTo, Origin.of(name));
  }

  @Test
  void aChainOfRemainingTtlCachesNeverExtendsATransitionBeyondTtlPlusPropagation() {
    for (long seed = 1; seed <= CONFIGURATIONS; seed++) {
      Config c = config(seed);
      int depth = 1 + (int) (seed % 3);
      List<ResolverGroup> groups = new ArrayList<>();
      groups.add(group("level0", c.resolvers(), ResolverBehaviour.TTL_HONOURING, null));
      for (int d = 1; d < depth; d++) {
        groups.add(group("level" + d, c.resolvers() * (d + 1), ResolverBehaviour.TTL_HONOURING, "level" + (d - 1)));
      }
      RunResult report = new Simulation(scenario(c, groups, ClientBehaviour.PLAIN), 2).run();
      assertThat(worstLastStale(report)).as("seed %d, depth %d: %s", seed, depth, c)
          .isLessThan(c.ttlS() * 1000 + report.summary().maxPropagationDelayMs());
    }
  }

  @Test
  void aTtlFloorMGivesAtMostMaxOfTtlAndM() {
    for (long seed = 1; seed <= CONFIGURATIONS; seed++) {
      Config c = config(seed);
      long floorS = 5 + new SplittableRandom(seed * 31).nextInt(600);
      ResolverBehaviour floor = new ResolverBehaviour(new TtlClamps(floorS, 86_400, 0, 3600), ServeStale.OFF,
          Prefetch.NONE, false);
      RunResult report = new Simulation(scenario(c, List.of(group("floor", c.resolvers(), floor, null)),
          ClientBehaviour.PLAIN), 2).run();
      assertThat(worstLastStale(report)).as("seed %d, floor %d s: %s", seed, floorS, c)
          .isLessThan(Math.max(c.ttlS(), floorS) * 1000 + report.summary().maxPropagationDelayMs());
    }
  }

  @Test
  void fixedClientCachesAddAtMostTheirFixedLifetime() {
    for (long seed = 1; seed <= CONFIGURATIONS; seed++) {
      Config c = config(seed);
      long fixedS = 1 + new SplittableRandom(seed * 17).nextInt(120);
      RunResult report = new Simulation(scenario(c, List.of(group("r", c.resolvers(),
          ResolverBehaviour.TTL_HONOURING, null)), new ClientBehaviour(new ClientCache.Fixed(fixedS, fixedS), 0, false)),
          2).run();
      assertThat(worstLastStale(report)).as("seed %d, fixed %d s: %s", seed, fixedS, c)
          .isLessThan((c.ttlS() + fixedS) * 1000 + report.summary().maxPropagationDelayMs());
    }
  }

  /**
   * A TTL-honouring forwarder F in front of a serve-stale resolver U (reply TTL R, answer stale at
   * once, stale window W): U's old entry expires before T + d; U serves an old answer stale only
   * before its expiry + W, and F keeps what it gets for R: so no stale use after T + d + W + R.
   * With R above T (uncapped reply TTL) the transition really does outlast T + d.
   */
  @Test
  void aForwarderInFrontOfServeStaleKeepsTheReplyTtlAndNoMore() {
    boolean[] exceeded = new boolean[2]; // [R < T, R > T]
    for (long seed = 1; seed <= CONFIGURATIONS; seed++) {
      Config c = config(seed);
      SplittableRandom r = new SplittableRandom(seed * 7);
      boolean above = seed % 2 == 0;
      long replyS = above ? c.ttlS() + 1 + r.nextInt(600) : 1 + r.nextInt((int) c.ttlS());
      long windowS = 1 + r.nextInt(120);
      ResolverBehaviour stale = new ResolverBehaviour(TtlClamps.NONE,
          new ServeStale(true, replyS, windowS, 0, 0, false, false), Prefetch.NONE, false);
      List<ResolverGroup> groups = List.of(group("upstream", c.resolvers(), stale, null),
          group("forwarders", c.resolvers() * 3, ResolverBehaviour.TTL_HONOURING, "upstream"));
      RunResult report = new Simulation(scenario(c, groups, ClientBehaviour.PLAIN), 2).run();
      long d = report.summary().maxPropagationDelayMs();
      long worst = worstLastStale(report);
      assertThat(worst).as("seed %d, R %d s, W %d s: %s", seed, replyS, windowS, c)
          .isLessThan((c.ttlS() + windowS + replyS) * 1000 + d);
      if (worst >= c.ttlS() * 1000 + d) {
        exceeded[above ? 1 : 0] = true;
      }
    }
    assertThat(exceeded[0]).as("with R < T the forwarder's stale copy still outlives T + d").isTrue();
    assertThat(exceeded[1]).as("with R > T some transition outlasts T + d").isTrue();
  }

  /**
   * Whole-second caches (Unbound's clock) in a chain of remaining-TTL caches, at random levels and
   * mixed with millisecond ones: the first whole-second cache keeps an old answer to the end of the
   * second its expiry falls in (< 1 s more), and every hand-out rounds down to whole seconds, so no
   * cache below passes that second boundary: last stale < T + d + 1 s however many there are.
   */
  @Test
  void wholeSecondCachesInAChainAddLessThanOneSecondInAll() {
    ResolverBehaviour unbound = Presets.resolver("unbound-1.17").orElseThrow().behaviour();
    for (long seed = 1; seed <= CONFIGURATIONS; seed++) {
      Config c = config(seed);
      SplittableRandom r = new SplittableRandom(seed * 13);
      int depth = 1 + (int) (seed % 3);
      List<ResolverGroup> groups = new ArrayList<>();
      groups.add(group("level0", c.resolvers(), unbound, null));
      for (int d = 1; d < depth; d++) {
        ResolverBehaviour b = r.nextBoolean() ? ResolverBehaviour.TTL_HONOURING
            : ResolverBehaviour.TTL_HONOURING.withClock(CacheClock.WHOLE_SECOND);
        groups.add(group("level" + d, c.resolvers() * (d + 1), b, "level" + (d - 1)));
      }
      RunResult report = new Simulation(scenario(c, groups, ClientBehaviour.PLAIN), 2).run();
      assertThat(worstLastStale(report)).as("seed %d, depth %d: %s", seed, depth, c)
          .isLessThan(c.ttlS() * 1000 + report.summary().maxPropagationDelayMs() + 1000);
    }
  }

  /**
   * The unbound-1.17 preset, T = 20 s, the old answer fetchable until t0 + d = 60.7 s: a resolver
   * whose entry expired at 60 s refetched it within that second and keeps it to the end of second
   * 60 + 20 = 80, up to 299 ms past T + d; the same scenario with the millisecond clock stays below.
   */
  @Test
  void anUnboundPresetScenarioOutlastsTtlPlusPropagationByLessThanOneSecond() {
    ResolverBehaviour unbound = Presets.resolver("unbound-1.17").orElseThrow().behaviour();
    for (long delay : new long[] {0, 2_300}) {
      long lastStale = lastStaleMax(unbound, 60_700 - delay, delay);
      long ttlPlusD = 20_000 + delay;
      assertThat(lastStale).as("delay %d ms: beyond T + d", delay).isGreaterThanOrEqualTo(ttlPlusD);
      assertThat(lastStale).as("delay %d ms: within the last second", delay).isLessThan(ttlPlusD + 1000);
      assertThat(lastStaleMax(unbound.withClock(CacheClock.MILLISECOND), 60_700 - delay, delay))
          .as("delay %d ms, millisecond clock", delay).isLessThan(ttlPlusD);
    }
  }

  private static long lastStaleMax(ResolverBehaviour b, long enableAt, long delayMs) {
    Account account = TestScenarios.account(20, List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of());
    Scenario s = new Scenario("unbound", "", 2024, 1, 120_000, 1_000, InitialCache.STEADY, account, 1,
        new Propagation.Fixed(delayMs), TestScenarios.schedule(enableAt),
        List.of(new ResolverGroup("isp", 200, b, 1, BackendChoice.RANDOM, null, Origin.of("isp"))),
        List.of(new ClientGroup("c", 4_000, 1.0, Map.of(),
            List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)), ClientBehaviour.PLAIN,
            Origin.of("c"))),
        List.of());
    RunResult report = new Simulation(s, 2).run();
    assertThat(report.summary().maxPropagationDelayMs()).isEqualTo(delayMs);
    return worstLastStale(report);
  }
}
