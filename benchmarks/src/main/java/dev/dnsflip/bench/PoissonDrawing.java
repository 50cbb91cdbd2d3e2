package dev.dnsflip.bench;

import dev.dnsflip.engine.PoissonDraw;
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
 * One Poisson count ({@link PoissonDraw#sample}), what skipping ahead draws per bucket instead of
 * simulating each use: mean 3 goes by inversion (steps grow with the count), mean 1000 by
 * transformed rejection (a constant few uniforms), so both branches are timed.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PoissonDrawing {
  @Param({"3", "1000"})
  public double mean;

  private SplittableRandom random;

  @Setup
  public void setUp() {
    random = new SplittableRandom(1);
  }

  @Benchmark
  public void sample(Blackhole bh) {
    bh.consume(PoissonDraw.sample(random, mean));
  }
}
