package dev.dnsflip.explore;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.scenarios.ExpectationCheck;
import dev.dnsflip.scenarios.Exploration;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The {@code properties:} of a user's scenario as one property: every bound holds after every
 * switch of its direction, on every variation {@code vary:} allows. A bound whose direction the
 * variation has no switch of holds vacuously (a schedule of one enable says nothing about
 * disables). Only variations are checked: a shrunk scenario outside {@code vary:} is no
 * counterexample.
 */
public final class ScenarioProperty implements Property {
  private final Exploration exploration;

  public ScenarioProperty(Exploration exploration) {
    this.exploration = exploration;
  }

  @Override
  public String name() {
    return "properties";
  }

  @Override
  public String description() {
    return exploration.properties().stream().map(Exploration.Bound::describe).collect(Collectors.joining("; "));
  }

  @Override
  public String applicability() {
    Exploration.Vary v = exploration.vary();
    return v.minFlips() + ".." + v.maxFlips() + " flips at whole seconds from " + Durations.format(v.fromMs())
        + " to " + Durations.format(v.toMs()) + ", at least " + Durations.format(v.minGapMs()) + " apart"
        + (v.focus().isEmpty() ? "" : ", half of them drawn near: " + String.join(", ",
            v.focus().stream().map(Exploration.Focus::key).toList()))
        + (v.shareSpread() > 0 ? ", group counts within ±" + Math.round(v.shareSpread() * 100) + "%" : "")
        + (v.seeds() ? ", a seed per variation" : "");
  }

  @Override
  public boolean appliesTo(Scenario scenario) {
    return Variations.allows(exploration.vary(), scenario);
  }

  @Override
  public Optional<Violation> check(Trial trial) {
    RunResult result = trial.result();
    for (Exploration.Bound b : exploration.properties()) {
      Expectation x = b.asExpectation();
      List<ExpectationResult> results = ExpectationCheck.check(result, List.of(x));
      for (ExpectationResult r : results) {
        if (r.event() < 0 || r.passed()) {
          continue; // no switch of this direction: nothing to bound
        }
        String actual = Double.isNaN(r.actual()) ? "not measured in the switch's window"
            : dev.dnsflip.scenarios.Bounds.show(b.metric(), r.actual());
        boolean time = dev.dnsflip.scenarios.Bounds.isDuration(b.metric()) && !Double.isNaN(r.actual());
        return Optional.of(new Violation(name(), r.event(), b.metric(), b.describe() + " (" + b.where() + ")", actual,
            time && b.atMost() != null ? Math.round(b.atMost()) + 1 : Violation.NO_BOUND,
            time ? Math.round(r.actual()) : Violation.NO_BOUND));
      }
    }
    return Optional.empty();
  }

  /** The bound that failed, as the {@code expect:} entry of the failing switch (numbered from 1). */
  public Optional<Expectation> asExpectation(Violation v) {
    return exploration.properties().stream().filter(b -> b.metric().equals(v.metric())).findFirst()
        .map(b -> new Expectation(Integer.toString(v.event() + 1), b.metric(), b.atMost(), b.atLeast(), b.where()));
  }
}
