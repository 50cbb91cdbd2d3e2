package dev.dnsflip.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.PartitionRange;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A run as a Spark job (local[2], one context for the class) reports exactly what the local run does. */
class SparkRunnerTest {
  private static final Path SUITES = Path.of("../scenarios/suites");
  private static JavaSparkContext spark;

  @BeforeAll
  static void startSpark() throws Exception {
    spark = SparkSessions.start("local[2]");
  }

  @AfterAll
  static void stopSpark() {
    spark.close();
  }

  /** report.json of the local run and of the Spark run, for the scenario file as given. */
  private static void assertSameReport(LoadedScenario loaded) {
    Scenario scenario = loaded.scenario();
    String local = JsonReport.render(loaded.report(new Simulation(scenario, 2).run()));
    String distributed = JsonReport.render(loaded.report(SparkRunner.run(spark, new Simulation(scenario, 1))));
    assertThat(distributed).isEqualTo(local);
  }

  @Test
  void theDefaultSuiteReportsByteForByteWhatTheLocalRunDoes() throws InputException {
    LoadedScenario loaded = ScenarioLoader.read(SUITES.resolve("default.yaml"));
    // Several ranges per replication, so the merge really puts pieces together.
    assertThat(SparkRunner.ranges(new Simulation(loaded.scenario(), 1), spark.defaultParallelism() * 4)).hasSize(8);

    assertSameReport(loaded);
  }

  @Test
  void replicationsForwardersAndClientCachesToo() throws InputException {
    // resolver-mix: forwarders (a range's clients are several id runs), client caches, farms.
    LoadedScenario loaded = ScenarioLoader.read(SUITES.resolve("resolver-mix.yaml"));
    LoadedScenario two = loaded.withScenario(loaded.scenario().withReplications(2).withSeed(5));

    assertSameReport(two);
  }

  @Test
  void anImportedAccountTravelsAsTextWithoutItsFiles() throws InputException {
    LoadedScenario loaded = ScenarioLoader.read(SUITES.resolve("imported.yaml"));

    assertThat(SparkRunner.textOf(loaded.scenario())).doesNotContain("import:").contains("example.org");
    assertSameReport(loaded);
  }

  @Test
  void rangesCoverEveryPartitionOfEveryReplicationOnce() throws InputException {
    Simulation simulation = new Simulation(ScenarioLoader.load(SUITES.resolve("default.yaml")).withReplications(3), 1);
    int partitions = simulation.partitionCount();
    assertThat(partitions).isEqualTo(200);

    // Fewer wanted than replications: still one per replication.
    assertThat(SparkRunner.ranges(simulation, 1)).containsExactly(
        new PartitionRange(0, 0, 200), new PartitionRange(1, 0, 200), new PartitionRange(2, 0, 200));
    // 7 wanted over 3 replications: 3 each, the remainder spread inside.
    assertThat(SparkRunner.ranges(simulation, 7)).startsWith(
        new PartitionRange(0, 0, 66), new PartitionRange(0, 66, 133), new PartitionRange(0, 133, 200),
        new PartitionRange(1, 0, 66)).hasSize(9);
    // More wanted than partitions: one partition per range, no empty range.
    List<PartitionRange> fine = SparkRunner.ranges(simulation, 3 * 200 + 3);
    assertThat(fine).hasSize(3 * 200).allMatch(r -> r.to() == r.from() + 1);
  }
}
