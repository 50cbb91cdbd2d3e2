package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** "Clients still stale after X" exists only where the event's window reaches X. */
class UnmeasurableMetricTest {
  private static RunResult run(long durationMs, long switchAtMs) {
    Scenario s = new Scenario("horizons", "", 3, 1, durationMs, 5_000, InitialCache.STEADY,
        TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
            TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of()), 2, new Propagation.Fixed(0),
        TestScenarios.schedule(switchAtMs),
        List.of(new ResolverGroup("r", 5, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null, Origin.of("r"))),
        List.of(new ClientGroup("c", 50, 1.0 / 60, Map.of(),
            List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)),
            ClientBehaviour.PLAIN, Origin.of("c"))),
        List.of(), List.of());
    return new Simulation(s, 1).run();
  }

  @Test
  void aHorizonAtOrPastTheWindowEndIsLeftOutNotReportedAsZero() {
    // Window exactly 1 h: a client stale at >= 1 h could only be seen after the window.
    EventReport exact = run(3_660_000, 60_000).events().get(0);
    assertThat(exact.find("clientsStaleAfter.15m")).isPresent();
    assertThat(exact.find("clientsStaleAfter.1h")).isEmpty();

    // One bucket longer and the horizon is inside the window.
    EventReport longer = run(3_665_000, 60_000).events().get(0);
    assertThat(longer.find("clientsStaleAfter.1h")).isPresent();

    // 15 min window: 15m and 1h are out, 5m is in.
    EventReport shortWindow = run(960_000, 60_000).events().get(0);
    assertThat(shortWindow.find("clientsStaleAfter.5m")).isPresent();
    assertThat(shortWindow.find("clientsStaleAfter.15m")).isEmpty();
  }
}
