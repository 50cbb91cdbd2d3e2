package dev.dnsflip.testing;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.LogicChoice;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

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

  /**
   * The scenario with the caches of the named resolver groups (every group when none is named) run
   * by {@code logic} through the resolver SPI: one new instance per cache. A group name the
   * scenario does not have is a mistake in the test: {@link IllegalArgumentException}.
   */
  public static LoadedScenario withLogic(LoadedScenario scenario, Class<? extends CacheLogic> logic, String... groups) {
    return scenario.withScenario(withLogic(scenario.scenario(), LogicChoice.of(logic), groups));
  }

  /**
   * {@link #withLogic(LoadedScenario, Class, String...)} with each cache's instance built by
   * {@code factory}: for logic that takes settings.
   */
  public static <T extends CacheLogic> LoadedScenario withLogic(LoadedScenario scenario, Class<T> logic,
      Supplier<? extends T> factory, String... groups) {
    return scenario.withScenario(withLogic(scenario.scenario(), LogicChoice.of(logic, factory), groups));
  }

  /** {@link #withLogic(LoadedScenario, Class, String...)} for a scenario built in code. */
  public static Scenario withLogic(Scenario scenario, Class<? extends CacheLogic> logic, String... groups) {
    return withLogic(scenario, LogicChoice.of(logic), groups);
  }

  private static Scenario withLogic(Scenario scenario, LogicChoice logic, String... groups) {
    Set<String> names = scenario.resolverGroups().stream().map(ResolverGroup::name).collect(Collectors.toSet());
    for (String g : groups) {
      if (!names.contains(g)) {
        throw new IllegalArgumentException("no resolver group '" + g + "' in scenario " + scenario.name()
            + "; it has: " + String.join(", ", new TreeSet<>(names)));
      }
    }
    List<String> chosen = List.of(groups);
    List<ResolverGroup> changed = scenario.resolverGroups().stream()
        .map(g -> chosen.isEmpty() || chosen.contains(g.name()) ? g.withLogic(logic) : g).toList();
    return scenario.toBuilder().resolverGroups(changed).build();
  }

  static int defaultThreads() {
    return (int) Math.min(Runtime.getRuntime().availableProcessors(), Limits.THREADS.max());
  }
}
