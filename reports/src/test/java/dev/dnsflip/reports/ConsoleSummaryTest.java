package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.MetricRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConsoleSummaryTest {
  private static final String HEADER = "switch  direction        at  stale share  stale clients  lastStale p50"
      + "        p99        max   <1% after  <0.1% after    0 after";

  @Test
  void printsOneFixedWidthRowPerSwitchThenFailures() {
    List<String> lines = ConsoleSummary.render(SampleReports.twoFlips()).lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).isEqualTo("dnsflip two-flips: seed 42, 1 replication, 10m 0s");
    assertThat(lines.get(1)).isEqualTo(HEADER);
    assertThat(lines.get(2)).isEqualTo("     1  enable        1m 0s        1.44%             84            0ms"
        + "        12s   2m 32.3s         30s       2m 35s     2m 35s");
    assertThat(lines.get(3)).hasSameSizeAs(HEADER).startsWith("     2  disable       6m 0s       <0.01%")
        .endsWith("1s     >=3m 20s    >=4m 0s");
    assertThat(lines.get(4)).isEqualTo("switch 2 slowest: floor (isp-floor-3600) + browsers (chrome), latest stale use 3m 59s");
    assertThat(lines.get(5)).isEqualTo("FAIL switch 2 staleShareZero = 4m 0s, expected <= 2m 0s (suite.yaml:14:5)");
  }

  @Test
  void namesOnlyMetricsTheRegistryDefines() {
    assertThat(ConsoleSummary.METRICS).allSatisfy(n -> assertThat(MetricRegistry.find(n)).as(n).isPresent());
    assertThat(HtmlReport.KEY_METRICS).allSatisfy(n -> assertThat(MetricRegistry.find(n)).as(n).isPresent());
  }

  @Test
  void showsADashForAMetricTheSimulationDidNotReport() {
    EventReport full = SampleReports.enableEvent();
    EventReport sparse = new EventReport(full.index(), full.direction(), full.atMs(), full.windowEndMs(),
        full.metrics().stream().filter(m -> List.of("uses", "staleUses", "staleShare").contains(m.name())).toList(),
        full.closedForm(), full.questions(), full.series());
    TransitionReport base = SampleReports.twoFlips();
    TransitionReport report = new TransitionReport(base.scenario(), base.description(), base.seed(),
        base.replications(), base.durationMs(), base.bucketMs(), base.initialCache(), base.run(),
        List.of(sparse), List.of());
    List<String> lines = ConsoleSummary.render(report).lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(sparse.metrics()).hasSize(3);
    assertThat(lines.get(2)).isEqualTo("     1  enable        1m 0s        1.44%              -              -"
        + "          -          -           -            -          -");
  }
}
