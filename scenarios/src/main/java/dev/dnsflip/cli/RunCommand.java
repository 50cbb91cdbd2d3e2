package dev.dnsflip.cli;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.simulation.RunBudget;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

/** {@code dnsflip run SCENARIO}: simulate, write report.json and report.md, print a summary. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Run a scenario file and write report.json, report.md, report.html (charts) and series.csv.")
final class RunCommand implements Callable<Integer> {
  static final double DEFAULT_MAX_QUERIES = 2e10;

  @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML), e.g. scenarios/suites/default.yaml")
  Path scenarioFile;

  @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: out/<scenario name>)")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "override the scenario's seed")
  Long seed;

  @Option(names = "--replications", paramLabel = "N", description = "override the scenario's replications")
  Integer replications;

  @Option(names = "--max-queries", paramLabel = "N", description = "refuse a run expected to simulate more "
      + "queries than N (default: ${DEFAULT-VALUE}, about 10 minutes on the fixed benchmark's machine)")
  double maxQueries = DEFAULT_MAX_QUERIES;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors); "
      + "the report does not depend on it")
  Integer threads;

  @Option(names = "--quiet", description = "no progress on stderr while the run goes on")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    LoadedScenario loaded;
    try {
      loaded = ScenarioLoader.read(scenarioFile);
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
    Scenario scenario = loaded.scenario();
    if (seed != null) {
      scenario = scenario.withSeed(seed);
    }
    if (replications != null) {
      if (replications < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--replications must be >= 1");
      }
      scenario = scenario.withReplications(replications);
    }
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > Limits.THREADS.max()) {
      throw new CommandLine.ParameterException(spec.commandLine(), workers < 1 ? "--threads must be >= 1"
          : "--threads " + Limits.THREADS.refusal(workers + " workers asked for"));
    }
    if (!(maxQueries > 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--max-queries must be > 0");
    }
    Simulation simulation = new Simulation(scenario, workers);
    // Known before any heavy allocation: what the run will take, refused past the heap or the bound.
    RunBudget budget = RunBudget.of(simulation, workers);
    Optional<String> tooLarge = budget.refusal(Runtime.getRuntime().maxMemory(), maxQueries);
    if (tooLarge.isPresent()) {
      throw new UserError(loaded.populationAt() + ": " + tooLarge.get());
    }
    Path dir = out != null ? out : Path.of("out", ReportDirectory.segment(scenario.name()));
    ReportSet.checkPublishable(dir);
    PrintWriter err = spec.commandLine().getErr();
    err.printf("dnsflip: running %s: %,d clients, %,d resolvers, %d replication(s), seed %d, %d thread(s); "
        + "about %.2g queries to simulate (settling included) and %s of memory%n", scenario.name(),
        scenario.clientCount(), scenario.resolverCount(), scenario.replications(), scenario.seed(), workers,
        budget.queries(), RunBudget.size(budget.bytes()));
    err.flush();
    long start = System.nanoTime();
    TransitionReport report;
    try (Progress.Shown progress = Progress.start(err, scenario, quiet)) {
      report = loaded.withScenario(scenario).report(simulation.run());
    }
    ReportSet.publish(dir, report);
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.print(ConsoleSummary.render(report));
    outWriter.flush();
    err.printf("dnsflip: %,d queries simulated in %.1f s; wrote report.json, report.md, report.html and series.csv "
        + "to %s%n", report.run().queries(), (System.nanoTime() - start) / 1e9, dir);
    err.flush();
    return report.expectationsPassed() ? Main.OK : Main.BOUNDS_FAILED;
  }
}
