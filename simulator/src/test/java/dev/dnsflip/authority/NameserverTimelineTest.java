package dev.dnsflip.authority;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.simulation.TestScenarios;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NameserverTimelineTest {
  @Test
  void settingChangesExactlyAtArrival() {
    NameserverTimeline t = new NameserverTimeline(TestScenarios.schedule(10_000, 20_000), new Propagation.Fixed(2_000), 2,
        new SplittableRandom(1));
    assertThat(t.enabledAt(0, 11_999)).isFalse();
    assertThat(t.enabledAt(0, 12_000)).isTrue();
    assertThat(t.enabledAt(1, 21_999)).isTrue();
    assertThat(t.enabledAt(1, 22_000)).isFalse();
    assertThat(t.maxDelayMs()).isEqualTo(2_000);
  }

  @Test
  void aNameserverNeverAppliesAnEventBeforeThePreviousOne() {
    // Enable at 10 s and disable at 11 s with delays up to 60 s: a later event's own delay can be
    // shorter, but a nameserver applies events in order, so it lands no earlier than the first.
    NameserverTimeline t = new NameserverTimeline(TestScenarios.schedule(10_000, 11_000),
        new Propagation.Uniform(0, 60_000), 200, new SplittableRandom(5));
    int clamped = 0;
    for (int ns = 0; ns < 200; ns++) {
      assertThat(t.arrivalMs(ns, 1)).isGreaterThanOrEqualTo(t.arrivalMs(ns, 0));
      if (t.arrivalMs(ns, 1) == t.arrivalMs(ns, 0)) {
        clamped++;
        assertThat(t.enabledAt(ns, t.arrivalMs(ns, 0))).as("both applied at once: disabled").isFalse();
        assertThat(t.enabledAt(ns, t.arrivalMs(ns, 0) - 1)).isFalse();
      }
    }
    assertThat(clamped).as("the ordering rule was exercised").isPositive();
  }

  @Test
  void uniformDelaysStayWithinBounds() {
    NameserverTimeline t = new NameserverTimeline(TestScenarios.schedule(10_000), new Propagation.Uniform(1_000, 5_000),
        50, new SplittableRandom(9));
    for (int ns = 0; ns < 50; ns++) {
      assertThat(t.arrivalMs(ns, 0)).isBetween(11_000L, 15_000L);
    }
  }
}
