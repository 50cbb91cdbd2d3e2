package dev.dnsflip.cli;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.JunitReport;
import dev.dnsflip.reports.ReportFiles;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.simulation.RunBudget;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dnsflip suite DIR|FILES...}: every scenario loaded and checked first, so one bad file
 * stops the suite before anything runs; then each run in turn (a run already uses every worker
 * thread), a table on stdout, and optionally reports per scenario and JUnit XML for CI.
 */
@Command(name = "suite", mixinStandardHelpOptions = true,
    description = "Run a suite of scenario files (a directory's *.yaml, or the files given), print a table, "
        + "optionally write JUnit XML and each scenario's reports.")
final class SuiteCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR|FILES", arity = "1..*",
      description = "a directory (every *.yaml directly in it, by name) or scenario files, e.g. scenarios/suites")
  List<Path> sources;

  @Option(names = "--junit", paramLabel = "FILE", description = "write JUnit XML: a testcase per checked bound")
  Path junit;

  @Option(names = "--out", paramLabel = "DIR", description = "write each scenario's reports to DIR/<scenario name> "
      + "(default: no report files)")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "override every scenario's seed")
  Long seed;

  @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: available processors); "
      + "the reports do not depend on it")
  Integer threads;

  @Option(names = "--quiet", description = "no progress on stderr while a scenario runs")
  boolean quiet;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  /** A scenario ready to run: where it came from, the model and, with --out, where its reports go. */
  private record Planned(Path file, LoadedScenario loaded, Simulation simulation, Path dir) {}

  @CommandLine.Mixin
  ClassPathOption classPath = new ClassPathOption();

  @Override
  public Integer call() throws Exception {
    return classPath.with(this::execute);
  }

  private Integer execute() {
    int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (workers < 1 || workers > Limits.THREADS.max()) {
      throw new CommandLine.ParameterException(spec.commandLine(), workers < 1 ? "--threads must be >= 1"
          : "--threads " + Limits.THREADS.refusal(workers + " workers asked for"));
    }
    if (junit != null && Files.isDirectory(junit)) {
      // Found now rather than after every run has been paid for.
      throw new UserError("cannot write JUnit XML to " + junit + ": it is a directory");
    }
    List<Planned> plan = plan(scenarioFiles(), workers);
    PrintWriter err = spec.commandLine().getErr();
    List<JunitReport.Entry> done = new ArrayList<>();
    for (Planned p : plan) {
      Scenario scenario = p.loaded().scenario();
      err.printf("dnsflip: running %s (%d of %d): %,d clients, %,d resolvers, seed %d, %d thread(s)%n",
          p.file(), done.size() + 1, plan.size(), scenario.clientCount(), scenario.resolverCount(), scenario.seed(),
          workers);
      err.flush();
      long start = System.nanoTime();
      TransitionReport report;
      try (Progress.Shown progress = Progress.start(err, scenario, quiet)) {
        report = p.loaded().report(p.simulation().run());
      }
      if (p.dir() != null) {
        ReportSet.publish(p.dir(), report);
      }
      done.add(new JunitReport.Entry(p.file().toString(), report, (System.nanoTime() - start) / 1e9));
    }
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.print(SuiteTable.render(done));
    outWriter.flush();
    if (junit != null) {
      writeJunit(JunitReport.render(done));
    }
    boolean passed = done.stream().allMatch(e -> e.report().expectationsPassed());
    return passed ? Main.OK : Main.BOUNDS_FAILED;
  }

  /** The files in the order they run: a directory's *.yaml sorted by name, files as given. */
  private List<Path> scenarioFiles() {
    List<Path> files = new ArrayList<>();
    for (Path source : sources) {
      if (!Files.isDirectory(source)) {
        files.add(source);
        continue;
      }
      try (Stream<Path> listing = Files.list(source)) {
        List<Path> yaml = listing.filter(p -> p.getFileName().toString().endsWith(".yaml"))
            .filter(Files::isRegularFile).sorted().toList();
        if (yaml.isEmpty()) {
          throw new UserError(source + ": no *.yaml scenario files in this directory");
        }
        files.addAll(yaml);
      } catch (IOException e) {
        throw IoProblem.of("list", source, e);
      }
    }
    return files;
  }

  /** Loads and checks everything (input, run budget, report directories) before anything runs. */
  private List<Planned> plan(List<Path> files, int workers) {
    List<Planned> plan = new ArrayList<>();
    Map<Path, Path> dirOwners = new HashMap<>();
    for (Path file : files) {
      LoadedScenario loaded;
      try {
        loaded = ScenarioLoader.read(file);
      } catch (InputException e) {
        throw new UserError(e.getMessage());
      }
      Scenario scenario = seed == null ? loaded.scenario() : loaded.scenario().withSeed(seed);
      loaded = loaded.withScenario(scenario);
      Simulation simulation = new Simulation(scenario, workers);
      Optional<String> tooLarge = RunBudget.of(simulation, workers)
          .refusal(Runtime.getRuntime().maxMemory(), RunCommand.DEFAULT_MAX_QUERIES);
      if (tooLarge.isPresent()) {
        throw new UserError(loaded.populationAt() + ": " + tooLarge.get());
      }
      Path dir = out == null ? null : out.resolve(ReportDirectory.segment(scenario.name()));
      if (dir != null) {
        Path other = dirOwners.putIfAbsent(dir, file);
        if (other != null) {
          throw new UserError(file + ": scenario name '" + scenario.name() + "' gives the same report directory "
              + dir + " as " + other);
        }
        ReportSet.checkPublishable(dir);
      }
      plan.add(new Planned(file, loaded, simulation, dir));
    }
    return plan;
  }

  private void writeJunit(String xml) {
    Path file = junit.toAbsolutePath();
    try {
      ReportFiles.writeAtomically(file.getParent(), Map.of(file.getFileName().toString(), xml));
    } catch (IOException e) {
      throw IoProblem.of("write JUnit XML to", junit, e);
    }
  }
}
