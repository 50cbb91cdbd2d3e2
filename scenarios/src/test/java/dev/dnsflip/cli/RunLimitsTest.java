package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs too large for this machine, and outputs that would leave --out, are refused with exit 2 and
 * one located, reasoned line before anything heavy is allocated or any file is written.
 */
class RunLimitsTest {
  private static final Path DEFAULT = Path.of("suites/default.yaml");

  @TempDir
  Path tmp;

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private Path scenario(String from, String to) throws IOException {
    Path p = tmp.resolve("big.yaml");
    String text = Files.readString(DEFAULT);
    if (!text.contains(from)) {
      throw new AssertionError("default.yaml changed: " + from);
    }
    Files.writeString(p, text.replace(from, to));
    return p;
  }

  private void assertNothingWritten() throws IOException {
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("big.yaml");
    }
  }

  @Test
  void threadsPastTheLimitAreAUsageError() {
    CliRun r = run("run", DEFAULT.toString(), "--out", tmp.resolve("o").toString(), "--threads", "1000000000");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).startsWith("--threads 1000000000 workers asked for; the limit is 1,024 (worker threads: ");
    assertThat(tmp.resolve("o")).doesNotExist();
    assertThat(run("run", DEFAULT.toString(), "--out", tmp.resolve("o").toString(), "--threads", "1025").err())
        .startsWith("--threads 1025 workers asked for; the limit is 1,024");
    assertThat(run("run", DEFAULT.toString(), "--out", tmp.resolve("p").toString(), "--threads", "1024").exit())
        .isEqualTo(Main.OK);
  }

  @Test
  void aRunPastTheHeapIsRefusedAtItsClientsBeforeAllocating() throws IOException {
    Path big = scenario("    count: 8000 ", "    count: 900000000 ");
    CliRun r = run("run", big.toString(), "--out", tmp.resolve("o").toString());

    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err()).matches("dnsflip: " + java.util.regex.Pattern.quote(big.toString())
        + ":\\d+:\\d+: the run needs about [0-9.]+ GiB of memory, more than the [0-9.]+ [GM]iB this Java may use; .*\n");
    assertNothingWritten();
  }

  @Test
  void aDryRunPrintsTheEstimateAndTheMemoryBudgetRefusesOneByteBelowIt() throws IOException {
    CliRun dry = run("run", DEFAULT.toString(), "--out", tmp.resolve("o").toString(), "--dry-run");
    assertThat(dry.exit()).isEqualTo(Main.OK);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "about [0-9.e+]+ queries to simulate \\(settling included\\); memory about \\d+ MiB \\(([0-9,]+) bytes\\)")
        .matcher(dry.out());
    assertThat(m.find()).as(dry.out()).isTrue();
    long estimate = Long.parseLong(m.group(1).replace(",", ""));
    assertThat(tmp.resolve("o")).doesNotExist();

    assertThat(run("run", DEFAULT.toString(), "--out", tmp.resolve("o").toString(), "--dry-run",
        "--max-memory", Long.toString(estimate)).exit()).isEqualTo(Main.OK);
    CliRun below = run("run", DEFAULT.toString(), "--out", tmp.resolve("o").toString(), "--dry-run",
        "--max-memory", Long.toString(estimate - 1));
    assertThat(below.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(below.err()).contains("default.yaml:").contains("the run needs about ")
        .contains(String.format(java.util.Locale.ROOT, "more than the %s this Java may use",
            dev.dnsflip.simulation.RunBudget.size(estimate - 1)));
    assertThat(below.err().lines()).hasSize(1);
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void aMemoryBudgetThatIsNoSizeIsAUsageError() {
    CliRun r = run("run", DEFAULT.toString(), "--dry-run", "--max-memory", "lots");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).startsWith("--max-memory expects a positive size such as 1500m or 2g, not 'lots'");
    assertThat(run("run", DEFAULT.toString(), "--dry-run", "--max-memory", "2g").exit()).isEqualTo(Main.OK);
  }

  @Test
  void aRunPastTheWorkBoundIsRefusedAndTheBoundCanBeRaised() throws IOException {
    Path big = scenario("duration: 70m", "duration: 70m");
    CliRun r = run("run", big.toString(), "--out", tmp.resolve("o").toString(), "--replications", "5000",
        "--max-queries", "1e6");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).containsPattern("big\\.yaml:\\d+:\\d+: the run would simulate about ")
        .contains("more than the 1.00e+06 allowed");
    assertNothingWritten();
  }

  @Test
  void aScenarioNameIsOnePathSegmentUnderOut() {
    assertThat(ReportDirectory.segment("../../../../tmp/escaped")).isEqualTo("tmp-escaped");
    assertThat(ReportDirectory.segment("/etc/passwd")).isEqualTo("etc-passwd");
    assertThat(ReportDirectory.segment("..")).isEqualTo("scenario");
    assertThat(ReportDirectory.segment("resolver-mix")).isEqualTo("resolver-mix");
    assertThat(ReportDirectory.segment("a b\tc")).isEqualTo("a-b-c");
  }

  @Test
  void aReportDirectoryHoldingOtherFilesIsLeftAlone() throws IOException {
    Path mine = tmp.resolve("mine");
    Files.createDirectories(mine);
    Files.writeString(mine.resolve("thesis.tex"), "precious");

    CliRun r = run("run", DEFAULT.toString(), "--out", mine.toString());

    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).isEqualTo("dnsflip: cannot write the report to " + mine + ": it holds other files "
        + "(thesis.tex); a report set needs a directory of its own\n");
    assertThat(Files.readString(mine.resolve("thesis.tex"))).isEqualTo("precious");
  }
}
