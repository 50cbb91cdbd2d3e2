package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.Restarts;
import dev.dnsflip.spi.LogicChoice;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

/** Resolver restarts: the caches empty at the restart instant, not a millisecond before. */
class RestartsTest {
  private static final long MINUTE = 60_000;

  private static Scenario restarting(Scenario s, Restarts restarts) {
    ResolverGroup g = s.resolverGroups().get(0);
    return s.toBuilder().resolverGroups(List.of(g.withRestarts(restarts))).build();
  }

  /** One client on a one-minute schedule over ten minutes, a cold TTL-300 s cache: ten uses. */
  private static Scenario probe(InitialCache init) {
    Scenario s = TestScenarios.singleName(300, 1, 1, 1, 10 * MINUTE, TestScenarios.schedule(), new Propagation.Fixed(0),
        init, 5, 1, 10_000);
    return s.toBuilder().clientGroups(List.of(s.clientGroups().get(0).withEvery(MINUTE))).build();
  }

  private static long hits(Scenario s) {
    return new Simulation(s, 1).run().summary().cacheHits();
  }

  /**
   * The client uses at p, p + 1m, ..., p + 9m; the TTL of 300 s would keep the answer between
   * the misses at p and p + 5m (8 hits). A restart at p + 7m makes the use at p + 7m a miss (7
   * hits); one at p + 7m + 1 ms leaves the use 1 ms before it a hit and empties the cache for
   * the next (p + 8m, which then misses: still 7 hits, but p + 9m hits); one at p + 9m + 1 ms,
   * after the last use, changes nothing.
   */
  @Test
  void aUseAtTheRestartMissesAndOneAMillisecondBeforeHits() {
    Scenario plain = probe(InitialCache.COLD);
    long p = new Simulation(plain, 1).context(0).phaseMs(0, 0);
    assertThat(p).as("the phase leaves room for a restart after the last use").isLessThan(MINUTE - 1);
    assertThat(hits(plain)).isEqualTo(8);

    assertThat(hits(restarting(plain, Restarts.at(List.of(p + 7 * MINUTE))))).isEqualTo(7);
    assertThat(hits(restarting(plain, Restarts.at(List.of(p + 7 * MINUTE + 1))))).isEqualTo(7);
    assertThat(hits(restarting(plain, Restarts.at(List.of(p + 9 * MINUTE))))).isEqualTo(7);
    assertThat(hits(restarting(plain, Restarts.at(List.of(p + 9 * MINUTE + 1))))).as("after the last use").isEqualTo(8);
    // At p + 5m the entry has just expired: a restart there changes nothing.
    assertThat(hits(restarting(plain, Restarts.at(List.of(p + 5 * MINUTE))))).isEqualTo(8);
  }

  /**
   * From a cold start, restarts every 2 minutes fall at 2, 4, 6 and 8 minutes, each between two
   * uses: the uses at p + 2m, 4m, 6m and 8m miss as the first one at p does (each miss stores an
   * answer for 300 s, longer than the 2 minutes to the next restart), the other five hit.
   */
  @Test
  void periodicRestartsFromAColdStartFallAtWholePeriods() {
    Scenario s = restarting(probe(InitialCache.COLD), Restarts.every(2 * MINUTE));
    RunResult result = new Simulation(s, 1).run();
    assertThat(result.summary().cacheHits()).isEqualTo(5);
    assertThat(result.summary().eventByEventBecause())
        .containsKey("resolver restarts (a restart empties the cache at its instant)");
  }

  /** With a stationary start each resolver's restarts take a phase uniform over the period: 20 bins, α = 0.001. */
  @Test
  void periodicRestartPhasesAreUniformPerResolverWithAStationaryStart() {
    Scenario s = restarting(TestScenarios.singleName(300, 4_000, 4_000, 0.01, 10 * MINUTE, TestScenarios.schedule(),
        new Propagation.Fixed(0), InitialCache.STEADY, 5, 1, 10_000), Restarts.every(6 * 60 * MINUTE));
    RunContext ctx = new Simulation(s, 1).context(0);
    long[] observed = new long[20];
    for (int r = 0; r < 4_000; r++) {
      long start = ctx.startOf(new int[] {r});
      long first = new RestartClock(ctx, new int[] {r}, start).firstDue(0);
      assertThat(first).isBetween(start, start + 6 * 60 * MINUTE - 1);
      observed[(int) ((first - start) * 20 / (6 * 60 * MINUTE))]++;
    }
    double[] expected = new double[20];
    Arrays.fill(expected, 200);
    assertThat(new ChiSquareTest().chiSquareTest(expected, observed, 0.001)).isFalse();
  }

