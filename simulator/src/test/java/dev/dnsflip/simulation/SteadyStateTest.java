package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.resolver.InitialCache;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;
import org.junit.jupiter.api.Test;

/**
 * Caches start in their stationary state, so the stale curve does not depend on where the
 * switch falls relative to the start: a switch at exactly 2T and one at 2T + T/3 agree, and both
 * match the closed form. A cold start, by contrast, is phase-locked: it fails the same check,
 * which shows the check can fail.
 */
class SteadyStateTest {
  private static final long TTL_S = 10;
  private static final long T = TTL_S * 1000;
  private static final double LAMBDA_T = 50;
  private static final int BATCHES = 30;

  /** Stale share of uses in [0, T/2) after the switch, one value per batch of replications. */
  private static SummaryStatistics firstHalfShare(long switchAt, InitialCache init) {
    SummaryStatistics s = new SummaryStatistics();
    for (int seed = 1; seed <= BATCHES; seed++) {
      Scenario scenario = TestScenarios.singleName(TTL_S, 1, 1, LAMBDA_T / TTL_S, switchAt + 2 * T,
          TestScenarios.schedule(switchAt), new Propagation.Fixed(0), init, seed * 1000L + switchAt, 100, T / 2);
      StaleSeries series = new Simulation(scenario, 1).run().events().get(0).series();
      s.addValue(series.share(0));
    }
    return s;
  }

  @Test
  void switchAtAMultipleOfTheTtlLooksLikeAnyOtherSwitch() {
    SummaryStatistics onMultiple = firstHalfShare(2 * T, InitialCache.STEADY);
    SummaryStatistics offMultiple = firstHalfShare(2 * T + T / 3, InitialCache.STEADY);
    double h = LAMBDA_T / (1 + LAMBDA_T);
    double expected = h * (1 - 0.25); // mean of 1 − x/T over [0, T/2)
    assertThat(onMultiple.getMean()).isCloseTo(expected, within(Samples.halfWidth(onMultiple, 0.001)));
    assertThat(offMultiple.getMean()).isCloseTo(expected, within(Samples.halfWidth(offMultiple, 0.001)));
    assertThat(new TTest().tTest(onMultiple, offMultiple, 0.001)).as("difference significant at 0.1%").isFalse();
  }

  @Test
  void coldCachesArePhaseLockedAndFailTheSameCheck() {
    SummaryStatistics cold = firstHalfShare(2 * T, InitialCache.COLD);
    SummaryStatistics steady = firstHalfShare(2 * T + T / 3, InitialCache.STEADY);
    assertThat(new TTest().tTest(cold, steady, 0.001)).isTrue();
  }
}
