package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {
  @Test
  void bucketsWithoutUsesAreGapsAndEveryFigureIsMarked() {
    ReportFigures a = run("a.json", 60_000, 0.5, null, 0.1);
    ReportFigures b = run("b.json", 300_000, 0.9, null, null);
    Comparison c = Comparison.of(List.of(a, b));
    String md = ComparisonReport.markdown(c);
    assertThat(md).contains("| run | report | scenario | seed | replications |", "| 2 | b.json | s | 7 | 3 |",
        "## Switch 1 (enable)", "| lastStale.max | 1m 0s [", " ▲ |", "- switch 1 lastStale.max: 5m 0s");
    String html = ComparisonReport.html(c);
    // Bucket centres at 2.5 s and 12.5 s of a 15 s axis 632 px wide from x = 64; shares on 200 px from y = 16.
    // Run a has two points (its empty bucket is a gap), run b one.
    assertThat(html).contains("points=\"169.3,116.0 590.7,196.0 \"", "points=\"169.3,36.0 \"")
        .containsOnlyOnce("run 2: b.json");
    assertThat(html.split("<polyline class=\"run\"", -1)).hasSize(3);
  }

  @Test
  void aSwitchMissingFromAnotherRunIsSaidNotCompared() {
    ReportFigures a = run("a.json", 60_000, 0.5);
    ReportFigures none = new ReportFigures("b.json", "s", 7, 3, List.of());
    Comparison c = Comparison.of(List.of(a, none));
    assertThat(c.rows()).isEmpty();
    assertThat(ComparisonReport.markdown(c)).contains("- not compared: b.json has no switch 1 (enable)");
  }

  private static ReportFigures run(String label, double lastStaleMax, Double... share) {
    ReportFigures.Figure f = DifferenceTest.figure(lastStaleMax, 1000, 3, 0);
    return new ReportFigures(label, "s", 7, 3, List.of(new ReportFigures.SwitchFigures(1, "enable", 60_000, 5_000,
        List.of(f), Arrays.asList(share))));
  }
}
