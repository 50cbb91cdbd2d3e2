package dev.dnsflip.explore;

import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.QuestionStats;
import dev.dnsflip.simulation.Scenario;
import java.util.Optional;

/**
 * "consistent": the figures of each switch event agree with each other as their definitions say
 * (TransitionStats). Per replication, so also for the means and maxima across replications:
 * staleUses <= uses, clientsWithStaleUse <= clientsObserved <= uses, clientsWithStaleUse <=
 * staleUses, 0 <= staleShare <= 1, lastStale p50 <= p90 <= p99 <= p99.9 <= max, firstFresh p50 <=
 * p99 <= max, staleShareBelow1% <= staleShareBelow0.1% <= staleShareZero, clientsStaleAfter
 * decreasing with the horizon, every time below the window length; with a stale use,
 * staleShareZero - bucket <= lastStale.max < staleShareZero (maxima), and a client stale after h
 * means lastStale.max >= h; without one, every stale figure is 0. With one replication, the
 * series, the per-question counts and the blame pairs add up to uses and staleUses, and their
 * latest stale use is lastStale.max.
 */
public final class ConsistencyProperty implements Property {
  private static final String[][] ORDERED = {
      {"staleUses", "uses"}, {"clientsWithStaleUse", "clientsObserved"}, {"clientsObserved", "uses"},
      {"clientsWithStaleUse", "staleUses"},
      {"lastStale.p50", "lastStale.p90"}, {"lastStale.p90", "lastStale.p99"}, {"lastStale.p99", "lastStale.p99.9"},
      {"lastStale.p99.9", "lastStale.max"}, {"firstFresh.p50", "firstFresh.p99"}, {"firstFresh.p99", "firstFresh.max"},
      {"staleShareBelow1%", "staleShareBelow0.1%"}, {"staleShareBelow0.1%", "staleShareZero"},
      {"clientsStaleAfter.1h", "clientsStaleAfter.15m"}, {"clientsStaleAfter.15m", "clientsStaleAfter.5m"},
      {"clientsStaleAfter.5m", "clientsStaleAfter.1m"}};
  private static final String[] HORIZONS = {"clientsStaleAfter.1m", "clientsStaleAfter.5m", "clientsStaleAfter.15m",
      "clientsStaleAfter.1h"};
  private static final long[] HORIZON_MS = {60_000, 300_000, 900_000, 3_600_000};

  @Override
  public String name() {
    return "consistent";
  }

  @Override
  public String description() {
    return "each event's metrics agree with their definitions (orderings, shares in [0, 1], times inside the "
        + "window, staleShareZero - bucket <= lastStale.max < staleShareZero, and with one replication series, "
        + "questions and blame adding up to uses and staleUses)";
  }

  @Override
  public Optional<Violation> check(Trial trial) {
    Scenario scenario = trial.scenario();
    for (EventReport e : trial.result().events()) {
      Optional<Violation> v = check(e, scenario);
      if (v.isPresent()) {
        return v;
      }
    }
    return Optional.empty();
  }

  private Optional<Violation> check(EventReport e, Scenario scenario) {
    for (String[] pair : ORDERED) {
      if (e.find(pair[0]).isEmpty() || e.find(pair[1]).isEmpty()) {
        continue;
      }
      double low = mean(e, pair[0]);
      double high = mean(e, pair[1]);
      if (low > high) {
        return fail(e, pair[0], "<= " + pair[1] + " (" + high + ")", low);
      }
    }
    double share = mean(e, "staleShare");
    if (share < 0 || share > 1) {
      return fail(e, "staleShare", "in [0, 1]", share);
    }
    long window = e.windowEndMs() - e.atMs();
    for (String m : new String[] {"lastStale.max", "firstFresh.max", "staleShareZero"}) {
      if (max(e, m) > window) {
        return fail(e, m, "<= the window, " + window + " ms", max(e, m));
      }
    }
    double staleUses = max(e, "staleUses");
    double lastStale = max(e, "lastStale.max");
    double zero = max(e, "staleShareZero");
    if (staleUses == 0) {
      for (String m : new String[] {"lastStale.max", "clientsWithStaleUse", "staleShareZero"}) {
        if (max(e, m) != 0) {
          return fail(e, m, "0 without a stale use", max(e, m));
        }
      }
    } else {
      if (lastStale >= zero) {
        return fail(e, "lastStale.max", "< staleShareZero (" + zero + " ms), the end of the last stale bucket",
            lastStale);
      }
      if (lastStale < zero - scenario.bucketMs()) {
        return fail(e, "lastStale.max", ">= staleShareZero - bucket (" + (zero - scenario.bucketMs()) + " ms)",
            lastStale);
      }
    }
    for (int h = 0; h < HORIZONS.length; h++) {
      if (e.find(HORIZONS[h]).isPresent() && max(e, HORIZONS[h]) > 0 && lastStale < HORIZON_MS[h]) {
        return fail(e, "lastStale.max", ">= " + HORIZON_MS[h] + " ms since " + HORIZONS[h] + " = "
            + max(e, HORIZONS[h]), lastStale);
      }
    }
    if (scenario.replications() == 1) {
      return sums(e);
    }
    return Optional.empty();
  }

  /** With one replication the pooled breakdowns are that replication's. */
  private Optional<Violation> sums(EventReport e) {
    long uses = (long) mean(e, "uses");
    long stale = (long) mean(e, "staleUses");
    long last = (long) mean(e, "lastStale.max");
    long seriesUses = 0;
    long seriesStale = 0;
    for (int b = 0; b < e.series().buckets(); b++) {
      seriesUses += e.series().uses()[b];
      seriesStale += e.series().staleUses()[b];
    }
    long questionUses = 0;
    long questionStale = 0;
    long questionLast = -1;
    for (QuestionStats q : e.questions()) {
      questionUses += q.uses();
      questionStale += q.staleUses();
      questionLast = Math.max(questionLast, q.lastStaleMaxMs());
    }
    long blameUses = 0;
    long blameStale = 0;
    long blameLast = -1;
    for (Blame b : e.blame()) {
      blameUses += b.uses();
      blameStale += b.staleUses();
      blameLast = Math.max(blameLast, b.lastStaleMaxMs());
    }
    long[][] checks = {{seriesUses, uses}, {seriesStale, stale}, {questionUses, uses}, {questionStale, stale},
        {blameUses, uses}, {blameStale, stale}};
    String[] names = {"series uses", "series staleUses", "question uses", "question staleUses", "blame uses",
        "blame staleUses"};
    for (int i = 0; i < checks.length; i++) {
      if (checks[i][0] != checks[i][1]) {
        return fail(e, names[i], "== " + (i % 2 == 0 ? "uses" : "staleUses") + " (" + checks[i][1] + ")", checks[i][0]);
      }
    }
    if (stale > 0 && (questionLast != last || blameLast != last)) {
      return fail(e, "question/blame lastStaleMax", "== lastStale.max (" + last + " ms)",
          questionLast != last ? questionLast : blameLast);
    }
    return Optional.empty();
  }

  private Optional<Violation> fail(EventReport e, String metric, String expected, double actual) {
    return Optional.of(Violation.of(name(), e.index(), metric, expected, format(actual)));
  }

  private static String format(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static double mean(EventReport e, String metric) {
    return e.metric(metric).estimate().mean();
  }

  private static double max(EventReport e, String metric) {
    return e.metric(metric).estimate().max();
  }

  @Override
  public String toString() {
    return name();
  }
}
