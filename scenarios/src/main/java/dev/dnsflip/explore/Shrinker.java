package dev.dnsflip.explore;

import dev.dnsflip.explore.ScenarioEdits.Candidate;
import dev.dnsflip.explore.ScenarioEdits.Dimension;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Greedy shrinking of a failing scenario: dimension by dimension ({@link Dimension}, in order),
 * the first candidate ({@link ScenarioEdits}) that the property still applies to and still fails
 * on, with a violation of the same metric, replaces the scenario, and the dimension is tried again
 * until none of its candidates fails; passes over all dimensions repeat until one changes nothing.
 * The result is then 1-minimal: no single candidate of any dimension fails. Every step re-runs the
 * property; runs are deterministic (the scenario's seed is kept), so the same failing scenario
 * always shrinks to the same minimal one. A budget of runs bounds the work; when it runs out the
 * scenario reached so far is returned, still failing, and {@link Result#exhausted} says so.
 */
public final class Shrinker {
  public static final int DEFAULT_MAX_RUNS = 600;

  /**
   * The minimal scenario found, its violation, the accepted steps (one line each), how many
   * candidates were run, and whether the budget ran out before the scenario was 1-minimal.
   */
  public record Result(Scenario minimal, Violation violation, List<String> steps, int runs, boolean exhausted) {}

  /** The dimensions the laws' exploration shrinks along (switch times stay where drawn). */
  public static final List<Dimension> LAW_DIMENSIONS = java.util.Arrays.stream(Dimension.values())
      .filter(d -> d != Dimension.SWITCH_TIMES).toList();

  private final int maxRuns;
  private final List<Dimension> dimensions;

  public Shrinker() {
    this(DEFAULT_MAX_RUNS);
  }

  public Shrinker(int maxRuns) {
    this(maxRuns, LAW_DIMENSIONS);
  }

  /** @param dimensions the dimensions to shrink along, in the order they are tried */
  public Shrinker(int maxRuns, List<Dimension> dimensions) {
    if (maxRuns < 0) {
      throw new IllegalArgumentException("maxRuns must be >= 0");
    }
    this.maxRuns = maxRuns;
    this.dimensions = List.copyOf(dimensions);
  }

  public Result shrink(Scenario failing, Violation violation, Property property) {
    Scenario current = failing;
    Violation found = violation;
    List<String> steps = new ArrayList<>();
    int runs = 0;
    boolean progress = true;
    while (progress) {
      progress = false;
      for (Dimension d : dimensions) {
        boolean again = true;
        while (again) {
          again = false;
          for (Candidate c : ScenarioEdits.candidates(current, d)) {
            if (!property.appliesTo(c.scenario())) {
              continue;
            }
            if (runs >= maxRuns) {
              return new Result(current, found, List.copyOf(steps), runs, true);
            }
            runs++;
            Optional<Violation> v = stillFails(property, c.scenario(), found.metric());
            if (v.isPresent()) {
              current = c.scenario();
              found = v.get();
              steps.add(d.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + c.change());
              progress = true;
              again = true;
              break;
            }
          }
        }
      }
    }
    return new Result(current, found, List.copyOf(steps), runs, false);
  }

  /** The property's violation on {@code s} if it has the given metric (the same kind of failure). */
  static Optional<Violation> stillFails(Property property, Scenario s, String metric) {
    Optional<Violation> v = check(property, s);
    return v.filter(x -> x.metric().equals(metric));
  }

  /** Checks a property on a scenario; a run that throws is a {@link Violation#crash}. */
  public static Optional<Violation> check(Property property, Scenario s) {
    try {
      return property.check(new Trial(s));
    } catch (RuntimeException e) {
      return Optional.of(Violation.crash(property.name(), e));
    }
  }
}
