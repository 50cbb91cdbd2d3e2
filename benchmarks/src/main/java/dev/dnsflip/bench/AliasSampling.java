package dev.dnsflip.bench;

import dev.dnsflip.engine.AliasTable;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One weighted question draw ({@link AliasTable#sample}), taken per query event by event: should
 * cost one random number and two array reads whatever the number of questions. Zipf weights (s = 1),
 * the shape of real query popularity, so the alias branch is taken as often as it would be.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class AliasSampling {
  @Param("1000")
  public int questions;

  private AliasTable table;
  private SplittableRandom random;

  @Setup
  public void setUp() {
    double[] weights = new double[questions];
    for (int i = 0; i < questions; i++) {
      weights[i] = 1.0 / (i + 1);
    }
    table = new AliasTable(weights);
    random = new SplittableRandom(1);
  }

  @Benchmark
  public void sample(Blackhole bh) {
    bh.consume(table.sample(random));
  }
}
