package dev.dnsflip.scenarios;

import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.simulation.Expectation;
import java.util.ArrayList;
import java.util.List;

/** Checks a scenario's declared bounds against a run's result: each selected event's metric mean. */
public final class ExpectationCheck {
  private ExpectationCheck() {}

  public static List<ExpectationResult> check(RunResult result, List<Expectation> expectations) {
    List<ExpectationResult> results = new ArrayList<>();
    for (Expectation x : expectations) {
      boolean matched = false;
      for (EventReport e : result.events()) {
        if (!selects(x.selector(), e)) {
          continue;
        }
        matched = true;
        // A bound on what the window cannot measure fails rather than passing on a 0.
        double actual = e.find(x.metric()).map(m -> m.estimate().mean()).orElse(Double.NaN);
        boolean ok = !Double.isNaN(actual) && (x.atMost() == null || actual <= x.atMost())
            && (x.atLeast() == null || actual >= x.atLeast());
        results.add(new ExpectationResult(x.where(), e.index(), x.metric(), x.atMost(), x.atLeast(), actual, ok));
      }
      if (!matched) {
        results.add(new ExpectationResult(x.where(), -1, x.metric(), x.atMost(), x.atLeast(), Double.NaN, false));
      }
    }
    return results;
  }

  private static boolean selects(String selector, EventReport e) {
    return switch (selector) {
      case "all" -> true;
      case "enable", "disable" -> e.direction().key().equals(selector);
      default -> selector.equals(Integer.toString(e.index() + 1));
    };
  }
}
