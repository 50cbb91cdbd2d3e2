package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.StaleSeries;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page with its SVG charts, and the per-bucket CSV. */
class HtmlAndCsvReportTest {
  private static final TransitionReport SAMPLE = SampleReports.twoFlips();

  @Test
  void htmlIsOneSelfContainedDeterministicPageWithTwoChartsPerEvent() {
    String html = HtmlReport.render(SAMPLE);
    assertThat(html).isEqualTo(HtmlReport.render(SampleReports.twoFlips()));
    assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
    assertThat(count(html, "<svg ")).isEqualTo(2 * SAMPLE.events().size());
    assertThat(count(html, "</svg>")).isEqualTo(2 * SAMPLE.events().size());
    assertThat(html).doesNotContain("<script", "src=", "href=", "@import");
    assertThat(html).contains("<h2>Switch 1: enable at 1m 0s</h2>", "<h2>Switch 2: disable at 6m 0s</h2>");
    assertThat(html).contains("<strong>Slowest behaviour:</strong> floor (isp-floor-3600) with browsers (chrome)");
    assertThat(html).contains("<td class=\"fail\">FAIL</td>");
    assertThat(html).doesNotContain("Account import");
  }

  @Test
  void htmlEscapesWhatUsersWroteAndShowsTheImport() {
    TransitionReport hostile = new TransitionReport("<b>x</b> & \"y\"", "a <script>", SAMPLE.seed(),
        SAMPLE.replications(), SAMPLE.durationMs(), SAMPLE.bucketMs(), SAMPLE.initialCache(), SAMPLE.run(),
        SAMPLE.events(), SAMPLE.expectations())
        .withAccountImport(new AccountImport(List.of("e.txt"), List.of(), List.of(), List.of(), "Imported <1> zone\n"));
    String html = HtmlReport.render(hostile);
    assertThat(html).contains("<h1>dnsflip report: &lt;b&gt;x&lt;/b&gt; &amp; &quot;y&quot;</h1>",
        "<p>a &lt;script&gt;</p>", "<h2>Account import</h2>\n<pre>Imported &lt;1&gt; zone\n</pre>");
    assertThat(html).doesNotContain("<script>", "<b>x</b>");
  }

  @Test
  void chartAxisEndsAFifthAfterTheLastStaleBucketButNotPastTheWindowNorBeforeAMinute() {
    long[] uses = new long[100];
    long[] stale = new long[100];
    java.util.Arrays.fill(uses, 10);
    stale[59] = 1; // last stale bucket ends at 300 s
    StaleSeries series = new StaleSeries(5_000, uses, stale);
    assertThat(StaleChart.xAxisEnd(series, 500_000)).isEqualTo(360_000);
    assertThat(StaleChart.xAxisEnd(series, 330_000)).as("the window ends first").isEqualTo(330_000);
    stale[59] = 0;
    stale[0] = 1;
    assertThat(StaleChart.xAxisEnd(series, 500_000)).as("at least a minute").isEqualTo(60_000);
  }

  @Test
  void theLinearAxisEndsAtTheSmallestNiceShareAtOrAboveThePeak() {
    assertThat(StaleChart.niceShareCeiling(0)).isEqualTo(0.01);
    assertThat(StaleChart.niceShareCeiling(0.05)).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(StaleChart.niceShareCeiling(0.0501)).isEqualTo(0.06, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(StaleChart.niceShareCeiling(0.45)).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(StaleChart.niceShareCeiling(1)).isEqualTo(1);
  }

  @Test
  void theStepLineAndThePredictionSitWhereTheirValuesAre() {
    // Plot area: x 64..696 over 0..60 s, y 16..220 over 0..50% (peak 45% -> axis 50%).
    StaleSeries series = new StaleSeries(30_000, new long[] {100, 100}, new long[] {45, 0});
    String svg = StaleChart.render(series, List.of(new ClosedFormPoint(30_000, 0.25, 0)), 60_000,
        StaleChart.Scale.LINEAR, "t");
    assertThat(svg).contains("<path class=\"simulated\" d=\"M64.0 36.4 L380.0 36.4 L380.0 220.0 L696.0 220.0\"/>");
    assertThat(svg).contains("<circle class=\"predicted\" cx=\"380.0\" cy=\"118.0\" r=\"3\"/>");
    String log = StaleChart.render(series, List.of(), 60_000, StaleChart.Scale.LOG, "t");
    assertThat(log).as("0 sits on the 0.01% floor").contains("L380.0 220.0 L696.0 220.0\"/>");
    assertThat(log).as("45% on the log axis: 16 + (1 - (log10 0.45 + 4) / 4) * 204")
        .contains(String.format(java.util.Locale.ROOT, "M64.0 %.1f", 16 + (1 - (Math.log10(0.45) + 4) / 4) * 204));
  }

  @Test
  void tickLabelsAreShort() {
    assertThat(StaleChart.timeLabel(0)).isEqualTo("0");
    assertThat(StaleChart.timeLabel(30_000)).isEqualTo("30s");
    assertThat(StaleChart.timeLabel(300_000)).isEqualTo("5m");
    assertThat(StaleChart.timeLabel(5_400_000)).isEqualTo("1h 30m");
    assertThat(StaleChart.timeLabel(7_200_000)).isEqualTo("2h");
    assertThat(StaleChart.shareLabel(0)).isEqualTo("0%");
    assertThat(StaleChart.shareLabel(0.001)).isEqualTo("0.1%");
    assertThat(StaleChart.shareLabel(1e-4)).isEqualTo("0.01%");
    assertThat(StaleChart.shareLabel(0.25)).isEqualTo("25%");
    assertThat(StaleChart.shareLabel(0.06)).as("no binary noise").isEqualTo("6%");
  }

  @Test
  void csvHasOneRowPerBucketWithEmptyFieldsForNoValue() {
    String csv = CsvReport.render(SAMPLE);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo(CsvReport.HEADER);
    int buckets = SAMPLE.events().stream().mapToInt(e -> e.series().buckets()).sum();
    assertThat(lines).hasSize(1 + buckets);
    assertThat(lines.get(1)).isEqualTo("1,enable,0,5000,100,40,0.4,0.45");
    assertThat(lines.get(4)).as("no use in the bucket: no share").isEqualTo("1,enable,15000,20000,0,0,,0.3");
    assertThat(lines.get(5)).isEqualTo("1,enable,20000,25000,100,2,0.02,");
    assertThat(lines.get(1 + 60)).isEqualTo("2,disable,0,5000,10,1,0.1,");
    assertThat(lines.get(lines.size() - 1)).as("the last bucket ends with the window")
        .isEqualTo("2,disable,235000,240000,10,1,0.1,");
    assertThat(csv).isEqualTo(CsvReport.render(SampleReports.twoFlips())).endsWith("\n").doesNotContain("\r", "E-");
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
