package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportTest {
  private final String md = MarkdownReport.render(SampleReports.twoFlips());
  private final List<String> lines = md.lines().toList();

  @Test
  void opensWithTitleDescriptionAndRunFacts() {
    assertThat(md).startsWith("# dnsflip report: two-flips\n\nEnable during an outage,\nthen disable.\n\n## Run\n");
    assertThat(lines).contains("| Seed | 42 |", "| Queries | 123,456 |", "| Cache hit ratio | 81.25% |",
        "| Max propagation delay | 2.5s |", "| Duration | 10m 0s |");
  }

  @Test
  void headsEachSwitchWithDirectionAndTime() {
    assertThat(lines).contains("## Switch 1: enable at 1m 0s", "## Switch 2: disable at 6m 0s");
  }

  @Test
  void rendersOneValuePerMetricForOneRun() {
    assertThat(lines).contains("| Metric | Value | Description |",
        "| lastStale.max | 2m 32.3s | latest stale use of any client |",
        "| staleShare | 1.44% | stale uses / uses |",
        "| uses | 5,900 | uses (queries) by clients inside the window |");
  }

  @Test
  void rendersMeansWithIntervalsAndRangesOverRuns() {
    List<String> three = MarkdownReport.render(SampleReports.threeRuns()).lines().toList();
    assertThat(three).contains("| Metric | Mean of 3 runs | 95% CI | Min – max over runs | Description |",
        "| staleShare | <0.01% | <0.01% – 0.01% | <0.01% – 0.01% | stale uses / uses |",
        "| uses | 1,000 | 900 – 1,100 | 950 – 1,050 | uses (queries) by clients inside the window |");
  }

  @Test
  void marksCensoredMetricsAsLowerBoundsWithoutAnInterval() {
    List<String> three = MarkdownReport.render(SampleReports.threeRuns()).lines().toList();
    assertThat(three).contains(
        "| staleShareZero | not reached before the window closed in all 3 runs (≥ 4m 0s) |  | 4m 0s – 4m 0s "
            + "| end of the last bucket with any stale use |",
        "| staleShareBelow0.1% | ≥ 3m 20s (not reached before the window closed in 1 of 3 runs) |  | 3m 0s – 4m 0s "
            + "| stays below 0.1% |");
  }

  @Test
  void labelsTheLatestStaleUseAsTheLatestInAnyRun() {
    String three = MarkdownReport.render(SampleReports.threeRuns());
    assertThat(three).contains("latest stale use 3m 59s after the switch (the latest in any of 3 runs), 28 stale uses.",
        "| Stale share | Latest stale use (any run) |");
    assertThat(md).contains("| Stale share | Latest stale use |").doesNotContain("any run");
  }

  @Test
  void comparesClosedFormWithSimulation() {
    assertThat(lines).contains("| 0ms | 45.00% | 40.00% |", "| 15s | 30.00% | n/a |");
    assertThat(lines).contains("No closed-form prediction for this event.");
  }

  @Test
  void sortsQuestionsByStaleUsesThenName() {
    int api = lines.indexOf("| api.example.com A | 2,000 | 40 | 2.00% | 30s |");
    int www = lines.indexOf("| www.example.com A | 3,000 | 40 | 1.33% | 2m 32.3s |");
    int cdn = lines.indexOf("| cdn.example.com AAAA | 100 | 5 | 5.00% | 9s |");
    int mail = lines.indexOf("| mail.example.com MX | 900 | 0 | 0.00% | never |");
    assertThat(api).isPositive();
    assertThat(www).isGreaterThan(api);
    assertThat(cdn).isGreaterThan(www);
    assertThat(mail).isGreaterThan(cdn);
  }

  @Test
  void condensesTheSeriesAndCollapsesTheZeroTail() {
    int header = lines.indexOf("### Stale share over time");
    List<String> table = lines.subList(header + 2, header + 2 + 17);
    assertThat(table).containsExactly(
        "| After switch | Uses | Stale uses | Stale share |",
        "|---|---:|---:|---:|",
        "| 0ms – 5s | 100 | 40 | 40.00% |",
        "| 5s – 10s | 100 | 20 | 20.00% |",
        "| 10s – 15s | 100 | 10 | 10.00% |",
        "| 15s – 20s | 0 | 0 | n/a |",
        "| 20s – 25s | 100 | 2 | 2.00% |",
        "| 25s – 30s | 100 | 1 | 1.00% |",
        "| 30s – 35s | 100 | 0 | 0.00% |",
        "| 35s – 40s | 100 | 0 | 0.00% |",
        "| 40s – 45s | 100 | 0 | 0.00% |",
        "| 45s – 50s | 100 | 0 | 0.00% |",
        "| 50s – 55s | 100 | 0 | 0.00% |",
        "| 55s – 1m 0s | 100 | 0 | 0.00% |",
        "| 1m 0s – 2m 0s | 1,200 | 0 | 0.00% |",
        "| 2m 0s – 3m 0s | 1,200 | 1 | 0.08% |",
        "| 3m 0s – 5m 0s | 2,400 | 0 | 0.00% |");
    assertThat(lines.get(header + 2 + 17)).isEmpty();
  }

  @Test
  void endsWithExpectationResults() {
    assertThat(md).endsWith("""
        ## Expectations

        1 of 2 expectations failed.

        | Result | Switch | Metric | Bound | Actual | Where |
        |---|---:|---|---|---:|---|
        | PASS | 1 | lastStale.p99 | ≤ 1m 0s | 12s | suite.yaml:12:5 |
        | FAIL | 2 | staleShareZero | ≤ 2m 0s | 4m 0s | suite.yaml:14:5 |
        """);
  }

  @Test
  void namesTheSlowestBehaviourAndBreaksStaleUsesDownByGroup() {
    String md = MarkdownReport.render(SampleReports.twoFlips());
    assertThat(md).contains("**Slowest behaviour:** resolver group `floor` (isp-floor-3600) with client group "
        + "`browsers` (chrome): latest stale use 3m 59s after the switch, 28 stale uses.\n");
    assertThat(md).contains("| isp-floor-3600 | floor | browsers | chrome | 180 | 28 | 15.56% | 3m 59s |\n"
        + "| **unbound-1.17** | **all** | **all** |  | **400** | **25** | **6.25%** | **2m 0s** |\n"
        + "| unbound-1.17 | isp | browsers | chrome | 300 | 20 | 6.67% | 2m 0s |\n"
        + "| unbound-1.17 | isp | apps | go | 100 | 5 | 5.00% | 1m 0s |\n"
        + "| public-farm | public | browsers | chrome | 0 | 0 | n/a | never |");
  }

  @Test
  void writesABoundOnAMetricNoEventMeasuredInThatMetricsUnit() {
    TransitionReport base = SampleReports.twoFlips();
    TransitionReport report = new TransitionReport(base.scenario(), base.description(), base.seed(),
        base.replications(), base.durationMs(), base.bucketMs(), base.initialCache(), base.run(), base.events(),
        List.of(new ExpectationResult("s.yaml:3:5", 0, "clientsStaleAfter.1h", 0.5, null, Double.NaN, false)));

    assertThat(base.events()).allSatisfy(e -> assertThat(e.find("clientsStaleAfter.1h")).isEmpty());
    assertThat(MarkdownReport.render(report)).contains("| FAIL | 1 | clientsStaleAfter.1h | ≤ 50.00% | n/a | s.yaml:3:5 |");
  }

  @Test
  void isDeterministic() {
    assertThat(MarkdownReport.render(SampleReports.twoFlips())).isEqualTo(md);
  }
}
