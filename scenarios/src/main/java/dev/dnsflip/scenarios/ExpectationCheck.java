package dev.dnsflip.scenarios;

import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.observe.OutageFigures;
import dev.dnsflip.observe.OutageMetrics;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.simulation.Expectation;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a scenario's declared bounds against a run's result: each selected event's metric mean.
 * A mean the window cut short in some run (censored) is only a lower bound, so an upper bound on
 * it fails: it cannot be confirmed.
 */
public final class ExpectationCheck {
  private ExpectationCheck() {}

  public static List<ExpectationResult> check(RunResult result, List<Expectation> expectations) {
    List<ExpectationResult> results = new ArrayList<>();
    for (Expectation x : expectations) {
      if (x.outage() > 0) {
        results.add(outage(result, x));
        continue;
      }
      boolean matched = false;
      for (EventReport e : result.events()) {
        if (!selects(x.selector(), e)) {
          continue;
        }
        matched = true;
        // A bound on what the window cannot measure fails rather than passing on a 0.
        if (x.isScoped()) {
          double actual = scoped(x, e);
          boolean ok = !Double.isNaN(actual) && (x.atMost() == null || actual <= x.atMost())
              && (x.atLeast() == null || actual >= x.atLeast());
          results.add(new ExpectationResult(x.where(), e.index(), x.metric(), x.atMost(), x.atLeast(), actual, ok,
              0, e.find(x.metric()).map(m -> m.estimate().samples()).orElse(0), x.scope()));
          continue;
        }
        Estimate estimate = e.find(x.metric()).map(Metric::estimate).orElse(null);
        double actual = estimate == null ? Double.NaN : estimate.mean();
        int censored = estimate == null ? 0 : estimate.censored();
        // A censored mean is a lower bound of the truth: it may confirm atLeast, never atMost.
        boolean ok = !Double.isNaN(actual) && (x.atMost() == null || (censored == 0 && actual <= x.atMost()))
            && (x.atLeast() == null || actual >= x.atLeast());
        results.add(new ExpectationResult(x.where(), e.index(), x.metric(), x.atMost(), x.atLeast(), actual, ok,
            censored, estimate == null ? 0 : estimate.samples(), null));
      }
      if (!matched) {
        results.add(new ExpectationResult(x.where(), -1, x.metric(), x.atMost(), x.atLeast(), Double.NaN, false,
            0, 0, x.scope()));
      }
    }
    return results;
  }

  /**
   * A bound on an outage's figure: its mean over the runs with a query inside (none: not a number,
   * failed); for one group, that group's share pooled over the runs.
   */
  private static ExpectationResult outage(RunResult result, Expectation x) {
    List<OutageAnswers> outages = result.answering().outages();
    OutageAnswers o = x.outage() <= outages.size() ? outages.get(x.outage() - 1) : null;
    Estimate estimate = o == null ? null : OutageMetrics.estimate(o, x.metric()).orElse(null);
    double actual = estimate == null || estimate.samples() == 0 ? Double.NaN : estimate.mean();
    if (o != null && x.isScoped()) {
      List<OutageFigures> groups = x.resolverGroup() != null ? o.byResolverGroup() : o.byClientGroup();
      String name = x.resolverGroup() != null ? x.resolverGroup() : x.clientGroup();
      actual = groups.stream().filter(g -> g.name().equals(name)).findFirst()
          .map(g -> x.metric().equals(OutageMetrics.RIDE_THROUGH_SHARE) ? g.rideThroughShare() : g.answeredShare())
          .orElse(Double.NaN);
    }
    boolean ok = !Double.isNaN(actual) && (x.atMost() == null || actual <= x.atMost())
        && (x.atLeast() == null || actual >= x.atLeast());
    return new ExpectationResult(x.where(), -1, x.metric(), x.atMost(), x.atLeast(), actual, ok, 0,
        estimate == null ? 0 : estimate.samples(), x.scope(), x.outage());
  }

  /**
   * The latest stale use of the scoped groups' clients, from the blame table: the maximum over
   * every run (with one replication, that run's). 0 when they used only fresh answers; not a
   * number when they made no use in the window.
   */
  private static double scoped(Expectation x, EventReport e) {
    boolean used = false;
    long latest = 0;
    for (Blame b : e.blame()) {
      if ((x.resolverGroup() == null || x.resolverGroup().equals(b.resolverGroup()))
          && (x.clientGroup() == null || x.clientGroup().equals(b.clientGroup()))) {
        used |= b.uses() > 0;
        latest = Math.max(latest, b.lastStaleMaxMs());
      }
    }
    return used ? latest : Double.NaN;
  }

  private static boolean selects(String selector, EventReport e) {
    return switch (selector) {
      case "all" -> true;
      case "enable", "disable" -> e.direction().key().equals(selector);
      default -> selector.equals(Integer.toString(e.index() + 1));
    };
  }
}
