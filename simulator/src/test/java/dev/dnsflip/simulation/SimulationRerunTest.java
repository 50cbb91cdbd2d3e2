package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** A simulation keeps nothing between runs: running it again gives the same result, not a sum. */
class SimulationRerunTest {
  /** Two switches, two replications, a plain group and one with a client cache and connections. */
  private static Scenario scenario() {
    return new Scenario("rerun", "", 11, 2, 1_800_000, 5_000, InitialCache.STEADY,
        TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
            TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of()), 2, Propagation.DEFAULT,
        TestScenarios.schedule(300_000, 1_200_000),
        List.of(new ResolverGroup("r", 4, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null, Origin.of("r"))),
        List.of(new ClientGroup("plain", 200, 1.0 / 30, Map.of(),
                List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)),
                ClientBehaviour.PLAIN, Origin.of("plain")),
            new ClientGroup("jvm", 100, 1.0 / 20, Map.of(),
                List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)),
                new ClientBehaviour(new ClientCache.Fixed(30, 10), 60_000, false), Origin.of("jvm"))),
        List.of(), List.of());
  }

  @Test
  void runningTheSameSimulationTwiceGivesEqualResults() {
    Simulation simulation = new Simulation(scenario(), 2);

    RunResult first = simulation.run();
    RunResult second = simulation.run();

    assertThat(first.summary().queries()).as("the run simulated something").isPositive();
    assertThat(first.events()).hasSize(2);
    assertThat(second).isEqualTo(first);
    assertThat(second.summary().queries()).isEqualTo(first.summary().queries());
  }

  @Test
  void aRerunEqualsARunOfAFreshSimulation() {
    Simulation simulation = new Simulation(scenario(), 1);
    simulation.run();

    assertThat(simulation.run()).isEqualTo(new Simulation(scenario(), 3).run());
  }
}
