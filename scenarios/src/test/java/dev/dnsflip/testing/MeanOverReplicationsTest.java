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
        .hasMessage("switch 2 (disable at 31m 0s): lastStale.max was 17m 46.846s (mean of 2 replications), expected "
            + "at most 17m 46.845s; the slowest: isp (ttl-honouring) + apps (plain), latest stale use 21m 47.289s (latest of 2 runs)");
  }

  @Test
  void aBucketIsPooledOverReplications() {
    assertThatThrownBy(() -> assertThat(report).afterSwitch(1).staleShareAt(Duration.ZERO).isAtMost(0))
        .isInstanceOf(AssertionError.class)
        .hasMessage("switch 1 (enable at 1m 0s): staleShare at 0ms (bucket 0ms to 5s) was 64.61% (over 2 "
            + "replications), expected at most 0.00%; the slowest: public (ttl-honouring) + browsers (plain), latest "
            + "stale use 5m 1.525s (latest of 2 runs)");
  }
}
