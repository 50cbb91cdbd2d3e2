package dev.dnsflip.cli;

import dev.dnsflip.format.InputException;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.RunBudget;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code dnsflip bench}: the fixed benchmark scenario (see {@link Benchmark}) skipping ahead past
 * hits and event by event, each after a warm-up of at least 3 s for the JIT, and the limit loop
 * ({@link LimitLoop}) on as many queries in the same process, so the ratios are measured side by
 * side. {@code --scale}: a table over clients, threads and modes. {@code --scenario FILE}: the
 * given scenarios' simulation timed warm on 1 to N threads. Figures depend on the machine:
 * quote them with its description and how busy it was.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Run the fixed benchmark (1,000,000 clients, 1,000 resolvers, 1 simulated hour) skipping ahead and "
        + "event by event, beside the limit loop, and print simulated client queries per second and peak heap.")
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors)")
  Integer threads;

  @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "timed runs after a warm-up of at least 3 s (default: 3)")
  int runs;

  @Option(names = "--scale", description = "print a table instead: clients 10^4 to 10^7 (100 per resolver), 1 to N "
      + "threads, skip-ahead and event by event, with peak heap; a cell expected to take longer than --cell-seconds "
      + "is left out")
  boolean scale;

  @Option(names = "--cell-seconds", paramLabel = "S", defaultValue = "30", description = "with --scale: the longest "
      + "one cell may be expected to take (default: 30)")
  double cellSeconds;

  @Option(names = "--spi", description = "also run the same scenario with every cache through the resolver SPI "
      + "(logic: model, which never skips ahead) and print it beside the built-in path event by event")
  boolean spi;

  @Option(names = "--scenario", paramLabel = "FILE", description = "time these scenario files instead (repeatable): "
      + "the simulation alone, warmed up, on 1 to N threads, with the speed-up over one thread")
  List<Path> scenarioFiles = new ArrayList<>();

  @Option(names = "--clients", paramLabel = "N", defaultValue = "" + Benchmark.CLIENTS, hidden = true)
  int clients;

  @Option(names = "--resolvers", paramLabel = "N", defaultValue = "" + Benchmark.RESOLVERS, hidden = true)
  int resolvers;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || runs < 1 || !(cellSeconds > 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--threads, --runs and --cell-seconds must be >= 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    if (scale) {
      return table(out, workers);
    }
    if (!scenarioFiles.isEmpty()) {
      return scenarios(out, workers);
    }
    out.printf("bench: %,d clients, %,d TTL-honouring resolvers, 1 proxied name, 1 query/client/min, Auto TTL 300 s, "
        + "enable at 10 min, 1 simulated hour; %d thread(s), %d processor(s), Java %s%n", clients, resolvers, workers,
        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
    out.flush();
    Timed skip = timed(out, "skip-ahead", Mode.SKIP, workers);
    Timed events = timed(out, "event by event", Mode.EVENTS, workers);
    double limitRate = limitLoop(events.queries(), true);
    double limitLogRate = limitLoop(events.queries(), false);
    out.printf("%d queries/s (median of %d runs; best %d)%n", Math.round(skip.median()), runs, Math.round(skip.best()));
    out.printf("%d queries/s per thread (median)%n", Math.round(skip.median() / workers));
    out.printf("skip-ahead: %d equivalent queries/s (median of %d runs)%n", Math.round(skip.median()), runs);
    out.printf("event by event: %d queries/s (median of %d runs)%n", Math.round(events.median()), runs);
    out.printf("limit loop (this process, one thread, %,d queries): %d queries/s (median of %d runs)%n",
        events.queries(), Math.round(limitRate), runs);
    out.printf("event by event / limit loop: %.2f (per thread: %.2f)%n", events.median() / limitRate,
        events.median() / workers / limitRate);
    out.printf("limit loop drawing its gaps as dnsflip does, by ziggurat (this process, one thread): %d queries/s; "
        + "event by event / it: %.2f (per thread: %.2f)%n", Math.round(limitLogRate), events.median() / limitLogRate,
        events.median() / workers / limitLogRate);
    out.printf("skip-ahead / event by event: %.1f×%n", skip.median() / events.median());
    if (workers > 1) {
      double machine = sideBySide(Math.min(events.queries(), SIDE_BY_SIDE_QUERIES), workers);
      out.printf("speed-up on %d threads over one, runs taken alternately: skip-ahead %.2f×, event by event %.2f×%n",
          workers, skip.speedUp(), events.speedUp());
      out.printf("the machine: %d limit loops side by side on %d threads do %.2f× the work of one in the same time "
          + "(median of %d alternate runs); dnsflip's speed-ups are %.2f and %.2f of it%n", workers, workers, machine,
          runs, skip.speedUp() / machine, events.speedUp() / machine);
    }
    if (spi) {
      Timed throughSpi = timed(out, "through the SPI",
          Benchmark.throughSpi(Benchmark.scenario(clients, resolvers)), Mode.AUTO, workers);
      out.printf("%d queries/s through the SPI, logic: model (median of %d runs; best %d): %.0f%% of the built-in "
          + "path event by event%n", Math.round(throughSpi.median()), runs, Math.round(throughSpi.best()),
          100 * throughSpi.median() / events.median());
    }
    out.printf("peak heap %d MB (max heap %d MB)%n", Math.max(skip.peak(), events.peak()) >> 20,
        Runtime.getRuntime().maxMemory() >> 20);
    out.printf("simulated queries per run: %,d%n", skip.queries());
    out.flush();
    return Main.OK;
  }

  private static final long WARM_UP_NANOS = 3_000_000_000L;
  private static final int MAX_WARM_UP_RUNS = 20;

  /**
   * Medians of timed runs of one mode on the bench's threads; with more than one, also the median
   * of {@code one thread's time / theirs} over runs taken alternately (NaN with one thread).
   */
  private record Timed(double median, double best, long peak, long queries, double speedUp) {}

  private Timed timed(PrintWriter out, String label, Mode mode, int workers) {
    return timed(out, label, Benchmark.scenario(clients, resolvers), mode, workers);
  }

  /**
   * With more than one worker, each timed run is followed by one on a single thread, so both see
   * the same moment of a shared machine: the speed-up is read from pairs, not from two separate
   * stretches of minutes.
   */
  private Timed timed(PrintWriter out, String label, Scenario scenario, Mode mode, int workers) {
    warmUp(scenario, workers, mode);
    if (workers > 1) {
      warmUp(scenario, 1, mode);
    }
    double[] rates = new double[runs];
    double[] speedUps = new double[runs];
    long peak = 0;
    long queries = 0;
    for (int i = 0; i < runs; i++) {
      Benchmark.Figures f = Benchmark.run(scenario, workers, mode);
      rates[i] = f.queriesPerSecond();
      peak = Math.max(peak, f.peakHeapBytes());
      queries = f.queries();
      if (workers > 1) {
        Benchmark.Figures one = Benchmark.run(scenario, 1, mode);
        speedUps[i] = one.seconds() / f.seconds();
        out.printf("%s run %d: %,d queries in %.2f s (one thread: %.2f s)%n", label, i + 1, f.queries(), f.seconds(),
            one.seconds());
      } else {
        out.printf("%s run %d: %,d queries in %.2f s%n", label, i + 1, f.queries(), f.seconds());
      }
      out.flush();
    }
    Arrays.sort(rates);
    Arrays.sort(speedUps);
    return new Timed(rates[runs / 2], rates[runs - 1], peak, queries, workers > 1 ? speedUps[runs / 2] : Double.NaN);
  }

  /**
   * Runs the scenario for at least {@link #WARM_UP_NANOS}, not once: a skip-ahead run is a fraction
   * of a second, and the JIT is still compiling its draw loops after the first few (one warm-up
   * run timed 0.42 s falling to 0.15 s by the fifth).
   */
  private static void warmUp(Scenario scenario, int workers, Mode mode) {
    long warmUntil = System.nanoTime() + WARM_UP_NANOS;
    int warmRuns = 0;
    do {
      Benchmark.run(scenario, workers, mode);
      warmRuns++;
    } while (System.nanoTime() < warmUntil && warmRuns < MAX_WARM_UP_RUNS);
  }

  /** The limit loop's median rate over {@code runs} runs of {@code queries} after one warm-up; see {@link LimitLoop}. */
  private double limitLoop(long queries, boolean asGiven) {
    LimitLoop.queriesPerSecond(queries, clients, resolvers, 41, asGiven); // warm-up
    double[] rates = new double[runs];
    for (int i = 0; i < runs; i++) {
      rates[i] = LimitLoop.queriesPerSecond(queries, clients, resolvers, 42 + i, asGiven);
    }
    Arrays.sort(rates);
    return rates[runs / 2];
  }

  /** Queries each limit loop runs when measuring the machine's own speed-up: a second or so a run. */
  private static final long SIDE_BY_SIDE_QUERIES = 20_000_000;

  /**
   * What the machine itself allows: {@code threads} limit loops, each on its own thread and
   * {@code queries} long, against one, in alternate runs; the median of {@code threads × one's
   * time / theirs}. Two vCPUs that share a core, or a busy host, show here as well as in
   * dnsflip's figures, so its speed-up is read against this one, measured in the same run.
   */
  private double sideBySide(long queries, int threads) {
    LimitLoop.sideBySideSeconds(queries, clients, resolvers, 1, 41); // warm-up
    LimitLoop.sideBySideSeconds(queries, clients, resolvers, threads, 41);
    double[] ratios = new double[runs];
    for (int i = 0; i < runs; i++) {
      double one = LimitLoop.sideBySideSeconds(queries, clients, resolvers, 1, 42 + i);
      double many = LimitLoop.sideBySideSeconds(queries, clients, resolvers, threads, 42 + i);
      ratios[i] = threads * one / many;
    }
    Arrays.sort(ratios);
    return ratios[runs / 2];
  }

  /**
   * Each scenario file's simulation, as {@code dnsflip run} would run it but without loading,
   * writing or the JVM's start: warmed up, then {@code runs} rounds of one timed run on each thread
   * count from 1 to {@code maxThreads}, and per count the median time and the median of the rounds'
   * speed-ups over one thread. A whole {@code dnsflip run}
   * of a few seconds is mostly the JVM starting and compiling, which no thread count shortens.
   */
  private Integer scenarios(PrintWriter out, int maxThreads) {
    List<Scenario> loaded = new ArrayList<>();
    for (Path file : scenarioFiles) {
      Scenario scenario;
      try {
        scenario = ScenarioLoader.read(file).scenario();
      } catch (InputException e) {
        throw new UserError(e.getMessage());
      }
      Optional<String> tooLarge = RunBudget.of(new Simulation(scenario, maxThreads), maxThreads)
          .refusal(Runtime.getRuntime().maxMemory(), RunCommand.DEFAULT_MAX_QUERIES);
      if (tooLarge.isPresent()) {
        throw new UserError(file + ": " + tooLarge.get());
      }
      loaded.add(scenario);
    }
    out.printf("bench --scenario: the simulation alone (no loading, no report), median of %d timed run(s) after a "
        + "warm-up of at least 3 s, the thread counts taken in turn; %d processor(s), Java %s%n", runs, Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"));
    out.printf("%-28s %8s %14s %9s %9s%n", "scenario", "threads", "queries", "seconds", "speed-up");
    out.flush();
    for (int i = 0; i < loaded.size(); i++) {
      Scenario scenario = loaded.get(i);
      for (int t = 1; t <= maxThreads; t++) {
        warmUp(scenario, t, Mode.AUTO);
      }
      // Thread counts in turn, run by run: each speed-up is read from runs a moment apart.
      double[][] seconds = new double[maxThreads][runs];
      long queries = 0;
      for (int r = 0; r < runs; r++) {
        for (int t = 1; t <= maxThreads; t++) {
          Benchmark.Figures f = Benchmark.run(scenario, t, Mode.AUTO);
          seconds[t - 1][r] = f.seconds();
          queries = f.queries();
        }
      }
      for (int t = 1; t <= maxThreads; t++) {
        double[] speedUps = new double[runs];
        for (int r = 0; r < runs; r++) {
          speedUps[r] = seconds[0][r] / seconds[t - 1][r];
        }
        Arrays.sort(speedUps);
        double[] mine = seconds[t - 1].clone();
        Arrays.sort(mine);
        out.printf("%-28s %8d %,14d %9.2f %8.2f×%n", scenarioFiles.get(i).getFileName(), t, queries, mine[runs / 2],
            speedUps[runs / 2]);
      }
      out.flush();
    }
    return Main.OK;
  }

  /**
   * Clients 10^4 to 10^7 (100 per resolver, the bench's population otherwise), each thread count
   * from 1 to {@code maxThreads} and both modes; one warm-up and one timed run per cell. A cell is
   * left out when the rate measured one size below says it would take longer than
   * {@code cellSeconds}, or when its estimate does not fit the heap.
   */
  private Integer table(PrintWriter out, int maxThreads) {
    out.printf("bench --scale: the bench scenario with 100 clients per resolver; %d processor(s), max heap %d MB, "
        + "Java %s; one timed run per cell after a warm-up%n", Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    out.printf("%12s %10s %8s %-15s %14s %9s %10s %12s%n", "clients", "resolvers", "threads", "mode", "queries",
        "seconds", "peak MB", "queries/s");
    out.flush();
    for (Mode mode : new Mode[] {Mode.SKIP, Mode.EVENTS}) {
      for (int t = 1; t <= maxThreads; t++) {
        double rate = 0;
        for (int c = 10_000; c <= 10_000_000; c *= 10) {
          var scenario = Benchmark.scenario(c, c / 100);
          double expected = scenario.clientCount() * 60.0;
          String label = mode == Mode.SKIP ? "skip-ahead" : "event by event";
          var budget = dev.dnsflip.simulation.RunBudget.of(new dev.dnsflip.simulation.Simulation(scenario, t, mode), t);
          if (budget.bytes() > Runtime.getRuntime().maxMemory()) {
            out.printf("%,12d %,10d %8d %-15s left out: needs about %s of memory%n", c, c / 100, t, label,
                dev.dnsflip.simulation.RunBudget.size(budget.bytes()));
            continue;
          }
          if (rate > 0 && expected / rate * 2 > cellSeconds) {
            out.printf("%,12d %,10d %8d %-15s left out: about %.0f s a run at the rate above%n", c, c / 100, t, label,
                expected / rate);
            continue;
          }
          Benchmark.run(scenario, t, mode); // warm-up
          Benchmark.Figures f = Benchmark.run(scenario, t, mode);
          rate = f.queriesPerSecond();
          out.printf("%,12d %,10d %8d %-15s %,14d %9.2f %10d %,12d%n", c, c / 100, t, label, f.queries(), f.seconds(),
              f.peakHeapBytes() >> 20, Math.round(rate));
          out.flush();
        }
      }
    }
    LimitLoop.queriesPerSecond(20_000_000, 1_000_000, 10_000, 41); // warm-up
    double limit = LimitLoop.queriesPerSecond(20_000_000, 1_000_000, 10_000, 42);
    out.printf("limit loop (one thread, 20,000,000 queries, 1,000,000 clients, 10,000 resolvers): %,d queries/s%n",
        Math.round(limit));
    out.flush();
    return Main.OK;
  }
}
