package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;

/**
 * The shipped default scenario agrees with the closed form at every point the report prints for
 * the enable event: over independent runs (fixed seeds), the simulated share's mean lies within
 * the Student-t interval (family-wise 0.1%) around the prediction. The prediction folds
 * propagation in as a shift by the mean delay (uniform 1-5 s here), an approximation smaller than
 * the interval.
 */
class DefaultScenarioClosedFormTest {
  @Test
  void enableEventMatchesTheClosedForm() throws Exception {
    Scenario base = ScenarioLoader.load(Path.of("suites/default.yaml"));
    int runs = 12;
    List<ClosedFormPoint> first = null;
    SummaryStatistics[] simulated = null;
    SummaryStatistics[] predicted = null;
    for (int seed = 1; seed <= runs; seed++) {
      EventReport e = new Simulation(base.withSeed(seed), 2).run().events().get(0);
      if (first == null) {
        first = e.closedForm();
        simulated = new SummaryStatistics[first.size()];
        predicted = new SummaryStatistics[first.size()];
        for (int i = 0; i < simulated.length; i++) {
          simulated[i] = new SummaryStatistics();
          predicted[i] = new SummaryStatistics();
        }
      }
      assertThat(e.closedForm()).hasSameSizeAs(first);
      for (int i = 0; i < first.size(); i++) {
        simulated[i].addValue(e.closedForm().get(i).simulated());
        // Each run's population (client-to-resolver assignment) gives its own prediction.
        predicted[i].addValue(e.closedForm().get(i).predicted());
      }
    }
    assertThat(first).isNotEmpty();
    double t = new TDistribution(runs - 1).inverseCumulativeProbability(1 - 0.001 / (2 * first.size()));
    for (int i = 0; i < first.size(); i++) {
      double halfWidth = t * simulated[i].getStandardDeviation() / Math.sqrt(runs);
      assertThat(simulated[i].getMean()).as("at %d ms", first.get(i).offsetMs())
          .isCloseTo(predicted[i].getMean(), within(halfWidth));
    }
  }
}
