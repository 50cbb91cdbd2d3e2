package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.HolderCurve;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.Readiness;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.TlsRisk;
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
  void readinessFindingsToActOnGetALineEach() {
    TransitionReport base = SampleReports.twoFlips();
    long[] none = new long[3];
    HolderCurve nobody = new HolderCurve(0, none, -1, false);
    SwitchReadiness enable = new SwitchReadiness(0, SwitchDirection.ENABLE, 300_000,
        List.of(new OriginLoad("192.0.2.10", List.of("www.example.com. A"), 20.0, false, new double[] {5, 25, 24},
            25, 5_000, 5_000), new OriginLoad("192.0.2.20", List.of(), null, true, new double[] {1, 2, 2}, 2, 5_000, -1)),
        List.of(), nobody, nobody, new TlsRisk(1000, 62, 0.062, List.of("192.0.2.10")), List.of());
    // After a disable the load only falls away: a capacity passed there is no finding.
    SwitchReadiness disable = new SwitchReadiness(1, SwitchDirection.DISABLE, 240_000, List.of(new OriginLoad(
        "192.0.2.30", List.of(), 1.0, true, new double[] {9, 0, 0}, 9, 0, 0)), List.of(),
        new HolderCurve(40, new long[] {40, 3, 1}, 12_345, true), nobody, new TlsRisk(900, 0, 0.0, List.of()), List.of());
    TransitionReport report = new TransitionReport(base.scenario(), base.description(), base.seed(),
        base.replications(), base.durationMs(), base.bucketMs(), base.initialCache(), base.accountImport(), base.run(),
        base.events(), base.expectations(), new Readiness(5_000, List.of(), List.of(enable, disable)), List.of());

    assertThat(ConsoleSummary.render(report).lines()).containsSubsequence(
        "switch 1 readiness: 192.0.2.10 above its capacity (20 req/s) from 5s after the switch, peak 25 req/s",
        "switch 1 readiness: 62 uses (6.20%) went to an origin with a certificate only Cloudflare trusts and would "
            + "fail TLS",
        "switch 2 readiness: the last client let go of the origin addresses 12.345s after the switch (still holding "
            + "one when the window closed)")
        .noneMatch(l -> l.contains("192.0.2.20") || l.contains("192.0.2.30"));
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
