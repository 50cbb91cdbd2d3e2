package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The warning before a run whose window ends before the longest tail: at the edge, a window as
 * long as the bound (exclusive: every stale use comes before it) is enough, 1 ms less is not.
 */
class WindowWarningTest {
  /** Auto TTL 60 s, no propagation delay, TTL-honouring resolvers: the tail ends before 60 s. */
  private static Scenario scenario(String duration, String extra) throws Exception {
    return ScenarioLoader.parse("""
        name: w
        duration: %s
        account:
          autoTtl: 60
          propagation: { fixed: 0s }
          zones:
            - name: example.com
              soa: { ttl: 3600, minimum: 600 }
              records:
                - { name: www, type: A, content: 192.0.2.1, proxied: true }
        resolvers:
          - { name: isp, count: 1%s }
        clients:
          - { name: c, count: 1, queriesPerMinute: 1, questions: [ { name: www.example.com } ] }
        switches:
          - { at: 1m, action: enable }
        """.formatted(duration, extra), "w.yaml");
  }

  private static List<String> warnings(Scenario s) {
    return WindowWarning.of(s, new Simulation(s, 1).table());
  }

  @Test
  void aWindowAsLongAsTheTtlIsEnoughAndOneMillisecondLessIsNot() throws Exception {
    assertThat(warnings(scenario("120s", ""))).isEmpty();
    assertThat(warnings(scenario("119999ms", ""))).containsExactly("switch 1 (enable): its window (59.999s) ends "
        + "before the longest tail the scenario allows, 1m 0s (resolver group isp (ttl-honouring) with client group c (plain), the "
        + "slowest propagation included): figures it cuts short show as lower bounds (≥); a longer duration or a "
        + "later next switch sees the tail end");
  }

  @Test
  void aTtlFloorLengthensTheTail() throws Exception {
    Scenario floored = scenario("10m", ", clamps: { minTtl: 3600 }");
    assertThat(warnings(floored)).singleElement().asString().contains("1h 0m 0s");
  }
}
