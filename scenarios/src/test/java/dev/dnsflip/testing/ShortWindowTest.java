package dev.dnsflip.testing;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The default scenario cut to 33 minutes: switch 2's window is 2 minutes, too short for the stale
 * share to reach zero, so its threshold time is censored (the window length stands in).
 */
class ShortWindowTest {
  private static TransitionReport report;

  @BeforeAll
  static void runShort() throws InputException, IOException {
    String yaml = Files.readString(Path.of("suites/default.yaml")).replace("duration: 70m", "duration: 33m");
    report = Dnsflip.run(ScenarioLoader.parse(yaml, "suites/default.yaml"));
  }

  @Test
  void aCensoredTimeNeverPassesAnUpperBound() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).staleShareStaysBelow(0).within(Duration.ofHours(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): staleShareZero was not reached before the window closed in 1 of 1 "
            + "replication (so at least 2m 0s), expected at most 1h 0m 0s; the slowest: isp (ttl-honouring) + "
            + "browsers (plain), latest stale use 1m 59.99s");
  }

  @Test
  void aCensoredTimeIsStillALowerBound() {
    DurationFigureAssert zero = new DurationFigureAssert(EventFigure.metric(report.events().get(1), "staleShareZero", 1));

    zero.isAtLeast(Duration.ofMinutes(2));
    assertThatThrownBy(() -> zero.isAtLeast(Duration.ofMinutes(2).plusMillis(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): staleShareZero was not reached before the window closed in 1 of 1 "
            + "replication (so at least 2m 0s), expected at least 2m 0.001s; the slowest: isp (ttl-honouring) + browsers (plain), latest stale use 1m 59.99s");
  }
}
