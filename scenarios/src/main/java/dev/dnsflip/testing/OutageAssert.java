package dev.dnsflip.testing;

import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.reports.Figures;
import org.assertj.core.internal.Failures;

/**
 * Bounds on one authoritative outage's shares, each the mean of the runs' shares (as an
 * {@code expect:} bound on {@code answered.share} or {@code rideThrough.share} reads it).
 */
public final class OutageAssert {
  private final OutageAnswers outage;
  private final String scenario;
  private final int replications;

  OutageAssert(OutageAnswers outage, String scenario, int replications) {
    this.outage = outage;
    this.scenario = scenario;
    this.replications = replications;
  }

  /** The share of the client queries made inside the outage that were answered. */
  public OutageAssert answeredShareIsAtLeast(double ratio) {
    return atLeast("answered share", outage.answeredShare(), ratio);
  }

  public OutageAssert answeredShareIsAtMost(double ratio) {
    return atMost("answered share", outage.answeredShare(), ratio);
  }

  /** The share of the clients that queried inside the outage whose every query there was answered. */
  public OutageAssert rideThroughIsAtLeast(double ratio) {
    return atLeast("ride-through share", outage.rideThrough(), ratio);
  }

  public OutageAssert rideThroughIsAtMost(double ratio) {
    return atMost("ride-through share", outage.rideThrough(), ratio);
  }

  private OutageAssert atLeast(String name, Estimate e, double ratio) {
    double value = measured(name, e);
    if (!(value >= ratio)) {
      throw fail(name + " was " + shown(value) + ", expected at least " + Figures.percent(ratio));
    }
    return this;
  }

  private OutageAssert atMost(String name, Estimate e, double ratio) {
    double value = measured(name, e);
    if (!(value <= ratio)) {
      throw fail(name + " was " + shown(value) + ", expected at most " + Figures.percent(ratio));
    }
    return this;
  }

  private double measured(String name, Estimate e) {
    if (e.samples() == 0) {
      throw fail(name + " has no value: no client queried inside the outage");
    }
    return e.mean();
  }

  private String shown(double value) {
    return Figures.percent(value) + (replications > 1 ? " (mean of " + replications + " replications)" : "");
  }

  /** "scenario x, outage 1 (5m 0s – 2h 5m 0s): answered share was 26.47%, expected at least 50.00%". */
  private AssertionError fail(String what) {
    return Failures.instance().failure("scenario " + scenario + ", outage " + outage.number() + " ("
        + Figures.duration(outage.fromMs()) + " – " + Figures.duration(outage.toMs()) + "): " + what);
  }
}
