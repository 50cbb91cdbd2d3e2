package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Ranges of partitions run apart and merged give exactly the local run's result. */
class PartitionRangeTest {
  /**
   * Three resolvers asking the authority and five forwarding to them (so a range's clients are
   * not one id range), a plain client group and one with a cache and connections, two switches,
   * two replications.
   */
  private static Scenario scenario() {
    WeightedQuestion www = new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1);
    return new Scenario("ranges", "", 7, 2, 1_800_000, 5_000, InitialCache.STEADY,
        TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
            TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of()), 2, Propagation.DEFAULT,
        TestScenarios.schedule(300_000, 1_200_000),
        List.of(new ResolverGroup("root", 3, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null,
                Origin.of("root")),
            new ResolverGroup("fwd", 5, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, "root",
                Origin.of("fwd"))),
        List.of(new ClientGroup("plain", 200, 1.0 / 30, Map.of(), List.of(www), ClientBehaviour.PLAIN,
                Origin.of("plain")),
            new ClientGroup("jvm", 100, 1.0 / 20, Map.of(), List.of(www),
                new ClientBehaviour(new ClientCache.Fixed(30, 10), 60_000, false), Origin.of("jvm"))),
        List.of(), List.of());
  }

  @Test
  void partitionsAreTheResolversThatAskTheAuthority() {
    assertThat(new Simulation(scenario(), 1).partitionCount()).isEqualTo(3);
  }

  @Test
  void rangesMergedInAnyOrderEqualTheLocalRun() {
    Simulation simulation = new Simulation(scenario(), 1);
    List<PartitionOutcome> outcomes = new ArrayList<>();
    // Backwards, and cut differently in each replication.
    outcomes.add(simulation.run(new PartitionRange(1, 2, 3)));
    outcomes.add(simulation.run(new PartitionRange(1, 0, 2)));
    outcomes.add(simulation.run(new PartitionRange(0, 1, 3)));
    outcomes.add(simulation.run(new PartitionRange(0, 0, 1)));

    RunResult merged = simulation.merge(outcomes);

    RunResult local = new Simulation(scenario(), 2).run();
    assertThat(local.summary().queries()).as("the run simulated something").isPositive();
    assertThat(merged).isEqualTo(local);
  }

  @Test
  void anOutcomeSurvivesSerialisation() throws IOException, ClassNotFoundException {
    Simulation simulation = new Simulation(scenario(), 1);
    List<PartitionOutcome> outcomes = new ArrayList<>();
    for (int rep = 0; rep < 2; rep++) {
      outcomes.add(roundTrip(simulation.run(new PartitionRange(rep, 0, 3))));
    }

    assertThat(simulation.merge(outcomes)).isEqualTo(simulation.run());
  }

  @Test
  void mergeRefusesAMissingOrRepeatedRange() {
    Simulation simulation = new Simulation(scenario(), 1);
    PartitionOutcome rep0 = simulation.run(new PartitionRange(0, 0, 3));
    PartitionOutcome rep1Head = simulation.run(new PartitionRange(1, 0, 2));
    PartitionOutcome rep1Tail = simulation.run(new PartitionRange(1, 2, 3));

    assertThatThrownBy(() -> simulation.merge(List.of(rep0, rep1Head)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("replication 1: 2 of 3 partitions merged");
    assertThatThrownBy(() -> simulation.merge(List.of(rep0, rep1Head, rep1Head, rep1Tail)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replication 1: partitions from 2 missing or twice");
    assertThatThrownBy(() -> simulation.merge(List.of(rep0, rep1Head, rep1Tail, simulation.run(new PartitionRange(2, 0, 3)))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the 2 replications");
  }

  @Test
  void aRangeMustHoldPartitionsThatExist() {
    Simulation simulation = new Simulation(scenario(), 1);

    assertThat(simulation.run(new PartitionRange(0, 2, 3)).range()).isEqualTo(new PartitionRange(0, 2, 3));
    assertThatThrownBy(() -> simulation.run(new PartitionRange(0, 2, 4)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("past the 3 partitions");
    assertThatThrownBy(() -> new PartitionRange(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PartitionRange(-1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  private static PartitionOutcome roundTrip(PartitionOutcome outcome) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(outcome);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (PartitionOutcome) in.readObject();
    }
  }
}