  /**
   * One TTL-honouring cache (TTL 300 s) filled cold by the first of 1,000 Poisson clients at
   * 1 q/s each (Λ = 1 use/ms), a switch at 200 s with no propagation delay: the stale answer
   * lives until its expiry at t0 + 300 s (t0 the first use, within a few ms of 0), so the last
   * stale use comes 100 s after the switch. A restart 30 s after the switch cuts it there: the last
   * stale use is the last use before the restart, 30 s − Exp(Λ); its being more than 30 ms
   * earlier has probability e^-30.
   */
  @Test
  void lastStaleIsCutAtARestartInTheWindow() {
    Scenario s = TestScenarios.singleName(300, 1, 1_000, 1, 400_000, TestScenarios.schedule(200_000),
        new Propagation.Fixed(0), InitialCache.COLD, 5, 1, 1_000);
    double uncut = new Simulation(s, 1).run().events().get(0).metric("lastStale.max").estimate().mean();
    assertThat(uncut).isBetween(100_000.0 - 30, 100_000.0 + 30);

    RunResult cut = new Simulation(restarting(s, Restarts.at(List.of(230_000L))), 1).run();
    assertThat(cut.events().get(0).metric("lastStale.max").estimate().mean()).isBetween(30_000.0 - 30, 29_999.0);
    assertThat(cut.summary().eventByEventBecause())
        .containsKey("resolver restarts (a restart empties the cache at its instant)");
  }

  /**
   * Through the resolver SPI with dnsflip's own model a restart empties the model's cache alike;
   * a farm's restart empties every backend.
   */
  @Test
  void theModelBehindTheSpiAndAFarmRestartAlike() {
    Scenario plain = probe(InitialCache.COLD);
    long p = new Simulation(plain, 1).context(0).phaseMs(0, 0);
    Scenario restarted = restarting(plain, Restarts.at(List.of(p + 7 * MINUTE)));
    ResolverGroup g = restarted.resolverGroups().get(0);
    assertThat(hits(restarted.toBuilder().resolverGroups(List.of(g.withLogic(LogicChoice.MODEL))).build()))
        .isEqualTo(7);
    // A farm of two backends picked at random, restarted at the instant of every use after the first:
    // whichever backend a use reaches, it is empty.
    List<Long> beforeEachUse = new java.util.ArrayList<>();
    for (int k = 1; k <= 9; k++) {
      beforeEachUse.add(p + k * MINUTE);
    }
    assertThat(hits(restarted.toBuilder().resolverGroups(List.of(g.withRestarts(Restarts.at(beforeEachUse))
        .withBackends(2, dev.dnsflip.resolver.BackendChoice.RANDOM))).build()))
        .as("every use after a restart of the whole farm").isZero();
  }

  @Test
  void restartsAreInstantsInOrderOrAPositivePeriod() {
    assertThatThrownBy(() -> Restarts.every(0)).isInstanceOf(ModelRuleException.class);
    assertThatThrownBy(() -> Restarts.at(List.of(5L, 5L))).isInstanceOf(ModelRuleException.class);
    assertThat(Restarts.at(List.of(5L, 9L)).firstAtOrAfter(5, 0)).isEqualTo(5);
    assertThat(Restarts.at(List.of(5L, 9L)).firstAtOrAfter(6, 0)).isEqualTo(9);
    assertThat(Restarts.at(List.of(5L, 9L)).firstAtOrAfter(10, 0)).isEqualTo(Long.MAX_VALUE);
    assertThat(Restarts.every(10).firstAtOrAfter(-25, 3)).isEqualTo(-17);
    assertThat(Restarts.every(10).firstAtOrAfter(13, 3)).isEqualTo(13);
    assertThat(Restarts.every(10).firstAtOrAfter(14, 3)).isEqualTo(23);
  }
}
