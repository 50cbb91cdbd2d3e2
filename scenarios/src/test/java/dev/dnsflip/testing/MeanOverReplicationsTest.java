package dev.dnsflip.testing;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With replications a metric is a mean, a series bucket is pooled, and failures say which. */
class MeanOverReplicationsTest {
  private static TransitionReport report;

  @BeforeAll
  static void runDefaultTwice() throws InputException {
    report = Dnsflip.run(Dnsflip.load(Path.of("suites/default.yaml")).scenario().withReplications(2));
  }

  @Test
  void aMetricIsAssertedOnItsMean() {
    Duration mean = SwitchText.ofMs(report.events().get(1).metric("lastStale.max").estimate().mean());

    assertThat(report).afterSwitch(2).lastStale().max().isAtMost(mean);
    assertThatThrownBy(() -> assertThat(report).afterSwitch(2).lastStale().max().isAtMost(mean.minusMillis(1)))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 2 (disable at 31m 0s): lastStale.max was 24m 6.387s (mean of 2 replications), expected "
            + "at most 24m 6.386s; the slowest: public (ttl-honouring) + browsers (plain), latest stale use 30m 4.056s (latest of 2 runs)");
  }

  @Test
  void aBucketIsPooledOverReplications() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareAt(Duration.ZERO).isAtMost(0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShare at 0ms (bucket 0ms to 5s) was 64.57% (over 2 "
            + "replications), expected at most 0.00%; the slowest: public (ttl-honouring) + browsers (plain), latest "
            + "stale use 5m 1.661s (latest of 2 runs)");
  }
}
