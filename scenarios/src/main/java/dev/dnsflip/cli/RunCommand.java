package dev.dnsflip.cli;

import dev.dnsflip.compare.ReportFiguresReader;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.ValueOverride;
import dev.dnsflip.reports.Comparison;
import dev.dnsflip.reports.ComparisonReport;
import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.reports.ReportFigures;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.RunBudget;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/**
 * {@code dnsflip run SCENARIO}: simulate, write the report set, print a summary; with
 * {@code --set} values replaced first, with {@code --sweep} one run per combination of values and a
 * comparison of them, with {@code --baseline} a gate against an earlier report.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a scenario file and write report.json, report.md, report.html (charts) and series.csv.",
    footerHeading = "%nExit codes:%n",
    footer = {"  0  the run finished and every expect: bound held",
        "  1  an expect: bound failed, or --baseline found a figure that got worse",
        "  2  bad input or usage: one line file:line:col: problem; nothing written",
        "  3  a bug: one line saying so and where its stack trace was written"})
final class RunCommand implements Callable<Integer> {
  static final double DEFAULT_MAX_QUERIES = 2e10;

  // Descriptions are split where a path may start a line: picocli would otherwise break it at a dot.
  @Parameters(paramLabel = "SCENARIO", description = {"scenario file (YAML), e.g.", "scenarios/suites/default.yaml"})
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: out/<scenario name>)")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
  Long seed;

  @Option(names = "--replications", paramLabel = "N", description = "override the scenario's replications")
  Integer replications;

  @Option(names = "--set", paramLabel = "PATH=VALUE", description = {"replace a value of the scenario file, e.g.",
      "account.autoTtl=60 or", "resolvers.isp.serveStale=on (list items by name,", "or [n] from 0); repeatable"})
  List<String> sets = new ArrayList<>();

  @Option(names = "--sweep", paramLabel = "PATH=V1,V2,...", description = "run once per value (with several "
      + "--sweep, per combination), each run's reports in DIR/<values>, and compare them in DIR/comparison")
  List<String> sweeps = new ArrayList<>();

  @Option(names = "--baseline", paramLabel = "REPORT.json", description = "compare with an earlier report.json "
      + "and exit 1 when a figure got worse beyond the runs' confidence intervals (needs replications >= 2 on "
      + "both sides)")
  Path baseline;

  @Option(names = "--max-queries", paramLabel = "N", description = "refuse a run expected to simulate more "
      + "queries than N (default: ${DEFAULT-VALUE}, about 10 minutes on the fixed benchmark's machine)")
  double maxQueries = DEFAULT_MAX_QUERIES;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors); "
      + "the report does not depend on it")
  Integer threads;

  @Option(names = "--spark", paramLabel = "MASTER", arity = "0..1", description = "run the partitions as a Spark "
      + "job at MASTER (local[N], spark://HOST:PORT; none: spark-submit's master, else local[*]), with the same "
      + "report; see docs/spark.md")
  String spark;

  @Option(names = "--mode", paramLabel = "MODE", description = "auto (default): each partition skips ahead past "
      + "cache hits where that is exact and cheaper, and simulates every use where not; skip: skips ahead wherever "
      + "exact; events: every use of every partition (each mode a different draw of the same distribution)")
  String mode = "auto";

  @Option(names = "--dry-run", description = "load and size every run, print what each would take (queries, "
      + "memory, how partitions run) and stop; exit 2 when one would be refused")
  boolean dryRun;

  @Option(names = "--max-memory", paramLabel = "BYTES", description = "refuse a run whose memory estimate exceeds "
      + "BYTES (suffix k, m or g; default: the Java heap, -Xmx)")
  String maxMemory;

  @Option(names = "--quiet", description = "no progress on stderr while the run goes on")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** One run ready to go: the scenario as overridden, its simulation, where its reports go. */
  private record Planned(String label, LoadedScenario loaded, Simulation simulation, RunBudget budget, Path dir) {}

  @CommandLine.Mixin
  ClassPathOption classPath = new ClassPathOption();

  @Override
  public Integer call() throws Exception {
    return classPath.with(this::execute);
  }

  private Integer execute() {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > Limits.THREADS.max()) {
      throw usage(workers < 1 ? "--threads must be >= 1"
          : "--threads " + Limits.THREADS.refusal(workers + " workers asked for"));
    }
    if (!(maxQueries > 0)) {
      throw usage("--max-queries must be > 0");
    }
    if (replications != null && replications < 1) {
      throw usage("--replications must be >= 1");
    }
    if (baseline != null && !sweeps.isEmpty()) {
      throw usage("--baseline compares one run; a sweep compares its own runs");
    }
    List<ValueOverride> overrides = new ArrayList<>();
    SweepGrid grid;
    try {
      for (String s : sets) {
        overrides.add(ValueOverride.parse("--set", s));
      }
      grid = SweepGrid.of(sweeps);
    } catch (IllegalArgumentException e) {
      throw usage(e.getMessage());
    }
    Mode runMode = switch (mode) {
      case "auto" -> Mode.AUTO;
      case "skip" -> Mode.SKIP;
      case "events" -> Mode.EVENTS;
      default -> throw usage("--mode expects auto, skip or events, not '" + mode + "'");
    };
    long heap = maxMemory == null ? Runtime.getRuntime().maxMemory() : parseBytes(maxMemory);
    ReportFigures reference = baseline == null ? null : readBaseline();

    // Every cell is loaded, sized and given its directory before the first one runs.
    List<Planned> plan = new ArrayList<>();
    Path sweepDir = null;
    Set<Path> dirs = new HashSet<>();
    for (SweepGrid.Cell cell : grid.cells()) {
      List<ValueOverride> all = new ArrayList<>(overrides);
      all.addAll(cell.overrides());
      LoadedScenario loaded = load(all);
      Path base = out != null ? out : Path.of("out", ReportDirectory.segment(loaded.scenario().name()));
      if (grid.cells().size() > 1) {
        sweepDir = base;
      }
      Path dir = grid.cells().size() > 1 ? base.resolve(ReportDirectory.segment(cell.label())) : base;
      if (!dirs.add(dir)) {
        throw new UserError("two sweep cells would share the report directory " + dir + "; give distinct values");
      }
      Simulation simulation = new Simulation(loaded.scenario(), workers, runMode);
      // Known before any heavy allocation: what the run will take, refused past the heap or the bound.
      RunBudget budget = spark == null ? RunBudget.of(simulation, workers) : RunBudget.ofMerged(simulation, workers);
      Optional<String> tooLarge = budget.refusal(heap, maxQueries);
      if (tooLarge.isPresent()) {
        throw new UserError(loaded.populationAt() + ": " + tooLarge.get()
            + (cell.label().isEmpty() ? "" : " (sweep cell " + cell.label() + ")"));
      }
      ReportSet.checkPublishable(dir);
      if (grid.cells().size() == 1 || plan.isEmpty()) {
        // Said once, before any run: a window the tail outlasts cuts figures short.
        for (String warning : WindowWarning.of(loaded.scenario(), simulation.table())) {
          spec.commandLine().getErr().println(scenarioFile + ": warning: " + warning);
        }
      }
      plan.add(new Planned(cell.label(), loaded, simulation, budget, dir));
    }
    if (reference != null && plan.get(0).loaded().scenario().replications() < 2) {
      throw new UserError(scenarioFile + ": --baseline needs replications >= 2 (the scenario has "
          + plan.get(0).loaded().scenario().replications() + "): with one run there is no interval to tell a "
          + "regression from chance; set replications: or --replications");
    }
    Path comparisonDir = sweepDir == null ? null : sweepDir.resolve("comparison");
    if (comparisonDir != null) {
      CompareCommand.checkPublishable(comparisonDir);
    }

    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outWriter = spec.commandLine().getOut();
    if (dryRun) {
      for (Planned p : plan) {
        outWriter.println(dryRunLine(p, workers, heap));
      }
      outWriter.flush();
      return Main.OK;
    }
    boolean passed = true;
    List<ReportFigures> figures = new ArrayList<>();
    for (Planned p : plan) {
      Scenario scenario = p.loaded().scenario();
      err.printf("dnsflip: running %s%s: %,d clients, %,d resolvers, %d replication(s), seed %d, %d thread(s); "
          + "about %.2g queries to simulate (settling included) and %s of memory%n", scenario.name(),
          p.label().isEmpty() ? "" : " [" + p.label() + "]", scenario.clientCount(), scenario.resolverCount(),
          scenario.replications(), scenario.seed(), workers, p.budget().queries(), RunBudget.size(p.budget().bytes()));
      err.flush();
      long start = System.nanoTime();
      TransitionReport report;
      try (Progress.Shown progress = Progress.start(err, scenario, quiet)) {
        report = p.loaded().report(
            spark == null ? p.simulation().run() : DistributedRunner.runAt(p.simulation(), spark));
      }
      ReportSet.publish(p.dir(), report);
      if (!p.label().isEmpty()) {
        outWriter.println("== " + p.label());
      }
      outWriter.print(ConsoleSummary.render(report));
      outWriter.flush();
      err.printf("dnsflip: %,d queries simulated in %.1f s; wrote report.json, report.md, report.html and "
          + "series.csv to %s%n", report.run().queries(), (System.nanoTime() - start) / 1e9, p.dir());
      err.flush();
      passed &= report.expectationsPassed();
      if (comparisonDir != null || reference != null) {
        figures.add(figuresOf(report, p.label().isEmpty() ? p.dir().resolve("report.json").toString() : p.label()));
      }
    }
    if (comparisonDir != null) {
      Comparison comparison = Comparison.of(figures);
      String md = ComparisonReport.markdown(comparison);
      CompareCommand.publish(comparisonDir, comparison, md);
      outWriter.print("\n" + md);
      outWriter.flush();
      err.printf("dnsflip: wrote compare.md and compare.html to %s%n", comparisonDir);
      err.flush();
    }
    if (reference != null) {
      passed &= gate(reference, figures.get(0), outWriter);
    }
    return passed ? Main.OK : Main.BOUNDS_FAILED;
  }

  /** What one planned run would take, as --dry-run prints it. */
  private static String dryRunLine(Planned p, int workers, long heap) {
    Scenario s = p.loaded().scenario();
    return String.format(java.util.Locale.ROOT, "%s%s: %,d clients, %,d resolvers, %d replication(s), %d thread(s); "
        + "about %.3g queries to simulate (settling included); memory about %s (%,d bytes) of %s; "
        + "partitions of a replication: %s",
        s.name(), p.label().isEmpty() ? "" : " [" + p.label() + "]", s.clientCount(), s.resolverCount(),
        s.replications(), workers, p.budget().queries(), RunBudget.size(p.budget().bytes()), p.budget().bytes(),
        RunBudget.size(heap), describe(p.simulation().partitionModes()));
  }

  /** "1,000 skipping ahead past hits, 20 event by event (20: prefetch (...))". */
  static String describe(dev.dnsflip.simulation.PartitionModes modes) {
    StringBuilder b = new StringBuilder(String.format(java.util.Locale.ROOT, "%,d skipping ahead past hits, %,d event "
        + "by event", modes.skippingAhead(), modes.eventByEvent()));
    String sep = " (";
    for (var e : modes.eventByEventBecause().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).toList()) {
      b.append(sep).append(String.format(java.util.Locale.ROOT, "%,d: %s", e.getValue(), e.getKey()));
      sep = "; ";
    }
    return b.append(sep.equals("; ") ? ")" : "").toString();
  }

  /** "512m", "2g", "1000": bytes. */
  private long parseBytes(String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    int shift = t.endsWith("k") ? 10 : t.endsWith("m") ? 20 : t.endsWith("g") ? 30 : 0;
    String digits = shift == 0 ? t : t.substring(0, t.length() - 1);
    try {
      long v = Long.parseLong(digits);
      if (v <= 0 || v > Long.MAX_VALUE >> shift) {
        throw new NumberFormatException();
      }
      return v << shift;
    } catch (NumberFormatException e) {
      throw usage("--max-memory expects a positive size such as 1500m or 2g, not '" + text + "'");
    }
  }

  /** Prints how the run compares with the baseline; false when a figure regressed. */
  private static boolean gate(ReportFigures reference, ReportFigures current, PrintWriter w) {
    Comparison comparison = Comparison.of(List.of(reference, current));
    List<Comparison.Row> regressions = comparison.regressions();
    for (String m : comparison.unmatched()) {
      w.println("baseline: not compared: " + m);
    }
    if (regressions.isEmpty()) {
      w.println("baseline: no figure got worse beyond the runs' confidence intervals ("
          + comparison.rows().size() + " compared with " + reference.label() + ")");
    }
    for (Comparison.Row r : regressions) {
      w.println("baseline: REGRESSION " + ComparisonReport.describe(r));
    }
    w.flush();
    return regressions.isEmpty();
  }

  private ReportFigures readBaseline() {
    try {
      ReportFigures figures = ReportFiguresReader.read(baseline);
      if (figures.replications() < 2) {
        throw new UserError(baseline + ": --baseline needs a report of replications >= 2 (it has "
            + figures.replications() + "): with one run there is no interval to tell a regression from chance");
      }
      return figures;
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
  }

  private LoadedScenario load(List<ValueOverride> overrides) {
    LoadedScenario loaded;
    try {
      loaded = ScenarioLoader.read(scenarioFile, overrides);
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
    Scenario scenario = loaded.scenario();
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    if (replications != null) {
      scenario = scenario.withReplications(replications);
    }
    return loaded.withScenario(scenario);
  }

  /** The run's figures as a comparison reads them: through its own JSON, so both paths are one. */
  private static ReportFigures figuresOf(TransitionReport report, String label) {
    try {
      return ReportFiguresReader.parse(JsonReport.render(report), label, label);
    } catch (InputException e) {
      throw new IllegalStateException("a report dnsflip just wrote does not read back", e);
    }
  }

  private CommandLine.ParameterException usage(String problem) {
    return new CommandLine.ParameterException(spec.commandLine(), problem);
  }
}
