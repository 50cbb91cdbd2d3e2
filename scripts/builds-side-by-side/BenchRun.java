import dev.dnsflip.cli.Benchmark;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;

/** One run of the fixed benchmark in the build this class is loaded with: its time in ns. */
public final class BenchRun {
  private static final Scenario BENCH = Benchmark.scenario(1_000_000, 1_000);

  private BenchRun() {}

  public static long run(int threads, String mode) {
    long start = System.nanoTime();
    new Simulation(BENCH, threads, Mode.valueOf(mode)).run();
    return System.nanoTime() - start;
  }
}
