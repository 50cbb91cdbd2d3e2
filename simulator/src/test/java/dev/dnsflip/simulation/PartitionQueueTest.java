package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import org.junit.jupiter.api.Test;

/**
 * Workers hand partitions of one replication and then of the next: a worker's own sums belong to
 * the replication they came from, whenever the last partitions of it were taken by others. Many
 * small partitions of unequal work and several replications on 4 workers give every interleaving a
 * chance; each run must equal the one-thread run. (Before the sums were settled on leaving a
 * replication, a worker that turned to the next one carried the first one's sums with it.)
 */
class PartitionQueueTest {
  @Test
  void everyReplicationGetsExactlyItsOwnSumsWhateverTheInterleaving() {
    Scenario s = TestScenarios.singleName(20, 300, 900, 1.0 / 5, 240_000, TestScenarios.schedule(60_000),
        new Propagation.Fixed(0), InitialCache.STEADY, 5, 6, 5_000);
    RunResult one = new Simulation(s, 1, Mode.EVENTS).run();
    for (int i = 0; i < 25; i++) {
      assertThat(new Simulation(s, 4, Mode.EVENTS).run()).as("run %d on 4 threads", i).isEqualTo(one);
    }
  }
}
