package dev.dnsflip.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every shipped property holds over 30 generated scenarios of its profile (the simulator's laws,
 * determinism and report consistency, on populations the fixed tests do not build), and the laws
 * are not vacuous: some runs come close to their bounds.
 */
class ShippedPropertiesTest {
  private static final int TRIES = 30;
  private static final long SEED = 20_240_611;

  @Test
  void everyShippedPropertyHoldsOverThirtySeeds() {
    for (Property p : Properties.shipped()) {
      Explorer.Result r = new Explorer().explore(List.of(p), SEED, TRIES);
      assertThat(r.failure()).as("%s: %s", p.name(), r.failure() == null ? "" : r.failure().violation().describe()
          + " (case seed " + r.failure().caseSeed() + ")").isNull();
      assertThat(r.tallies()).singleElement().isEqualTo(new Explorer.Tally(p.name(), TRIES, TRIES, TRIES));
    }
  }

  /** A bound nothing comes near would pass whatever the simulator did. */
  @Test
  void theTtlAndFloorLawsAreReachedWithinTenPercent() {
    for (BoundProperty p : List.of(BoundProperty.ttlBound(), BoundProperty.floorBound())) {
      int close = 0;
      for (int i = 0; i < TRIES; i++) {
        Scenario s = new ScenarioGenerator().generate(Explorer.caseSeed(SEED, i), p.profile());
        Trial t = new Trial(s);
        RunResult result = t.result();
        List<StaleBounds.EventBound> bounds = p.name().equals("ttl-bound")
            ? StaleBounds.replacedTtl(s, t.table()) : StaleBounds.chain(s, t.table());
        for (EventReport e : result.events()) {
          long bound = bounds.get(e.index()).boundMs() + result.summary().maxPropagationDelayMs();
          double last = e.metric("lastStale.max").estimate().max();
          if (bound < e.windowEndMs() - e.atMs() && last >= 0.9 * bound) {
            close++;
          }
        }
      }
      assertThat(close).as(p.name()).isGreaterThanOrEqualTo(3);
    }
  }
}
