package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.resolver.InitialCache;
import org.junit.jupiter.api.Test;

/** The cost of a run before it starts, and the refusals at the edge of heap, work and array size. */
class RunBudgetTest {
  private static Scenario scenario(int clients, double qps, InitialCache init, long... switches) {
    return TestScenarios.singleName(300, 10, clients, qps, 600_000, TestScenarios.schedule(switches),
        new Propagation.Fixed(0), init, 1, 2, 5_000);
  }

  private static RunBudget budget(Scenario s) {
    return RunBudget.of(new Simulation(s, 1), 2);
  }

  @Test
  void queriesAreClientsTimesRateTimesSimulatedTimeTimesReplications() {
    // 1,000 clients at 0.5 q/s over 600 s, twice; a cold start simulates nothing before 0, and a
    // plain scenario's stationary start neither.
    assertThat(budget(scenario(1_000, 0.5, InitialCache.COLD, 60_000)).queries()).isCloseTo(600_000, within(1e-6));
    assertThat(budget(scenario(1_000, 0.5, InitialCache.STEADY, 60_000)).queries()).isCloseTo(600_000, within(1e-6));
    // A warm-up of 10 minutes doubles the span.
    assertThat(budget(scenario(1_000, 0.5, InitialCache.warmup(600_000), 60_000)).queries())
        .isCloseTo(1_200_000, within(1e-6));
  }

  @Test
  void memoryGrowsWithClientsAndSwitchEvents() {
    RunBudget one = budget(scenario(100_000, 0.1, InitialCache.COLD, 60_000));
    RunBudget two = budget(scenario(200_000, 0.1, InitialCache.COLD, 60_000));
    RunBudget events = budget(scenario(100_000, 0.1, InitialCache.COLD, 60_000, 120_000));
    // Each client holds three longs per event and three ints.
    assertThat(two.bytes() - one.bytes()).isEqualTo(100_000L * (24 + 12));
    assertThat(events.bytes() - one.bytes()).isGreaterThanOrEqualTo(100_000L * 24);
    assertThat(one.cells()).isEqualTo(100_000);
    assertThat(events.cells()).isEqualTo(200_000);
  }

  @Test
  void refusesAtTheEdgeOfHeapWorkAndArraySize() {
    RunBudget b = new RunBudget(1_000, 5e9, RunBudget.MAX_ARRAY);
    assertThat(b.refusal(1_000, 5e9)).isEmpty();
    assertThat(b.refusal(999, 5e9)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("the run needs about 0 MiB of memory, more than the 0 MiB this Java may use"));
    assertThat(b.refusal(1_000, 4.99e9)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("the run would simulate about 5.00e+09 queries, more than the 4.99e+09 allowed"));
    assertThat(new RunBudget(1_000, 1, RunBudget.MAX_ARRAY + 1).refusal(1_000, 5e9)).hasValueSatisfying(r ->
        assertThat(r).startsWith("2,147,483,640 clients × switch events are more cells than one array holds"));
  }

  @Test
  void sizesAreWrittenInTheLargestFittingUnit() {
    assertThat(RunBudget.size(3L << 29)).isEqualTo("1.5 GiB");
    assertThat(RunBudget.size(200L << 20)).isEqualTo("200 MiB");
  }
}
