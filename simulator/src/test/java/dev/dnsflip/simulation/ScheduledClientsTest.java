package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Clients on fixed schedules: one use every period, at phase + k·period, the phase uniform per client. */
class ScheduledClientsTest {
  private static Scenario scenario(int clients, long everyMs, long durationMs, InitialCache init) {
    return Scenario.builder().name("scheduled").seed(11).replications(1).durationMs(durationMs)
        .bucketMs(Math.min(durationMs, 10_000)).initialCache(init)
        .account(TestScenarios.account(60, List.of(TestScenarios.zone("example.com",
            TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of()))
        .propagation(Propagation.DEFAULT).schedule(TestScenarios.schedule())
        .resolverGroups(List.of(new ResolverGroup("r", 3)))
        .clientGroups(List.of(new ClientGroup("probes", clients, 1, Map.of(),
            List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1))).withEvery(everyMs)))
        .build();
  }

  /**
   * A client with phase p uses its question at p, p + N, ...; over the counted window [0, D) those
   * are the k with p + kN <= D - 1, i.e. floor((D - 1 - p) / N) + 1 uses (p < N <= D). With N = 10 ms
   * and D = 1003 ms, phases 0, 1 and 2 give 101 uses and phases 3 to 9 give 100: both edges of the
   * window are crossed by some of the 200 clients.
   */
  @Test
  void eachClientUsesItsQuestionOncePerPeriodFromItsPhase() {
    long every = 10;
    long duration = 1_003;
    for (InitialCache init : List.of(InitialCache.COLD, InitialCache.STEADY, InitialCache.warmup(25))) {
      Simulation simulation = new Simulation(scenario(200, every, duration, init), 1, Mode.AUTO);
      RunContext ctx = simulation.context(0);
      long expected = 0;
      boolean[] seen = new boolean[(int) every];
      for (int c = 0; c < 200; c++) {
        long phase = ctx.phaseMs(0, c);
        seen[(int) phase] = true;
        expected += Math.floorDiv(duration - 1 - phase, every) + 1;
      }
      assertThat(seen).as("every phase of [0, 10 ms) occurs among 200 clients").containsOnly(true);

      RunResult result = simulation.run();

      assertThat(result.summary().queries()).as(init.mode().toString()).isEqualTo(expected);
      assertThat(result.summary().eventByEventBecause())
          .containsKey("clients on fixed schedules (their uses are periodic, not a Poisson process)");
      assertThat(new Simulation(scenario(200, every, duration, init), 2, Mode.AUTO).run())
          .as("the same run on two threads").isEqualTo(result);
    }
  }

  /** The first use at or after the start: a use exactly at the start when the phase falls on it, else one period on. */
  @Test
  void theFirstUseIsAtTheStartWhenThePhaseFallsOnIt() {
    Simulation simulation = new Simulation(scenario(50, 60_000, 600_000, InitialCache.COLD), 1);
    RunContext ctx = simulation.context(0);
    assertThat(ctx.startMs).isZero();
    for (int c = 0; c < 50; c++) {
      assertThat(ctx.firstUseMs(0, c, ctx.startMs)).isEqualTo(ctx.phaseMs(0, c));
    }
    Simulation warm = new Simulation(scenario(50, 60_000, 600_000, InitialCache.warmup(90_000)), 1);
    RunContext steady = warm.context(0);
    assertThat(steady.startMs).as("a warm-up runs before time 0").isEqualTo(-90_000);
    for (int c = 0; c < 50; c++) {
      long first = steady.firstUseMs(0, c, steady.startMs);
      long phase = steady.phaseMs(0, c);
      assertThat(first).isBetween(steady.startMs, steady.startMs + 60_000 - 1);
      assertThat(Math.floorMod(first - phase, 60_000L)).isZero();
    }
  }

  /**
   * Phases uniform over the 600,000 ms of a 10-minute period: 20,000 clients in 20 bins of 30 s
   * (1,000 expected each), chi-square at α = 0.001 with a fixed seed.
   */
  @Test
  void phasesAreUniformOverThePeriod() {
    Simulation simulation = new Simulation(scenario(20_000, 600_000, 3_600_000, InitialCache.COLD), 1);
    RunContext ctx = simulation.context(0);
    long[] observed = new long[20];
    for (int c = 0; c < 20_000; c++) {
      long phase = ctx.phaseMs(0, c);
      assertThat(phase).isBetween(0L, 599_999L);
      observed[(int) (phase / 30_000)]++;
    }
    double[] expected = new double[20];
    java.util.Arrays.fill(expected, 1_000);
    assertThat(new ChiSquareTest().chiSquareTest(expected, observed, 0.001)).as("uniform rejected at α = 0.001")
        .isFalse();
  }

  @Test
  void aPeriodSetsTheMeanRateAndMustBePositive() {
    ClientGroup g = scenario(1, 600_000, 3_600_000, InitialCache.COLD).clientGroups().get(0);
    assertThat(g.queriesPerSecond()).isEqualTo(1.0 / 600);
    assertThat(g.isScheduled()).isTrue();
    assertThat(g.withEvery(0).isScheduled()).isFalse();
    assertThatThrownBy(() -> g.withEvery(-1)).isInstanceOf(ModelRuleException.class);
  }
}
