package dev.dnsflip.cli;

import dev.dnsflip.lab.TimeScale;
import dev.dnsflip.reports.ReportFiles;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.simulation.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dnsflip lab calibrate SCENARIO}: every resolver group of the scenario that the lab can
 * run (and every dnsmasq group forwarding to one: a chain) measured through its real software and
 * simulated with its preset, side by side: calibration.md (one line per group) and one
 * calibration-GROUP.md each. The groups run at once, each against its own lab authority, in real
 * time: the software's own constants (Knot Resolver's 5 s floor, a serve-stale reply TTL) would not
 * scale with a faster schedule, so a calibration scenario compresses its TTLs itself.
 */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
    description = "Measure each resolver group of a scenario in the lab and in the simulator; compare the "
        + "last-stale distributions (Kolmogorov-Smirnov, largest quantile gap).")
final class LabCalibrateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML), e.g. scenarios/suites/lab/calibration.yaml")
  Path scenarioFile;

  @Option(names = "--replications", paramLabel = "N", description = "simulated runs per group (default: "
      + "${DEFAULT-VALUE})")
  int replications = 20;

  @Option(names = "--out", paramLabel = "DIR", description = "where the calibration reports go (default: "
      + "out/lab-calibration-<scenario name>)")
  Path out;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    // Real time: the software's own constants (Knot's 5 s floor, a serve-stale reply TTL) do not scale.
    TimeScale scale = TimeScale.REAL_TIME;
    if (replications < 1 || replications > 1000) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--replications must be 1..1000");
    }
    LoadedScenario loaded = LabRunCommand.load(scenarioFile);
    Scenario scenario = loaded.scenario();
    List<LabCalibration.Target> targets = LabCalibration.targets(scenario);
    Path dir = out != null ? out : Path.of("out", "lab-calibration-" + ReportDirectory.segment(scenario.name()));
    List<String> names = new ArrayList<>(List.of("calibration.md"));
    targets.forEach(t -> names.add(LabCalibration.fileName(t)));
    try {
      ReportFiles.checkPublishable(dir, java.util.Set.copyOf(names));
    } catch (IOException e) {
      throw IoProblem.of("write the calibration to", dir, e);
    }

    PrintWriter err = spec.commandLine().getErr();
    err.printf("dnsflip: calibrating %d group(s) of %s: %.1f s of wall time in the lab, %d simulated runs each%n",
        targets.size(), scenario.name(), scale.wallMs(scenario.durationMs()) / 1000.0, replications);
    err.flush();
    Path work = Files.createTempDirectory("dnsflip-calibrate-");
    ExecutorService pool = Executors.newFixedThreadPool(targets.size());
    List<LabCalibration.Result> results = new ArrayList<>();
    try {
      List<Future<LabCalibration.Result>> running = new ArrayList<>();
      for (LabCalibration.Target t : targets) {
        double[] simulated = LabCalibration.simulate(t, replications);
        running.add(pool.submit(() -> LabCalibration.measure(t, scale,
            new InetSocketAddress(dev.dnsflip.lab.Loopback.v4(53), 0), work.resolve(t.name()), simulated)));
      }
      for (Future<LabCalibration.Result> f : running) {
        results.add(f.get());
      }
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof UserError u) {
        throw u;
      }
      if (cause instanceof IllegalStateException started) {
        String first = String.valueOf(started.getMessage()).lines().findFirst().orElse("");
        throw new UserError("a resolver did not start: " + first + " (files and logs kept in " + work + ")");
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
    Map<String, String> files = new LinkedHashMap<>();
    String summary = LabCalibration.summary(scenario.name(), results);
    files.put("calibration.md", summary);
    for (LabCalibration.Result r : results) {
      files.put(LabCalibration.fileName(r.target()), LabCalibration.markdown(r, scale, replications));
    }
    try {
      ReportFiles.publish(dir, files);
    } catch (IOException e) {
      throw IoProblem.of("write the calibration to", dir, e);
    }
    PrintWriter outWriter = spec.commandLine().getOut();
    outWriter.print(summary);
    outWriter.flush();
    err.printf("dnsflip: wrote calibration.md and %d group report(s) to %s%n", results.size(), dir);
    err.flush();
    return Main.OK;
  }
}
