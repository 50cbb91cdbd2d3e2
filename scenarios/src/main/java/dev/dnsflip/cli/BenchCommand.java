package dev.dnsflip.cli;

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
    Benchmark.run(Benchmark.scenario(clients, resolvers), workers); // warm-up
    double[] rates = new double[runs];
    long peak = 0;
    long queries = 0;
    for (int i = 0; i < runs; i++) {
      Benchmark.Figures f = Benchmark.run(Benchmark.scenario(clients, resolvers), workers);
      rates[i] = f.queriesPerSecond();
      peak = Math.max(peak, f.peakHeapBytes());
      queries = f.queries();
      out.printf("run %d: %,d queries in %.2f s%n", i + 1, f.queries(), f.seconds());
      out.flush();
    }
    Arrays.sort(rates);
    out.printf("%d queries/s (median of %d runs; best %d)%n", Math.round(rates[runs / 2]), runs,
        Math.round(rates[runs - 1]));
    out.printf("%d queries/s per thread (median)%n", Math.round(rates[runs / 2] / workers));
    out.printf("peak heap %d MB (max heap %d MB)%n", peak >> 20, Runtime.getRuntime().maxMemory() >> 20);
    out.printf("simulated queries per run: %,d%n", queries);
    out.flush();
    return Main.OK;
  }
}
