package dev.dnsflip.cli;

import dev.dnsflip.format.InputException;
import dev.dnsflip.lab.CommandResolver;
import dev.dnsflip.lab.LabAuthority;
import dev.dnsflip.lab.LabMeasurement;
import dev.dnsflip.lab.LabResolver;
import dev.dnsflip.lab.LabResolvers;
import dev.dnsflip.lab.SwitchPlayer;
import dev.dnsflip.lab.TimeScale;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.reports.JunitReport;
import dev.dnsflip.reports.ReportFiles;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dnsflip lab run SCENARIO --resolver NAME | --command 'CMD ...'}: starts a real resolver
 * against the scenario's account served on loopback, plays the switch schedule, probes through it
 * at the scenario's client rates, and writes the same report set as a simulation (plus JUnit XML
 * with {@code --junit}); exit 1 when the scenario's bounds fail.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = "Measure a scenario through a real resolver on loopback; write report.json, report.md, "
        + "report.html and series.csv as a simulation does.")
final class LabRunCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML)")
  Path scenarioFile;

  @Option(names = "--resolver", paramLabel = "NAME", description = "a Debian resolver at its defaults: "
      + "unbound, bind, knot, pdns or dnsmasq")
  String resolver;

  @Option(names = "--command", paramLabel = "'CMD ...'", description = "your resolver's command line, run in the "
      + "foreground; placeholders {authority} (IP:PORT), {authority.ip}, {authority.port}, {listen} (IP:PORT), "
      + "{listen.ip}, {listen.port}, {dir} (a work directory)")
  String command;

  @Option(names = "--listen", paramLabel = "127.0.0.x", description = "where a --command resolver listens "
      + "(default: ${DEFAULT-VALUE}; a free port is picked)")
  String listen = "127.0.0.59";

  @Option(names = "--authority", paramLabel = "127.0.0.x", description = "where the account is served "
      + "(default: ${DEFAULT-VALUE}; a free port is picked)")
  String authorityAddress = "127.0.0.53";

  @Option(names = "--speed", paramLabel = "N", description = "play the scenario N times faster: switch instants, "
      + "client rates and TTLs scaled alike (default 1: real time)")
  double speed = 1;

  @Option(names = "--probes", paramLabel = "N", description = "probe clients per client group (default: "
      + "${DEFAULT-VALUE})")
  int probes = 5;

  @Option(names = "--out", paramLabel = "DIR", description = "report directory (default: out/lab-<scenario name>)")
  Path out;

  @Option(names = "--junit", paramLabel = "FILE", description = "write JUnit XML: a testcase per checked bound")
  Path junit;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    if ((resolver == null) == (command == null)) {
      throw usage("give exactly one of --resolver NAME or --command 'CMD ...'");
    }
    LabResolvers named = null;
    if (resolver != null) {
      named = LabResolvers.byKey(resolver).orElseThrow(() -> usage("--resolver " + resolver + ": expected one of "
          + String.join(", ", LabResolvers.keys())));
    }
    List<String> words = command == null ? List.of() : CommandWords.split(command);
    if (command != null && words.isEmpty()) {
      throw usage("--command is empty");
    }
    if (probes < 1 || probes > 1000) {
      throw usage("--probes must be 1..1000");
    }
    TimeScale scale = scale(spec, speed);
    InetSocketAddress listenAt = LabAddresses.parse("--listen", listen, 0);
    InetSocketAddress authorityAt = LabAddresses.parse("--authority", authorityAddress, 0);
    if (junit != null && Files.isDirectory(junit)) {
      throw new UserError("cannot write JUnit XML to " + junit + ": it is a directory");
    }
    LoadedScenario loaded = load(scenarioFile);
    Scenario scenario = loaded.scenario();
    String label = named != null ? named.key() : Path.of(words.get(0)).getFileName().toString();
    LabMeasurement measurement = new LabMeasurement(scenario, scale, probes, label);
    long planned = measurement.plannedQueries();
    if (planned > LabMeasurement.MAX_QUERIES) {
      throw new UserError(loaded.populationAt() + ": the lab would send more than " + LabMeasurement.MAX_QUERIES
          + " probe queries in real time; give fewer --probes or a shorter scenario");
    }
    Path dir = out != null ? out : Path.of("out", "lab-" + ReportDirectory.segment(scenario.name()));
    ReportSet.checkPublishable(dir);

    PrintWriter err = spec.commandLine().getErr();
    err.printf("dnsflip: lab run of %s through %s: %d probe queries over %.1f s of wall time%n", scenario.name(), label,
        planned, scale.wallMs(scenario.durationMs()) / 1000.0);
    err.flush();
    long started = System.nanoTime();
    Path work = Files.createTempDirectory("dnsflip-lab-");
    RunResult result;
    try (LabAuthority authority = serve(scenario, scale, authorityAt)) {
      if (scenario.schedule().initiallyEnabled()) {
        authority.enable();
      }
      try (LabResolver running = startResolver(named, words, authority, listenAt, work)) {
        long start = System.currentTimeMillis();
        try (SwitchPlayer player = SwitchPlayer.start(authority, scenario.schedule(), scale, start, m -> { })) {
          result = measurement.run(authority, running.address(), start);
        }
        if (!running.isRunning()) {
          throw new UserError("the resolver exited during the run; its files and log are kept in " + work);
        }
      }
    }
    deleteTree(work);
    TransitionReport report = loaded.report(result);
    ReportSet.publish(dir, report);
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.print(ConsoleSummary.render(report));
    outWriter.flush();
    if (junit != null) {
      writeJunit(JunitReport.render(List.of(new JunitReport.Entry(scenarioFile.toString(), report,
          (System.nanoTime() - started) / 1e9))));
    }
    err.printf("dnsflip: measured through %s; wrote report.json, report.md, report.html and series.csv to %s%n", label,
        dir);
    err.flush();
    return report.expectationsPassed() ? Main.OK : Main.BOUNDS_FAILED;
  }

  /** Starts the named resolver or the user's command; a start that fails is the user's to fix (exit 2). */
  private static LabResolver startResolver(LabResolvers named, List<String> words, LabAuthority authority,
      InetSocketAddress listenAt, Path work) throws IOException {
    try {
      return named != null ? named.start(authority, work)
          : CommandResolver.start(words, authority.address(), listenAt.getAddress(), work);
    } catch (IllegalStateException | IllegalArgumentException e) {
      String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceFirst(";? log:$", "");
      throw new UserError("the resolver did not start: " + first + " (its files and log are kept in " + work + ")");
    }
  }

  /** The account of {@code scenario}, its TTLs scaled, served on {@code bind}; a taken address is a user error. */
  static LabAuthority serve(Scenario scenario, TimeScale scale, InetSocketAddress bind) throws IOException {
    try {
      return LabAuthority.start(scale.scaled(scenario.account()), bind);
    } catch (BindException e) {
      throw new UserError("cannot serve on " + LabAddresses.describe(bind) + ": " + e.getMessage());
    }
  }

  static TimeScale scale(CommandLine.Model.CommandSpec spec, double speed) {
    if (!(speed >= 1) || Double.isInfinite(speed) || speed > 1e6) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--speed must be a number from 1 to 1000000");
    }
    return new TimeScale(speed);
  }

  static LoadedScenario load(Path file) {
    try {
      return ScenarioLoader.read(file, List.of());
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
  }

  private void writeJunit(String xml) {
    Path file = junit.toAbsolutePath();
    try {
      ReportFiles.writeAtomically(file.getParent(), Map.of(file.getFileName().toString(), xml));
    } catch (IOException e) {
      throw IoProblem.of("write JUnit XML to", junit, e);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      List<Path> all = new ArrayList<>(paths.toList());
      all.sort(Comparator.reverseOrder());
      for (Path p : all) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private CommandLine.ParameterException usage(String problem) {
    return new CommandLine.ParameterException(spec.commandLine(), problem);
  }
}
