package dev.dnsflip.cli;

import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A whole run of a small bench scenario (the fixed one's shape: one proxied name, one query a
 * client a minute, enable at 10 minutes, one hour; 10,000 clients, about 600,000 queries) on one
 * thread, event by event and skipping ahead, and the limit loop ({@link LimitLoop}, hence this
 * package: it is package-private) on exactly as many queries as the run counted. The three times
 * per operation give both ratios of {@code dnsflip bench} side by side, under one JIT and load;
 * whole runs include building the population and observing, which the loop does not do.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class BenchScenarioRun {
  @Param("10000")
  public int clients;

  @Param("100")
  public int resolvers;

  private Scenario scenario;
  private long queries;

  @Setup
  public void setUp() {
    // Benchmark here is JMH's annotation: the bench scenario's class by its full name.
    scenario = dev.dnsflip.cli.Benchmark.scenario(clients, resolvers);
    queries = new Simulation(scenario, 1, Mode.EVENTS).run().summary().queries();
  }

  @Benchmark
  public void events(Blackhole bh) {
    bh.consume(new Simulation(scenario, 1, Mode.EVENTS).run());
  }

  @Benchmark
  public void skip(Blackhole bh) {
    bh.consume(new Simulation(scenario, 1, Mode.SKIP).run());
  }

  @Benchmark
  public void limitLoop(Blackhole bh) {
    bh.consume(LimitLoop.queriesPerSecond(queries, clients, resolvers, 1));
  }
}
