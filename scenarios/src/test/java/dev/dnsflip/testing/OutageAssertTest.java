package dev.dnsflip.testing;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.reports.TransitionReport;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Outages numbered from 1, and their shares bounded at their exact values. */
class OutageAssertTest {
  private static TransitionReport report;
  private static OutageAnswers outage;

  @BeforeAll
  static void runMoura() throws InputException {
    report = Dnsflip.run(Path.of("suites/moura-2018.yaml"), 2);
    outage = report.answering().outages().get(0);
  }

  @Test
  void aShareHoldsAtItsOwnValueAndFailsOneUlpPast() {
    double answered = outage.answeredShare().mean();
    double ride = outage.rideThrough().mean();
    assertThat(report).duringOutage(1).answeredShareIsAtLeast(answered).answeredShareIsAtMost(answered)
        .rideThroughIsAtLeast(ride).rideThroughIsAtMost(ride);
    assertThatThrownBy(() -> assertThat(report).duringOutage(1).answeredShareIsAtLeast(Math.nextUp(answered)))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("scenario moura-2018, outage 1 (10m 0s – 1h 0m 0s): answered share was 46.93%, "
            + "expected at least 46.93%");
    assertThatThrownBy(() -> assertThat(report).duringOutage(1).rideThroughIsAtMost(Math.nextDown(ride)))
        .isInstanceOf(AssertionError.class).hasMessageContaining("ride-through share was 34.43%");
  }

  @Test
  void outagesAreNumberedFromOne() {
    assertThatThrownBy(() -> assertThat(report).duringOutage(0)).isInstanceOf(AssertionError.class)
        .hasMessage("no outage 0 in scenario moura-2018: it has 3 outages, numbered from 1 to 3");
    assertThatThrownBy(() -> assertThat(report).duringOutage(4)).isInstanceOf(AssertionError.class)
        .hasMessage("no outage 4 in scenario moura-2018: it has 3 outages, numbered from 1 to 3");
  }
}
