package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.compare.ReportFiguresReader;
import dev.dnsflip.reports.Comparison;
import dev.dnsflip.reports.Difference;
import dev.dnsflip.reports.ReportFigures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps, comparisons and the baseline gate on the shipped default scenario, three replications a
 * run. The known cases: an Auto TTL of 60 s against 300 s moves the enable's last stale use from
 * about 1 min to about 5 min, far beyond any interval; every client is observed in both, so
 * clientsObserved is equal with no spread and within.
 */
class CompareAndSweepTest {
  private static final String DEFAULT = "suites/default.yaml";

  @TempDir
  static Path tmp;

  static CliRun sweep;

  @BeforeAll
  static void sweepAutoTtl() {
    sweep = CliRun.of("run", DEFAULT, "--replications", "3", "--threads", "2", "--sweep", "account.autoTtl=60,300",
        "--out", tmp.resolve("sweep").toString());
  }

  @Test
  void aSweepWritesOneReportSetPerValueAndAComparison() {
    assertThat(sweep.exit()).as(sweep.err()).isIn(Main.OK, Main.BOUNDS_FAILED);
    Path dir = tmp.resolve("sweep");
    assertThat(dir.resolve("account.autoTtl-60/report.json")).isRegularFile();
    assertThat(dir.resolve("account.autoTtl-300/report.json")).isRegularFile();
    assertThat(dir.resolve("comparison/compare.md")).isRegularFile();
    assertThat(dir.resolve("comparison/compare.html")).isRegularFile();
    assertThat(sweep.out()).contains("== account.autoTtl=60", "== account.autoTtl=300", "# Comparison");
  }

  @Test
  void theComparisonMarksTheKnownDifferenceAndNotTheKnownEquality() throws Exception {
    Comparison c = Comparison.of(List.of(
        ReportFiguresReader.read(tmp.resolve("sweep/account.autoTtl-60/report.json")),
        ReportFiguresReader.read(tmp.resolve("sweep/account.autoTtl-300/report.json"))));
    assertThat(verdict(c, 1, "lastStale.max")).isEqualTo(Difference.Verdict.BEYOND);
    assertThat(verdict(c, 1, "staleShareBelow1%")).isEqualTo(Difference.Verdict.BEYOND);
    assertThat(verdict(c, 1, "clientsObserved")).isEqualTo(Difference.Verdict.WITHIN);
    assertThat(verdict(c, 2, "clientsObserved")).isEqualTo(Difference.Verdict.WITHIN);
    assertThat(c.regressions()).anySatisfy(r -> assertThat(r.metric()).isEqualTo("lastStale.max"))
        .noneSatisfy(r -> assertThat(r.metric()).isEqualTo("clientsObserved"));
  }

  @Test
  void compareReadsReportFilesAndWritesMarkdownAndHtml() throws Exception {
    Path out = tmp.resolve("cmp");
    CliRun r = CliRun.of("compare", tmp.resolve("sweep/account.autoTtl-60/report.json").toString(),
        tmp.resolve("sweep/account.autoTtl-300/report.json").toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("## Switch 1 (enable)", "| lastStale.max |", "▲");
    String html = Files.readString(out.resolve("compare.html"));
    assertThat(html).contains("<polyline class=\"run\"").contains("time after the switch")
        .contains("stale share of uses").doesNotContain("src=").doesNotContain("href=").doesNotContain("<script");
    assertThat(html.split("<polyline class=\"run\"", -1)).hasSize(1 + 2 * 2); // two runs, two switches
  }

  @Test
  void theBaselineGatePassesOnTheSameRunAndFailsOnAWorseOne() {
    Path base = tmp.resolve("base");
    assertThat(CliRun.of("run", DEFAULT, "--replications", "3", "--out", base.toString()).exit()).isEqualTo(Main.OK);
    String old = base.resolve("report.json").toString();

    CliRun same = CliRun.of("run", DEFAULT, "--replications", "3", "--baseline", old, "--out",
        tmp.resolve("same").toString());
    assertThat(same.exit()).as(same.err()).isEqualTo(Main.OK);
    assertThat(same.out()).contains("baseline: no figure got worse beyond the runs' confidence intervals");

    CliRun worse = CliRun.of("run", DEFAULT, "--replications", "3", "--set", "account.autoTtl=600",
        "--set", "expect=[]", "--baseline", old, "--out", tmp.resolve("worse").toString());
    assertThat(worse.exit()).as(worse.err()).isEqualTo(Main.BOUNDS_FAILED);
    assertThat(worse.out()).contains("baseline: REGRESSION switch 1 lastStale.max: ");
  }

  @Test
  void aBaselineOfOneReplicationIsRefusedBeforeRunning() {
    Path one = tmp.resolve("one");
    assertThat(CliRun.of("run", DEFAULT, "--out", one.toString()).exit()).isEqualTo(Main.OK);
    CliRun r = CliRun.of("run", DEFAULT, "--replications", "3", "--baseline", one.resolve("report.json").toString(),
        "--out", tmp.resolve("never").toString());
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("--baseline needs a report of replications >= 2 (it has 1)")
        .doesNotContain("dnsflip: running");
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  @Test
  void aFileThatIsNotAReportOfThisFormatIsPlaced() throws Exception {
    Path notReport = tmp.resolve("x.json");
    Files.writeString(notReport, "[1, 2]\n");
    Path old = tmp.resolve("old.json");
    Files.writeString(old, "{\n  \"format\": \"dnsflip-report/1\"\n}\n");
    CliRun a = CliRun.of("compare", notReport.toString(), old.toString());
    assertThat(a.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(a.err()).startsWith("dnsflip: " + notReport + ":1:1: expected a dnsflip report.json");
    CliRun b = CliRun.of("compare", old.toString(), old.toString());
    assertThat(b.err()).startsWith("dnsflip: " + old + ":2:13: report format 'dnsflip-report/1' is not dnsflip-report/2");
  }

  @Test
  void badSweepsAreUsageErrors() {
    CliRun one = CliRun.of("run", DEFAULT, "--sweep", "account.autoTtl=60");
    assertThat(one.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(one.err()).contains("--sweep account.autoTtl=60: a sweep needs two values or more");
    CliRun bad = CliRun.of("run", DEFAULT, "--sweep", "account.autoTtl=60,abc", "--out", tmp.resolve("bad").toString());
    assertThat(bad.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(bad.err()).startsWith("dnsflip: --sweep account.autoTtl:1:1: expected whole seconds");
    assertThat(tmp.resolve("bad")).doesNotExist();
  }

  private static Difference.Verdict verdict(Comparison c, int number, String metric) {
    return c.rows().stream().filter(r -> r.switchNumber() == number && r.metric().equals(metric))
        .findFirst().orElseThrow().verdict();
  }
}
