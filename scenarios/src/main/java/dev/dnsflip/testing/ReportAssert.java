package dev.dnsflip.testing;

import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.reports.TransitionReport;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a run's report: its switch events, numbered from 1, and its {@code expect:} bounds. */
public final class ReportAssert extends AbstractAssert<ReportAssert, TransitionReport> {
  ReportAssert(TransitionReport report) {
    super(report, ReportAssert.class);
  }

  /** Switch {@code n}, counted from 1 as every report counts; a switch the scenario lacks is a failure. */
  public SwitchAssert afterSwitch(int n) {
    isNotNull();
    int count = actual.events().size();
    if (n < 1 || n > count) {
      fail("no switch " + n + " in scenario " + actual.scenario() + ": it has " + switches(count));
    }
    return new SwitchAssert(actual.events().get(n - 1), actual.replications());
  }

  /** Outage {@code n}, counted from 1 in the order of {@code outages:}; an outage the scenario lacks is a failure. */
  public OutageAssert duringOutage(int n) {
    isNotNull();
    int count = actual.answering().outages().size();
    if (n < 1 || n > count) {
      fail("no outage " + n + " in scenario " + actual.scenario() + ": it has " + (count == 0 ? "none"
          : count == 1 ? "1 outage, outage 1" : count + " outages, numbered from 1 to " + count));
    }
    return new OutageAssert(actual.answering().outages().get(n - 1), actual.scenario(), actual.replications());
  }

  /** Every {@code expect:} bound the scenario declares holds (none declared passes). */
  public ReportAssert expectationsPass() {
    isNotNull();
    List<ExpectationResult> failed = actual.expectations().stream().filter(r -> !r.passed()).toList();
    if (!failed.isEmpty()) {
      StringBuilder message = new StringBuilder("scenario ").append(actual.scenario()).append(": ")
          .append(failed.size()).append(" of ").append(actual.expectations().size()).append(" expectations failed");
      failed.forEach(r -> message.append('\n').append(ConsoleSummary.failure(r)));
      fail(message.toString());
    }
    return this;
  }

  private static String switches(int count) {
    return switch (count) {
      case 0 -> "no switch events";
      case 1 -> "1 switch event, switch 1";
      default -> count + " switch events, numbered from 1 to " + count;
    };
  }

  /** AssertJ formats failure messages; a percentage's '%' must reach the reader as written. */
  private void fail(String message) {
    failWithMessage(message.replace("%", "%%"));
  }
}
