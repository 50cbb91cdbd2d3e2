package dev.dnsflip.explore;

import dev.dnsflip.simulation.Expectation;
import java.util.Optional;

/**
 * What a property found wrong with a scenario: the metric, what was expected (with the derivation
 * of the bound) and what the run gave. Time bounds also carry their values in milliseconds, so a
 * written scenario can state the bound as an {@code expect:} entry.
 *
 * @param event the switch event (index), or -1 when the violation concerns the whole run
 * @param boundMs the exclusive bound in ms, or {@link #NO_BOUND}
 * @param actualMs the measured value in ms, or {@link #NO_BOUND}
 */
public record Violation(String property, int event, String metric, String expected, String actual, long boundMs,
    long actualMs) {
  public static final long NO_BOUND = -1;
  /** The metric of a run that threw instead of finishing. */
  public static final String CRASH = "run";

  /** A violation without a time bound (determinism, consistency). */
  public static Violation of(String property, int event, String metric, String expected, String actual) {
    return new Violation(property, event, metric, expected, actual, NO_BOUND, NO_BOUND);
  }

  /** A run that threw: the simulator refused or broke on a scenario the generator considers valid. */
  public static Violation crash(String property, RuntimeException e) {
    return of(property, -1, CRASH, "completes", e.getClass().getSimpleName() + ": " + e.getMessage());
  }

  public boolean isTimeBound() {
    return boundMs != NO_BOUND;
  }

  /** One line: where (switches counted from 1, as `dnsflip run` prints them), metric, actual, expected. */
  public String describe() {
    String where = event < 0 ? "run" : "switch " + (event + 1);
    return where + ": " + metric + " = " + actual + ", expected " + expected;
  }

  /**
   * The bound as an expectation {@code dnsflip run} checks (mean over replications, so exact with
   * one replication): lastStale.max at most bound - 1 ms, or no stale use when the bound is 0.
   */
  public Optional<Expectation> asExpectation() {
    if (!isTimeBound() || event < 0) {
      return Optional.empty();
    }
    String selector = Integer.toString(event + 1); // switches counted from 1, as in scenario files
    String where = "explore " + property;
    if (boundMs <= 0) {
      return Optional.of(new Expectation(selector, "staleUses", 0.0, null, where));
    }
    return Optional.of(new Expectation(selector, metric, (double) (boundMs - 1), null, where));
  }
}
