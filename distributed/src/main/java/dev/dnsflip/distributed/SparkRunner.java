package dev.dnsflip.distributed;

import dev.dnsflip.cli.DistributedRunner;
import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.scenarios.ScenarioWriter;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.PartitionOutcome;
import dev.dnsflip.simulation.PartitionRange;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;

/**
 * Runs a simulation as one Spark job: a task per range of partitions of a replication, each
 * rebuilding the scenario from its text (so no model class travels), merged on the driver in the
 * order a local run merges. Found by the CLI as a {@link DistributedRunner}.
 */
public final class SparkRunner implements DistributedRunner {
  /** Ranges per worker slot: uneven partitions even out, as the local run's chunks do. */
  private static final int RANGES_PER_SLOT = 4;
  /** The file name a scenario's text is parsed under, on the executors. */
  private static final String TEXT_NAME = "scenario.yaml";

  @Override
  public RunResult run(Simulation simulation, String master) throws Refused {
    try (JavaSparkContext spark = SparkSessions.start(master)) {
      return run(spark, simulation);
    }
  }

  /** Runs on a context someone else started (spark-submit's, or a test's). */
  public static RunResult run(JavaSparkContext spark, Simulation simulation) {
    String text = textOf(simulation.scenario());
    List<PartitionRange> ranges = ranges(simulation, spark.defaultParallelism() * RANGES_PER_SLOT);
    Broadcast<String> scenario = spark.broadcast(text);
    try {
      List<PartitionOutcome> outcomes = spark.parallelize(ranges, ranges.size()).map(new RangeTask(scenario, simulation.mode())).collect();
      return simulation.merge(outcomes);
    } finally {
      scenario.destroy();
    }
  }

  /**
   * About {@code target} ranges in all, at least one per replication, each a contiguous run of
   * partitions, in (replication, partition) order.
   */
  static List<PartitionRange> ranges(Simulation simulation, int target) {
    int replications = simulation.scenario().replications();
    int partitions = simulation.partitionCount();
    int perReplication = Math.min(partitions, Math.max(1, (target + replications - 1) / replications));
    List<PartitionRange> ranges = new ArrayList<>();
    for (int rep = 0; rep < replications; rep++) {
      for (int c = 0; c < perReplication; c++) {
        int from = (int) ((long) partitions * c / perReplication);
        int to = (int) ((long) partitions * (c + 1) / perReplication);
        ranges.add(new PartitionRange(rep, from, to));
      }
    }
    return ranges;
  }

  /**
   * The scenario as the text every task parses, checked to read back to an equal scenario: an
   * imported account is written out in full and the seed and replications are the ones in force,
   * so an executor needs no file of the user's. Without its expectations: the driver checks them,
   * and their locations name the user's file, which the text is not.
   */
  static String textOf(Scenario scenario) {
    scenario = scenario.toBuilder().expectations(List.of()).build();
    String text = ScenarioWriter.write(scenario, List.of());
    Scenario read;
    try {
      read = ScenarioLoader.parse(text, TEXT_NAME);
    } catch (InputException e) {
      throw new IllegalStateException("the written scenario does not read back: " + e.getMessage(), e);
    }
    if (!read.equals(scenario)) {
      throw new IllegalStateException("the written scenario reads back to a different one");
    }
    return text;
  }

  /** One range, on an executor: the scenario from its text, then the range as a local run would. */
  private static final class RangeTask implements Function<PartitionRange, PartitionOutcome> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<String> scenario;
    private final Mode mode;

    RangeTask(Broadcast<String> scenario, Mode mode) {
      this.scenario = scenario;
      this.mode = mode;
    }

    @Override
    public PartitionOutcome call(PartitionRange range) throws InputException {
      return new Simulation(ScenarioLoader.parse(scenario.value(), TEXT_NAME), 1, mode).run(range);
    }
  }
}
