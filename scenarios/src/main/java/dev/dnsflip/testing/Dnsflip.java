package dev.dnsflip.testing;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Path;

/**
 * Runs switch scenarios from a user's own tests and returns the report every renderer prints.
 * Reports are byte-identical whatever the thread count, so the default uses every processor.
 */
public final class Dnsflip {
  private Dnsflip() {}

  /** A scenario file, read and checked as {@code dnsflip run} reads it. */
  public static LoadedScenario load(Path file) throws InputException {
    return ScenarioLoader.read(file);
  }

  public static TransitionReport run(Path file) throws InputException {
    return run(load(file));
  }

  public static TransitionReport run(Path file, int threads) throws InputException {
    return run(load(file), threads);
  }

  public static TransitionReport run(LoadedScenario scenario) {
    return run(scenario, defaultThreads());
  }

  /** The report of a run on {@code threads} workers, with the scenario's {@code expect:} bounds checked. */
  public static TransitionReport run(LoadedScenario scenario, int threads) {
    if (threads < 1 || threads > Limits.THREADS.max()) {
      throw new IllegalArgumentException(threads < 1 ? "threads must be >= 1"
          : "threads " + Limits.THREADS.refusal(threads + " workers asked for"));
    }
    return scenario.simulate(threads);
  }

  /** A scenario built in code. */
  public static TransitionReport run(Scenario scenario) {
    return run(LoadedScenario.of(scenario));
  }

  public static TransitionReport run(Scenario scenario, int threads) {
    return run(LoadedScenario.of(scenario), threads);
  }

  static int defaultThreads() {
    return (int) Math.min(Runtime.getRuntime().availableProcessors(), Limits.THREADS.max());
  }
}
