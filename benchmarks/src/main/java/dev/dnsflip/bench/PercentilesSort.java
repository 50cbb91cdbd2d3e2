package dev.dnsflip.bench;

import dev.dnsflip.observe.Percentiles;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Percentiles of a million clients' instants (offsets in ms within one simulated hour), computed
 * per event and replication: {@code radix} is what {@link Percentiles} does (copy, radix sort,
 * one p99 read); {@code comparisonSort} is the {@link Arrays#sort} it replaced, on the same copy,
 * so the gain stays measured.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class PercentilesSort {
  private static final int CLIENTS = 1_000_000;

  private long[] instants;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(1);
    instants = new long[CLIENTS];
    for (int i = 0; i < CLIENTS; i++) {
      instants[i] = random.nextLong(3_600_000);
    }
  }

  @Benchmark
  public void radix(Blackhole bh) {
    bh.consume(new Percentiles(instants, CLIENTS).percentile(99));
  }

  @Benchmark
  public void comparisonSort(Blackhole bh) {
    long[] sorted = Arrays.copyOf(instants, CLIENTS);
    Arrays.sort(sorted);
    bh.consume(sorted[(int) Percentiles.rank(99, CLIENTS) - 1]);
  }
}
