package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI end to end: reports written, exit codes, determinism across thread counts, bad input. */
class CliTest {
  private static final Path DEFAULT = Path.of("suites/default.yaml");

  @TempDir
  Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  @Test
  void runWritesBothReportsAndPrintsTheSummary() throws IOException {
    Path out = tmp.resolve("default");
    CliRun r = run("run", DEFAULT.toString(), "--out", out.toString());
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(out.resolve("report.json")).isNotEmptyFile();
    assertThat(out.resolve("report.md")).isNotEmptyFile();
    assertThat(r.out()).startsWith("dnsflip default: seed 42, 1 replication, 1h 10m 0s\n")
        .contains("all 5 expectations passed");
    assertThat(Files.readString(out.resolve("report.json"))).startsWith("{\n  \"format\": \"dnsflip-report/2\",");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted())
          .containsExactly("report.html", "report.json", "report.md", "series.csv");
    }
  }

  @Test
  void sameSeedGivesByteIdenticalJsonWhateverTheThreadCount() throws IOException {
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");
    assertThat(run("run", DEFAULT.toString(), "--out", one.toString(), "--threads", "1", "--replications", "2").exit())
        .isZero();
    assertThat(run("run", DEFAULT.toString(), "--out", four.toString(), "--threads", "4", "--replications", "2").exit())
        .isZero();
    assertThat(Files.readAllBytes(four.resolve("report.json"))).isEqualTo(Files.readAllBytes(one.resolve("report.json")));
    Path otherSeed = tmp.resolve("other");
    run("run", DEFAULT.toString(), "--out", otherSeed.toString(), "--seed", "43", "--replications", "2");
    assertThat(Files.readString(otherSeed.resolve("report.json"))).isNotEqualTo(Files.readString(one.resolve("report.json")));
  }

  @Test
  void skippingAheadGivesByteIdenticalJsonWhateverTheThreadCount() throws IOException {
    // The default scenario runs event by event when left to choose: asked to skip ahead, every partition of both
    // replications does.
    Path one = tmp.resolve("skip-one");
    Path four = tmp.resolve("skip-four");
    CliRun first = run("run", DEFAULT.toString(), "--out", one.toString(), "--threads", "1", "--replications", "2",
        "--mode", "skip");
    assertThat(first.exit()).as(first.err()).isZero();
    assertThat(run("run", DEFAULT.toString(), "--out", four.toString(), "--threads", "4", "--replications", "2",
        "--mode", "skip").exit()).isZero();
    assertThat(Files.readString(one.resolve("report.json"))).contains("\"partitionsSkippingAhead\": 400");
    assertThat(Files.readAllBytes(four.resolve("report.json"))).isEqualTo(Files.readAllBytes(one.resolve("report.json")));
  }

  @Test
  void failedBoundsExitOneAndStillWriteTheReport() throws IOException {
    String yaml = Files.readString(DEFAULT).replace("atMost: 305s", "atMost: 100s");
    Path scenario = tmp.resolve("tight.yaml");
    Files.writeString(scenario, yaml);
    Path out = tmp.resolve("tight");
    CliRun r = run("run", scenario.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(1);
    assertThat(r.out()).contains("FAIL switch 1 lastStale.max");
    assertThat(out.resolve("report.json")).isNotEmptyFile();
  }

  @Test
  void badInputIsOneLineWithLocationExitTwoAndNoReport() throws IOException {
    Path scenario = tmp.resolve("bad.yaml");
    Files.writeString(scenario, Files.readString(DEFAULT).replaceFirst("duration: ", "durationn: "));
    Path out = tmp.resolve("bad");
    CliRun r = run("run", scenario.toString(), "--out", out.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().lines().toList()).hasSize(1);
    assertThat(r.err()).startsWith("dnsflip: " + scenario + ":").contains("unknown key 'durationn'")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  void missingFileAndBadOptionsExitTwo() {
    assertThat(run("run", tmp.resolve("nope.yaml").toString()).exit()).isEqualTo(2);
    assertThat(run("run").exit()).isEqualTo(2);
    assertThat(run("run", DEFAULT.toString(), "--threads", "0").exit()).isEqualTo(2);
    assertThat(run("frobnicate").exit()).isEqualTo(2);
    assertThat(run().exit()).isEqualTo(2);
  }

  @Test
  void helpEverywhere() {
    assertThat(run("--help").out()).contains("run", "import", "bench", "presets");
    assertThat(run("import", "--help").out()).contains("--category", "FILE");
    assertThat(run("run", "--help").out()).contains("--replications", "--seed", "--out", "--threads");
    assertThat(run("bench", "--help").exit()).isZero();
  }

  @Test
  void presetsListEveryPresetWithItsSource() {
    CliRun r = run("presets");
    assertThat(r.exit()).isZero();
    String note = dev.dnsflip.presets.Presets.WHOLE_SECOND_NOTE;
    for (var p : dev.dnsflip.presets.Presets.RESOLVERS) {
      assertThat(r.out()).contains("  " + p.name() + " — ", p.source().replace(note, "whole-second cache clock: see note [1]"));
    }
    for (var p : dev.dnsflip.presets.Presets.CLIENTS) {
      assertThat(r.out()).contains("  " + p.name() + " — ", p.source());
    }
    // The note the Unbound presets share is stated once; no placeholder dash stands for a missing version.
    assertThat(r.out().split(java.util.regex.Pattern.quote(note), -1)).hasSize(2);
    assertThat(r.out()).doesNotContainPattern("(?m)^  \\S+ — .*(?: -|— -)$")
        .contains("  ttl-honouring — any (no particular version)", "  plain — no particular software");
  }

  @Test
  void runHelpListsTheExitCodesAndKeepsPathsWhole() {
    String help = run("run", "--help").out();
    assertThat(help).contains("Exit codes:", "  0  ", "  1  ", "  2  ", "  3  ")
        .contains("scenarios/suites/default.yaml", "account.autoTtl=60", "resolvers.isp.serveStale=on");
    assertThat(help.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
  }

  @Test
  void benchPrintsQueriesPerSecondAndPeakHeap() {
    // A small instance of the fixed scenario: the CLI path, not the figure, is under test here.
    CliRun r = run("bench", "--clients", "2000", "--resolvers", "10", "--runs", "1", "--threads", "1");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("(?m)^\\d+ queries/s \\(median of 1 runs; best \\d+\\)$")
        .containsPattern("(?m)^peak heap \\d+ MB");
  }

  @Test
  void benchWithSpiPrintsTheSpisThroughputBesideTheBuiltInPath() {
    CliRun r = run("bench", "--clients", "2000", "--resolvers", "10", "--runs", "1", "--threads", "1", "--spi");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("(?m)^through the SPI run 1: [\\d,]+ queries in [\\d.]+ s$")
        .containsPattern("(?m)^\\d+ queries/s \\(median of 1 runs; best \\d+\\)$")
        .containsPattern("(?m)^\\d+ queries/s through the SPI, logic: model \\(median of 1 runs; best \\d+\\): "
            + "\\d+% of the built-in path event by event$");
  }

  @Test
  void benchPrintsBothModesBesideTheLimitLoop() {
    CliRun r = run("bench", "--clients", "2000", "--resolvers", "10", "--runs", "1", "--threads", "1");
    assertThat(r.out()).containsPattern("(?m)^skip-ahead: \\d+ equivalent queries/s \\(median of 1 runs\\)$")
        .containsPattern("(?m)^event by event: \\d+ queries/s \\(median of 1 runs\\)$")
        .containsPattern("(?m)^limit loop \\(this process, one thread, [0-9,]+ queries\\): \\d+ queries/s")
        .containsPattern("(?m)^event by event / limit loop: \\d+\\.\\d\\d");
  }

  @Test
  void benchOnTwoThreadsPrintsItsSpeedUpsBesideTheMachinesOwn() {
    CliRun r = run("bench", "--clients", "2000", "--resolvers", "10", "--runs", "1", "--threads", "2");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("(?m)^skip-ahead run 1: [\\d,]+ queries in [\\d.]+ s \\(one thread: [\\d.]+ s\\)$")
        .containsPattern("(?m)^speed-up on 2 threads over one, runs taken alternately: skip-ahead \\d+\\.\\d\\d×, "
            + "event by event \\d+\\.\\d\\d×$")
        .containsPattern("(?m)^the machine: 2 limit loops side by side on 2 threads do \\d+\\.\\d\\d× the work of one in "
            + "the same time \\(median of 1 alternate runs\\); dnsflip's speed-ups are \\d+\\.\\d\\d and \\d+\\.\\d\\d of it$");
  }

  @Test
  void benchOfAScenarioPrintsEachThreadCountsTimeAndSpeedUp() {
    CliRun r = run("bench", "--scenario", "src/test/resources/fuzz/scenarios/default-small.yaml", "--threads", "2",
        "--runs", "1");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).contains("the thread counts taken in turn")
        .containsPattern("(?m)^default-small.yaml +1 +[0-9,]+ +[0-9.]+ +1\\.00×$")
        .containsPattern("(?m)^default-small.yaml +2 +[0-9,]+ +[0-9.]+ +\\d+\\.\\d\\d×$");
  }

  @Test
  void benchScalePrintsATableAndLeavesOutCellsPastTheTimeAllowed() {
    // One cell per mode runs (10^4 clients); from the rate it measured, 10^5 would take longer than 1 ms.
    CliRun r = run("bench", "--scale", "--threads", "1", "--cell-seconds", "0.001");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).containsPattern("(?m)^ +10,000 +100 +1 skip-ahead +[0-9,]+ +[0-9.]+ +\\d+ +[0-9,]+$")
        .containsPattern("(?m)^ +10,000 +100 +1 event by event +[0-9,]+ +[0-9.]+ +\\d+ +[0-9,]+$")
        .containsPattern("(?m)^ +100,000 +1,000 +1 skip-ahead +left out: about \\d+ s a run at the rate above$")
        .containsPattern("(?m)^limit loop \\(one thread, 20,000,000 queries");
  }

  @Test
  void sameSeedGivesByteIdenticalJsonForPresetsFarmsAndForwardersToo() throws IOException {
    Path mix = Path.of("suites/resolver-mix.yaml");
    Path one = tmp.resolve("mix1");
    Path four = tmp.resolve("mix4");
    assertThat(run("run", mix.toString(), "--out", one.toString(), "--threads", "1", "--replications", "2").exit())
        .isZero();
    assertThat(run("run", mix.toString(), "--out", four.toString(), "--threads", "4", "--replications", "2").exit())
        .isZero();
    assertThat(Files.readAllBytes(four.resolve("report.json"))).isEqualTo(Files.readAllBytes(one.resolve("report.json")));
  }

  @Test
  void importPrintsTheAccountOnStdoutAndTheSummaryOnStderr() throws IOException {
    CliRun r = run("import", "suites/exports/example.com.txt", "suites/exports/example.org.json",
        "--category", "app.example.org=load-balancer");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).startsWith("Imported 2 zones: 13 A/AAAA/CNAME records (9 proxied, 4 DNS-only)")
        .contains("load-balancer 1: override");
    assertThat(r.out()).contains("account:\n  zones:\n    - name: example.com\n")
        .contains("- { name: app, type: CNAME, content: lb-origin.example.org, proxied: true, category: load-balancer }");
    // What it prints is a valid account section: a scenario built around it loads.
    Path scenario = tmp.resolve("printed.yaml");
    String suite = Files.readString(Path.of("suites/imported.yaml"));
    Files.writeString(scenario, suite.substring(0, suite.indexOf("\naccount:\n") + 1) + r.out()
        + suite.substring(suite.indexOf("\n# CNAME targets outside") + 1));
    assertThat(run("run", scenario.toString(), "--out", tmp.resolve("printed").toString()).exit()).isZero();
  }

  @Test
  void importOfABadFileIsOneLineWithFileAndLineExitTwo() {
    CliRun r = run("import", "src/test/resources/imports/bad/proxied-mx.txt");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().toList()).singleElement().asString()
        .startsWith("dnsflip: src/test/resources/imports/bad/proxied-mx.txt:")
        .contains("only A, AAAA and CNAME records can be proxied");
    assertThat(run("import", "suites/exports/example.com.txt", "--category", "www.example.com=tunel").exit())
        .isEqualTo(2);
    assertThat(run("import").exit()).isEqualTo(2);
  }

  @Test
  void aReportOfAnImportedAccountOpensWithTheImportSummary() throws IOException {
    Path out = tmp.resolve("imported");
    CliRun r = run("run", "suites/imported.yaml", "--out", out.toString(), "--replications", "1");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out().lines().skip(1).findFirst()).hasValue(
        "Imported 2 zones: 13 A/AAAA/CNAME records (9 proxied, 4 DNS-only); 4 other records kept but not modelled");
    String md = Files.readString(out.resolve("report.md"));
    assertThat(md.indexOf("## Account import")).isPositive().isLessThan(md.indexOf("## Run"));
    assertThat(md).contains("Files: `exports/example.com.txt`, `exports/example.org.json`");
    String json = Files.readString(out.resolve("report.json"));
    assertThat(json.indexOf("\"accountImport\": {")).isPositive().isLessThan(json.indexOf("\"run\": {"));
  }
}
