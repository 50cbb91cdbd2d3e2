package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Progress on stderr: what it shows, how, and that it never touches the reports. */
class ProgressTest {
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  @Test
  void aSnapshotPlacesTheCountInTheReplicationsAndEstimatesWhatIsLeft() {
    // 3 replications of 30 min, 3,000 queries expected.
    Progress.Snapshot none = Progress.Snapshot.of(0, 3_000, 500, 30 * MINUTE, 3);
    assertThat(none.fraction()).isZero();
    assertThat(none.replication()).isEqualTo(1);
    assertThat(none.etaMs()).as("nothing to extrapolate from").isEqualTo(-1);

    Progress.Snapshot half = Progress.Snapshot.of(1_500, 3_000, 10_000, 30 * MINUTE, 3);
    assertThat(half.replication()).isEqualTo(2);
    assertThat(half.simulatedMs()).isEqualTo(15 * MINUTE);
    assertThat(half.queriesPerSecond()).isEqualTo(150, within(1e-9));
    assertThat(half.etaMs()).isEqualTo(10_000);

    Progress.Snapshot firstDone = Progress.Snapshot.of(1_000, 3_000, 1_000, 30 * MINUTE, 3);
    assertThat(firstDone.replication()).as("the first run's last query starts the second").isEqualTo(2);
    assertThat(firstDone.simulatedMs()).isZero();
    Progress.Snapshot justBefore = Progress.Snapshot.of(999, 3_000, 1_000, 30 * MINUTE, 3);
    assertThat(justBefore.replication()).isEqualTo(1);

    Progress.Snapshot over = Progress.Snapshot.of(3_500, 3_000, 1_000, 30 * MINUTE, 3);
    assertThat(over.fraction()).as("an estimate past the expectation stops at 100%").isEqualTo(1);
    assertThat(over.replication()).isEqualTo(3);
    assertThat(over.simulatedMs()).isEqualTo(30 * MINUTE);
    assertThat(over.etaMs()).isZero();
  }

  @Test
  void aLineSaysWhereTheRunIsInAFewWords() {
    Progress.Snapshot s = Progress.Snapshot.of(1_500, 3_000, 10_000, 30 * MINUTE, 3);
    assertThat(Progress.line(s, 30 * MINUTE, 3))
        .isEqualTo(" 50%  run 2/3, ~15m 0s of 30m 0s simulated, 150 queries/s, ~10s left");
    assertThat(Progress.seconds(0)).isEqualTo("0s");
    assertThat(Progress.seconds(499)).isEqualTo("<1s");
    assertThat(Progress.seconds(500)).isEqualTo("1s");
    assertThat(Progress.seconds(90_400)).isEqualTo("1m 30s");
    assertThat(Progress.compact(999)).isEqualTo("999");
    assertThat(Progress.compact(1_000)).isEqualTo("1.0k");
    assertThat(Progress.compact(148_068)).isEqualTo("148.1k");
    assertThat(Progress.compact(2_500_000)).isEqualTo("2.5M");
  }

  @Test
  void aTerminalGetsABarRedrawnInPlaceAndALogGetsLinesWithoutControlCharacters() throws Exception {
    Scenario scenario = ScenarioLoader.read(Path.of("suites/default.yaml")).scenario();
    AtomicLong counter = new AtomicLong(1_000);
    StringWriter bar = new StringWriter();
    StringWriter lines = new StringWriter();
    double expected = Progress.expectedQueries(scenario);
    // First report an hour away: only the reports this test asks for.
    Progress terminal = new Progress(new PrintWriter(bar), true, scenario, counter::get, HOUR);
    Progress log = new Progress(new PrintWriter(lines), false, scenario, counter::get, HOUR);
    counter.addAndGet(Math.round(expected / 2));
    terminal.report();
    log.report();
    terminal.close();
    log.close();

    assertThat(bar.toString()).startsWith("\r[############............]  50%  run ")
        .contains(" simulated, ").endsWith("\r");
    assertThat(lines.toString()).startsWith("dnsflip:  50%  run ").endsWith(" left\n").doesNotContain("\r");
    for (String out : new String[] {bar.toString(), lines.toString()}) {
      assertThat(out.chars().filter(c -> c < 32 && c != '\r' && c != '\n')).as("no escape codes").isEmpty();
    }
  }

  @Test
  void quietShowsNothingAndTheReportsAreTheSameWithOrWithoutIt(@TempDir Path dir) throws Exception {
    CliRun quiet = CliRun.of("run", "suites/default.yaml", "--out", dir.resolve("quiet").toString(), "--quiet");
    CliRun shown = CliRun.of("run", "suites/default.yaml", "--out", dir.resolve("shown").toString());
    assertThat(quiet.exit()).isEqualTo(shown.exit()).isZero();
    assertThat(quiet.err()).doesNotContain("%  run ");
    for (String file : new String[] {"report.json", "report.md", "report.html", "series.csv"}) {
      assertThat(Files.readAllBytes(dir.resolve("shown").resolve(file))).as(file)
          .isEqualTo(Files.readAllBytes(dir.resolve("quiet").resolve(file)));
    }
  }
}
