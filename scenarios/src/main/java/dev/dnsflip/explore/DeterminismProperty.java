package dev.dnsflip.explore;

import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.scenarios.LoadedScenario;
import java.util.List;
import java.util.Optional;

/**
 * "deterministic": the same scenario run on 1 and on 3 worker threads gives byte-identical JSON
 * reports. Every draw comes from a stream keyed by (seed, replication, entity) and partitions merge
 * by addition and maxima, so the thread count must not show.
 */
public final class DeterminismProperty implements Property {
  private static final int THREADS = 3;

  @Override
  public String name() {
    return "deterministic";
  }

  @Override
  public String description() {
    return "JsonReport of the run on 1 thread == JsonReport of the run on " + THREADS + " threads, byte for byte";
  }

  @Override
  public Optional<Violation> check(Trial trial) {
    LoadedScenario scenario = LoadedScenario.of(trial.scenario());
    String one = JsonReport.render(scenario.report(trial.result(1)));
    String more = JsonReport.render(scenario.report(trial.result(THREADS)));
    if (one.equals(more)) {
      return Optional.empty();
    }
    List<String> a = one.lines().toList();
    List<String> b = more.lines().toList();
    int line = 0;
    while (line < a.size() && line < b.size() && a.get(line).equals(b.get(line))) {
      line++;
    }
    String expected = line < a.size() ? a.get(line).strip() : "(end of report)";
    String actual = line < b.size() ? b.get(line).strip() : "(end of report)";
    return Optional.of(Violation.of(name(), -1, "report.json", "identical to 1 thread: line " + (line + 1) + " "
        + expected, THREADS + " threads: " + actual));
  }

  @Override
  public String toString() {
    return name();
  }
}
