package dev.dnsflip.cli;

import dev.dnsflip.simulation.Scenario;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dnsflip bench}: the fixed benchmark scenario (see {@link Benchmark}); one warm-up run for
 * the JIT, then timed runs. Figures depend on the machine: quote them with its description.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the fixed benchmark (1,000,000 clients, 1,000 resolvers, 1 simulated hour) and print "
        + "simulated client queries per second and peak heap.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors)")
  Integer threads;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "timed runs after one warm-up (default: 3)")
  int runs;

  @Option(names = "--clients", paramLabel = "N", defaultValue = "" + Benchmark.CLIENTS, hidden = true)
  int clients;

  @Option(names = "--resolvers", paramLabel = "N", defaultValue = "" + Benchmark.RESOLVERS, hidden = true)
  int resolvers;

  @Option(names = "--spi", description = "also run the same scenario with every cache through the resolver SPI "
      + "(logic: model), runs interleaved with the built-in path's, and print both")
  boolean spi;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || runs < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --runs must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    out.printf("bench: %,d clients, %,d TTL-honouring resolvers, 1 proxied name, 1 query/client/min, Auto TTL 300 s, "
        + "enable at 10 min, 1 simulated hour; %d thread(s), %d processor(s), Java %s%n", clients, resolvers, workers,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    out.flush();
    Scenario builtIn = Benchmark.scenario(clients, resolvers);
    Scenario throughSpi = Benchmark.throughSpi(builtIn);
    Benchmark.run(builtIn, workers); // warm-up
    if (spi) {
      Benchmark.run(throughSpi, workers);
    }
    double[] rates = new double[runs];
    double[] spiRates = new double[runs];
    long peak = 0;
    long queries = 0;
    for (int i = 0; i < runs; i++) {
      Benchmark.Figures f = Benchmark.run(builtIn, workers);
      rates[i] = f.queriesPerSecond();
      peak = Math.max(peak, f.peakHeapBytes());
      queries = f.queries();
      out.printf("run %d: %,d queries in %.2f s%n", i + 1, f.queries(), f.seconds());
      if (spi) {
        // Interleaved, so both paths meet the same machine load.
        Benchmark.Figures g = Benchmark.run(throughSpi, workers);
        spiRates[i] = g.queriesPerSecond();
        out.printf("run %d through the SPI: %,d queries in %.2f s%n", i + 1, g.queries(), g.seconds());
      }
      out.flush();
    }
    Arrays.sort(rates);
    Arrays.sort(spiRates);
    out.printf("%d queries/s (median of %d runs; best %d)%n", Math.round(rates[runs / 2]), runs,
        Math.round(rates[runs - 1]));
    out.printf("%d queries/s per thread (median)%n", Math.round(rates[runs / 2] / workers));
    if (spi) {
      out.printf("%d queries/s through the SPI, logic: model (median of %d runs; best %d): %.0f%% of the built-in path%n",
          Math.round(spiRates[runs / 2]), runs, Math.round(spiRates[runs - 1]), 100 * spiRates[runs / 2] / rates[runs / 2]);
    }
    out.printf("peak heap %d MB (max heap %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    out.printf("simulated queries per run: %,d%n", queries);
    out.flush();
    return Main.OK;
  }
}
