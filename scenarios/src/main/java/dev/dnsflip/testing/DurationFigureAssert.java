package dev.dnsflip.testing;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Bounds on a time after a switch event (a last-stale or first-fresh percentile, a threshold
 * time). With replications the mean is asserted, and a failure says so.
 */
public final class DurationFigureAssert {
  private final EventFigure figure;

  DurationFigureAssert(EventFigure figure) {
    this.figure = figure;
  }

  public DurationFigureAssert isAtMost(Duration bound) {
    return check(bound, "at most", true, figure -> figure.compareTo(bound) <= 0);
  }

  public DurationFigureAssert isLessThan(Duration bound) {
    return check(bound, "less than", true, figure -> figure.compareTo(bound) < 0);
  }

  /** A censored figure is a lower bound of the truth, so it may still confirm this. */
  public DurationFigureAssert isAtLeast(Duration bound) {
    return check(bound, "at least", false, figure -> figure.compareTo(bound) >= 0);
  }

  private DurationFigureAssert check(Duration bound, String relation, boolean upper,
      Predicate<Duration> holds) {
    Objects.requireNonNull(bound, "bound");
    Duration value = SwitchText.ofMs(figure.measured());
    String expected = relation + " " + SwitchText.duration(bound);
    // A censored time is only known to be at least the window: it can confirm a lower bound, never an upper one.
    if (figure.censored() > 0 && (upper || !holds.test(value))) {
      throw figure.censoredFail(SwitchText.duration(value), expected);
    }
    if (!holds.test(value)) {
      throw figure.fail(SwitchText.duration(value), expected);
    }
    return this;
  }
}
