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
        .hasMessage("switch 2 (disable at 31m 0s): lastStale.max was 20m 40.004s (mean of 2 replications), expected "
            + "at most 20m 40.003s; the slowest: isp (ttl-honouring) + apps (plain), latest stale use 25m 20.266s "
            + "(latest of 2 runs)");
  }

  @Test
  void aBucketIsPooledOverReplications() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareAt(Duration.ZERO).isAtMost(0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShare at 0ms (bucket 0ms to 5s) was 68.34% (over 2 "
            + "replications), expected at most 0.00%; the slowest: isp (ttl-honouring) + browsers (plain), latest "
            + "stale use 5m 1.434s (latest of 2 runs)");
  }
}
