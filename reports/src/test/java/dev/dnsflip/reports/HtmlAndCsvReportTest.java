package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.observe.StaleSeries;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The HTML page with its SVG charts, and the per-bucket CSV. */
class HtmlAndCsvReportTest {
  private static final TransitionReport SAMPLE = SampleReports.twoFlips();

  @Test
  void htmlIsOneSelfContainedDeterministicPageThatForbidsRequests() {
    String html = HtmlReport.render(SAMPLE);
    assertThat(html).isEqualTo(HtmlReport.render(SampleReports.twoFlips()));
    assertThat(html).startsWith("<!DOCTYPE html>\n").endsWith("</html>\n");
    assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        + "style-src 'unsafe-inline'\">");
    assertThat(html).doesNotContain("<script", "src=", "href=", "@import", "url(", "http:", "https:", "//");
    assertThat(html).contains("<h2 id=\"switch-1\">Switch 1: enable at 1m 0s</h2>",
        "<h2 id=\"switch-2\">Switch 2: disable at 6m 0s</h2>");
    assertThat(html).contains("<strong>Slowest behaviour:</strong> floor (isp-floor-3600) + browsers (chrome), "
        + "latest stale use 3m 59s.");
    assertThat(html).contains("<td class=\"fail\">FAIL</td>", "@media print");
    assertThat(html).doesNotContain("Account import");
  }

  @Test
  void theVerdictComesFirstWithKeyFiguresPerSwitch() {
    String html = HtmlReport.render(SAMPLE);
    int verdict = html.indexOf("<section class=\"verdict fail\"");
    assertThat(verdict).isPositive().isLessThan(html.indexOf("<h2"));
    assertThat(html).contains("<span class=\"word\">FAIL</span> — 1 of 2 expected bounds failed:",
        "<li>switch 2 staleShareZero = 4m 0s, expected &lt;= 2m 0s (suite.yaml:14:5)</li>",
        "<tr><td>2: disable at 6m 0s</td><td class=\"n\">1s</td><td class=\"n\">1s</td><td class=\"n\">1s</td>"
            + "<td>floor (isp-floor-3600) + browsers (chrome), latest stale use 3m 59s</td></tr>");
    TransitionReport passing = withExpectations(List.of(SAMPLE.expectations().get(0)));
    assertThat(HtmlReport.render(passing)).contains("<section class=\"verdict pass\"",
        "<span class=\"word\">PASS</span> — all 1 expected bounds held.");
    assertThat(HtmlReport.render(withExpectations(List.of()))).contains("<section class=\"verdict none\"",
        "No bounds declared");
  }

  @Test
  void chartsHaveAxisTitlesALegendEntryPerSeriesAndSayWhatTheyCount() {
    String html = HtmlReport.render(SampleReports.threeRuns());
    // Switch 1: the first minute enlarged and the whole window (no band or curve in its data);
    // switch 2: the whole window with the runs' spread, the CDF with p50 and p99, the tail.
    assertThat(count(html, "<svg ")).isEqualTo(5).isEqualTo(count(html, "</svg>"));
    Matcher chart = Pattern.compile("<svg [^>]*data-series-count=\"(\\d+)\">(.*?)</svg>", Pattern.DOTALL).matcher(html);
    List<Integer> counts = new java.util.ArrayList<>();
    while (chart.find()) {
      int declared = Integer.parseInt(chart.group(1));
      String body = chart.group(2);
      assertThat(count(body, "data-series=")).as("one element per series").isEqualTo(declared);
      assertThat(count(body, "class=\"axis-title x\"")).isEqualTo(1);
      assertThat(count(body, "class=\"axis-title y\"")).isEqualTo(1);
      assertThat(count(body, "<g class=\"legend\">")).isEqualTo(1);
      counts.add(declared);
    }
    assertThat(counts).containsExactly(2, 2, 2, 3, 1);
    assertThat(html).contains(">stale share of uses</text>", ">share of clients</text>",
        ">clients still stale (log)</text>", ">time after the switch</text>", ">range of 3 runs</text>");
  }

  @Test
  void theBlameTableGroupsPairsUnderTheirResolverKindSlowestFirst() {
    String html = HtmlReport.render(SAMPLE);
    String table = html.substring(html.indexOf("<table class=\"blame\">"));
    table = table.substring(0, table.indexOf("</table>"));
    assertThat(count(table, "<tr class=\"kind\"><td>unbound-1.17</td>")).isEqualTo(1);
    assertThat(table).containsSubsequence(
        "<tr class=\"kind\"><td>isp-floor-3600</td><td class=\"n\">180</td><td class=\"n\">28</td>",
        "<tr class=\"pair\"><td>floor + browsers (chrome)</td>",
        "<tr class=\"kind\"><td>unbound-1.17</td><td class=\"n\">400</td><td class=\"n\">25</td>"
            + "<td class=\"n\">6.25%</td><td class=\"n\">2m 0s</td>",
        "<tr class=\"pair\"><td>isp + browsers (chrome)</td>",
        "<tr class=\"pair\"><td>isp + apps (go)</td>",
        "<tr class=\"kind\"><td>public-farm</td>", "never");
  }

  @Test
  void theZoomSpansTheFirstNiceSpanPastTheTimeTheShareFallsUnderTenPercent() {
    long[] uses = new long[360];
    long[] stale = new long[360];
    java.util.Arrays.fill(uses, 100);
    java.util.Arrays.fill(stale, 0, 12, 50); // 50% until 60 s, then 0%
    assertThat(HtmlReport.zoomSpan(new StaleSeries(5_000, uses, stale), 1_800_000)).isEqualTo(60_000);
    stale[12] = 10; // 10% is not under 10%: falls under at 65 s
    assertThat(HtmlReport.zoomSpan(new StaleSeries(5_000, uses, stale), 1_800_000)).isEqualTo(120_000);
    assertThat(HtmlReport.zoomSpan(new StaleSeries(5_000, uses, stale), 360_000)).as("a third of the window at most")
        .isEqualTo(120_000);
    assertThat(HtmlReport.zoomSpan(new StaleSeries(5_000, uses, stale), 359_999)).isZero();
    java.util.Arrays.fill(stale, 50);
    assertThat(HtmlReport.zoomSpan(new StaleSeries(5_000, uses, stale), 1_800_000)).as("never under 10%").isZero();
  }

  private static TransitionReport withExpectations(List<ExpectationResult> expectations) {
    return new TransitionReport(SAMPLE.scenario(), SAMPLE.description(), SAMPLE.seed(), SAMPLE.replications(),
        SAMPLE.durationMs(), SAMPLE.bucketMs(), SAMPLE.initialCache(), SAMPLE.run(), SAMPLE.events(), expectations);
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
  void theXAxisCoversTheWholeWindowAndLabelsItsEnd() {
    // 39 min with 10 min ticks: ticks at 0..30 min, then the end labelled 39m.
    String svg = new SvgChart("t", 2_340_000, SvgChart.Scale.LINEAR, 0.1, 0, "x", "y").render();
    assertThat(svg).contains(">30m</text>", ">39m</text>").doesNotContain(">40m</text>");
    String even = new SvgChart("t", 1_800_000, SvgChart.Scale.LINEAR, 0.1, 0, "x", "y").render();
    assertThat(count(even, ">30m</text>")).as("an end on a tick is labelled once").isEqualTo(1);
  }

  @Test
  void theLinearAxisEndsAtTheSmallestNiceShareAtOrAboveThePeak() {
    assertThat(SvgChart.niceShareCeiling(0)).isEqualTo(0.01);
    assertThat(SvgChart.niceShareCeiling(0.05)).isEqualTo(0.05, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(SvgChart.niceShareCeiling(0.0501)).isEqualTo(0.06, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(SvgChart.niceShareCeiling(0.45)).isEqualTo(0.5, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(SvgChart.niceShareCeiling(1)).isEqualTo(1);
  }

  @Test
  void theLogFloorShowsOneClientAndStaysWithinSixDecades() {
    assertThat(SvgChart.logFloor(30_000)).isEqualTo(1e-5);
    assertThat(SvgChart.logFloor(5_000)).as("one client, 2e-4, is twice the floor").isEqualTo(1e-4);
    assertThat(SvgChart.logFloor(5_001)).isEqualTo(1e-5);
    assertThat(SvgChart.logFloor(10_000)).as("one client, 1e-4, must not sit on the floor").isEqualTo(1e-5);
    assertThat(SvgChart.logFloor(12)).as("at most 1e-2").isEqualTo(1e-2);
    assertThat(SvgChart.logFloor(100_000_000)).as("at least 1e-6").isEqualTo(1e-6);
  }

  @Test
  void stepsBandsAndPointsSitWhereTheirValuesAre() {
    // Plot area: x 70..446 over 0..60 s, y 14..232 over 0..50%.
    SvgChart chart = new SvgChart("t", 60_000, SvgChart.Scale.LINEAR, 0.5, 0, "x", "y");
    chart.steps("simulated", "s", new double[] {0.45, 0}, 30_000);
    chart.band("spread", "b", new double[] {0.25, Double.NaN}, new double[] {0.5, Double.NaN}, 30_000);
    chart.points("predicted", "p", new long[] {30_000, 90_000}, new double[] {0.25, 0.1});
    String svg = chart.render();
    assertThat(svg).contains("<path class=\"simulated\" d=\"M70.0 35.8 L258.0 35.8 L258.0 232.0 L446.0 232.0\" "
        + "data-series=\"s\"/>");
    assertThat(svg).contains("<path class=\"spread\" d=\"M70.0 14.0 L258.0 14.0 L258.0 123.0 L70.0 123.0 Z\" "
        + "data-series=\"b\"/>");
    assertThat(svg).as("a point past the axis is left out")
        .contains("<g class=\"predicted\" data-series=\"p\"><circle cx=\"258.0\" cy=\"123.0\" r=\"3\"/></g>");
    assertThat(svg).contains("data-series-count=\"3\"");
    SvgChart log = new SvgChart("t", 60_000, SvgChart.Scale.LOG, 1, 1e-4, "x", "y");
    String logSvg = log.steps("tail", "s", new double[] {0.45, 0}, 30_000).render();
    assertThat(logSvg).as("0 sits on the floor").contains("L258.0 232.0 L446.0 232.0\"");
    assertThat(logSvg).as("45%: 14 + (1 - (log10 0.45 + 4) / 4) * 218")
        .contains(String.format(java.util.Locale.ROOT, "M70.0 %.1f", 14 + (1 - (Math.log10(0.45) + 4) / 4) * 218));
  }

  @Test
  void tickLabelsAreShort() {
    assertThat(SvgChart.timeLabel(0)).isEqualTo("0");
    assertThat(SvgChart.timeLabel(30_000)).isEqualTo("30s");
    assertThat(SvgChart.timeLabel(300_000)).isEqualTo("5m");
    assertThat(SvgChart.timeLabel(5_400_000)).isEqualTo("1h 30m");
    assertThat(SvgChart.timeLabel(7_200_000)).isEqualTo("2h");
    assertThat(SvgChart.timeLabel(95_000)).isEqualTo("1m 35s");
    assertThat(SvgChart.shareLabel(0)).isEqualTo("0%");
    assertThat(SvgChart.shareLabel(0.001)).isEqualTo("0.1%");
    assertThat(SvgChart.shareLabel(1e-4)).isEqualTo("0.01%");
    assertThat(SvgChart.shareLabel(1e-6)).isEqualTo("0.0001%");
    assertThat(SvgChart.shareLabel(0.25)).isEqualTo("25%");
    assertThat(SvgChart.shareLabel(0.06)).as("no binary noise").isEqualTo("6%");
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
