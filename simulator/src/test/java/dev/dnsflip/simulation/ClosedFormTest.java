package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The simulator against the closed forms for a TTL cache under Poisson(λ) lookups (Jung, Berger,
 * Balakrishnan 2003): hit ratio H = λT/(1+λT), and after a switch the stale share x later is
 * H·(1 − x/T). Samples are batches: each batch is one run (its own fixed seed) of many
 * replications of a single resolver, pooled; tolerances are Student-t intervals over the batch
 * values at a family-wise 0.1% level.
 */
class ClosedFormTest {
  private static final long TTL_S = 10;
  private static final long T = TTL_S * 1000;
  private static final double ALPHA = 0.001;

  @ParameterizedTest(name = "λT = {0}")
  @ValueSource(doubles = {0.1, 1, 5, 50})
  void hitRatioIsLambdaTOverOnePlusLambdaT(double lambdaT) {
    double ratePerSecond = lambdaT / TTL_S;
    long durationMs = (long) (200 * (T + 1000 / ratePerSecond));
    double expected = lambdaT / (1 + lambdaT);
    int replications = 20;
    SummaryStatistics estimates = new SummaryStatistics();
    for (int seed = 1; seed <= 40; seed++) {
      Scenario s = TestScenarios.singleName(TTL_S, 1, 1, ratePerSecond, durationMs,
          new SwitchSchedule(false, List.of()), new Propagation.Fixed(0), InitialCache.STEADY, seed,
          replications, 1000);
      RunResult r = new Simulation(s, 1).run();
      // E[hits] = λ·D·H exactly for a stationary start (PASTA), so hits / (λD) is unbiased.
      estimates.addValue(r.summary().cacheHits() / (replications * ratePerSecond * durationMs / 1000.0));
    }
    assertThat(estimates.getMean()).isCloseTo(expected, within(Samples.halfWidth(estimates, ALPHA / 4)));
  }

  @Test
  void staleShareAfterSwitchFallsAsHTimesOneMinusXOverT() {
    double lambdaT = 5;
    double h = lambdaT / (1 + lambdaT);
    long switchAt = 100_000;
    long bucket = 1_000;
    int buckets = (int) (T / bucket);
    SummaryStatistics[] share = new SummaryStatistics[buckets + 2];
    for (int b = 0; b < share.length; b++) {
      share[b] = new SummaryStatistics();
    }
    for (int seed = 1; seed <= 40; seed++) {
      // Pooling replications keeps the bucket share unbiased: each replication's share is
      // independent of how many uses it had, given at least one.
      Scenario s = TestScenarios.singleName(TTL_S, 1, 1, lambdaT / TTL_S, switchAt + 2 * T,
          TestScenarios.schedule(switchAt), new Propagation.Fixed(0), InitialCache.STEADY, seed, 500, bucket);
      StaleSeries series = new Simulation(s, 1).run().events().get(0).series();
      for (int b = 0; b < share.length; b++) {
        if (series.uses()[b] > 0) {
          share[b].addValue(series.share(b));
        }
      }
    }
    for (int b = 0; b < buckets; b++) {
      // Given n >= 1 uses in a bucket, they are uniform in it, so the bucket's share is unbiased for
      // H·(1 − mid/T) (mid = the bucket's midpoint).
      double expected = h * (1 - (b + 0.5) * bucket / (double) T);
      assertThat(share[b].getMean()).as("bucket %d", b)
          .isCloseTo(expected, within(Samples.halfWidth(share[b], ALPHA / buckets)));
    }
    // Past T nothing from before the switch can be served: exactly zero.
    assertThat(share[buckets].getN()).isEqualTo(40);
    assertThat(share[buckets].getMax()).isZero();
    assertThat(share[buckets + 1].getMax()).isZero();
  }

  /**
   * Before the mean propagation delay d̄ a miss fetches the old answer too, so every use of a
   * changing slot is stale: the closed form predicts 1 up to 1 ms before d̄, and H·(1 − x/T) from
   * d̄ on (x = bucket midpoint − d̄). 2 ms buckets put the midpoint exactly at d̄ − 1, d̄, d̄ + 1.
   */
  @Test
  void closedFormPredictsEveryUseStaleBeforeTheMeanPropagationDelayAndHFromIt() {
    double lambdaT = 5;
    double h = lambdaT / (1 + lambdaT);
    long delay = 5_000;
    Scenario s = TestScenarios.singleName(TTL_S, 1, 1, lambdaT / TTL_S, 60_000, TestScenarios.schedule(20_000),
        new Propagation.Fixed(delay), InitialCache.STEADY, 1, 1, 2);
    Simulation sim = new Simulation(s, 1);
    long[] offsets = {0, delay - 2, delay - 1, delay, T - 2, T + delay - 1};
    ClosedForm form = new ClosedForm(sim.table(), offsets, 2);
    double[] rates = new double[sim.table().questionCount()];
    rates[0] = lambdaT / T;
    form.add(rates, false, true, delay);
    assertThat(form.predicted(0)).as("at the switch").isEqualTo(1.0);
    assertThat(form.predicted(1)).as("midpoint 1 ms before the delay").isEqualTo(1.0);
    assertThat(form.predicted(2)).as("midpoint at the delay").isEqualTo(h);
    assertThat(form.predicted(3)).as("midpoint 1 ms after the delay").isCloseTo(h * (1 - 1.0 / T), within(1e-12));
    assertThat(form.predicted(4)).as("T − d̄ after the delay").isCloseTo(h * (1 - (T - 1.0 - delay) / T), within(1e-12));
    assertThat(form.predicted(5)).as("a whole TTL after the delay").isZero();
  }

  /** What the closed form now says before the delay is what the simulation does: every use stale. */
  @Test
  void everyUseBeforeAFixedPropagationDelayIsStaleInTheSimulation() {
    long delay = 5_000;
    Scenario s = TestScenarios.singleName(TTL_S, 3, 20, 2, 60_000, TestScenarios.schedule(20_000),
        new Propagation.Fixed(delay), InitialCache.STEADY, 7, 2, 1_000);
    StaleSeries series = new Simulation(s, 1).run().events().get(0).series();
    for (int b = 0; b < delay / 1_000; b++) {
      assertThat(series.uses()[b]).as("bucket %d has uses", b).isPositive();
      assertThat(series.share(b)).as("bucket %d", b).isEqualTo(1.0);
    }
    assertThat(series.share((int) (delay / 1_000))).as("the bucket from the delay on").isLessThan(1.0);
  }
}
