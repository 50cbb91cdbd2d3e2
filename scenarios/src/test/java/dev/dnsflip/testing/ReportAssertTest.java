package dev.dnsflip.testing;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Switches numbered from 1, and the scenario's own {@code expect:} bounds at their edges. */
class ReportAssertTest {
  private static final Path DEFAULT = Path.of("suites/default.yaml");

  private static TransitionReport report;
  /** The default scenario with its bounds moved to its own figures: some exactly there, some a millisecond short. */
  private static TransitionReport atTheEdges;

  @BeforeAll
  static void runDefault() throws InputException, IOException {
    report = Dnsflip.run(DEFAULT);
    long enableMax = Math.round(report.events().get(0).metric("lastStale.max").estimate().mean());
    long enableZero = Math.round(report.events().get(0).metric("staleShareZero").estimate().mean());
    long disableMax = Math.round(report.events().get(1).metric("lastStale.max").estimate().mean());
    String yaml = Files.readString(DEFAULT)
        .replace("{ switch: enable, metric: lastStale.max, atMost: 305s }",
            "{ switch: enable, metric: lastStale.max, atMost: " + enableMax + "ms }")
        .replace("{ switch: enable, metric: staleShareZero, atMost: 305s }",
            "{ switch: enable, metric: staleShareZero, atMost: " + (enableZero - 1) + "ms }")
        .replace("{ switch: disable, metric: lastStale.max, atMost: 1805s }",
            "{ switch: disable, metric: lastStale.max, atMost: " + (disableMax - 1) + "ms }");
    atTheEdges = Dnsflip.run(ScenarioLoader.parse(yaml, DEFAULT.toString()));
  }

  @Test
  void switchesAreNumberedFromOne() {
    assertThat(report).afterSwitch(1).isSameAs(report.events().get(0));
    assertThat(report).afterSwitch(2).isSameAs(report.events().get(1));
  }

  @Test
  void switchZeroIsRefused() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("no switch 0 in scenario default: it has 2 switch events, numbered from 1 to 2");
  }

  @Test
  void switchPastTheLastIsRefused() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(3))
        .isInstanceOf(AssertionError.class)
        .hasMessage("no switch 3 in scenario default: it has 2 switch events, numbered from 1 to 2");
  }

  @Test
  void theShippedExpectationsPass() {
    assertThat(report).expectationsPass();
  }

  @Test
  void boundsAtTheirFigurePassAndOneMillisecondShortFailEachListed() {
    assertThatThrownBy(() -> assertThat(atTheEdges).expectationsPass())
        .isInstanceOf(AssertionError.class)
        .hasMessage("""
            scenario default: 2 of 5 expectations failed
            FAIL switch 1 staleShareZero = 5m 5s, expected <= 5m 4.999s (suites/default.yaml:210:5)
            FAIL switch 2 lastStale.max = 25m 20.266s, expected <= 25m 20.265s (suites/default.yaml:213:5)""");
  }
}
