package dev.dnsflip.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.cli.ExploreCommand;
import dev.dnsflip.cli.CliRun;
import dev.dnsflip.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dnsflip explore}: exit 0 when every try passes, 1 on a failure (file written), 2 on bad usage. */
class ExploreCommandTest {
  @TempDir
  Path tmp;

  private static CliRun run(CommandLine cl, String... args) {
    return CliRun.of(cl, args);
  }

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  /** The CLI with a planted, deliberately wrong property in place of the shipped ones. */
  private static CliRun runPlanted(String... args) {
    CommandLine.IFactory factory = new CommandLine.IFactory() {
      @Override
      public <K> K create(Class<K> cls) throws Exception {
        if (cls == ExploreCommand.class) {
          return cls.cast(new ExploreCommand(List.of(Planted.floorAsTtl())));
        }
        return CommandLine.defaultFactory().create(cls);
      }
    };
    return run(new CommandLine(new Main(), factory), args);
  }

  @Test
  void everyShippedPropertyPassingExitsZeroAndTheSameSeedPrintsTheSame() {
    Path out = tmp.resolve("explore");
    CliRun r = run("explore", "--tries", "3", "--seed", "5", "--out", out.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).startsWith("dnsflip explore: seed 5, 3 tries per property: ttl-bound, floor-bound, "
        + "client-cache-bound, serve-stale-bound, deterministic, consistent\n")
        .contains("  ttl-bound            3 tries, applied to 3, 3 passed\n")
        .endsWith("all 6 properties held over 18 applicable tries\n");
    assertThat(r.err()).isEmpty();
    assertThat(out).doesNotExist();
    assertThat(run("explore", "--tries", "3", "--seed", "5", "--out", out.toString())).isEqualTo(r);
  }

  @Test
  void oneProperty() {
    CliRun r = run("explore", "--property", "deterministic", "--tries", "2", "--seed", "-7");
    assertThat(r.exit()).as(r.out() + r.err()).isZero();
    assertThat(r.out()).contains("deterministic").doesNotContain("ttl-bound")
        .endsWith("all 1 property held over 2 applicable tries\n");
  }

  @Test
  void aFailingPropertyExitsOneAfterWritingTheMinimalScenarioWithItsSeedAndViolation() throws IOException {
    Path out = tmp.resolve("found");
    CliRun r = runPlanted("explore", "--seed", "2", "--tries", "30", "--out", out.toString());
    assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(1);
    Explorer.Failure f = new Explorer().explore(List.of(Planted.floorAsTtl()), 2, 30).failure();
    Path file = out.resolve("planted-floor-as-ttl-" + f.caseSeed() + ".yaml");
    assertThat(file).isRegularFile();
    assertThat(Files.readString(file)).isEqualTo(ScenarioYamlWriter.failure(f, 2));
    assertThat(r.out())
        .contains("FAILED planted-floor-as-ttl at try " + (f.attempt() + 1) + " (case seed " + f.caseSeed() + ")")
        .contains("  violation: " + f.violation().describe() + "\n")
        .contains("  seed:      " + f.caseSeed())
        .contains("  wrote:     " + file + "\n")
        .contains("replay: dnsflip run " + file)
        .contains("dnsflip explore --property planted-floor-as-ttl --seed " + f.caseSeed() + " --tries 1")
        .contains("1 switch event, 1 resolver group (1 resolver");
    // Deterministic: the same seed prints the same (up to where it writes).
    Path other = tmp.resolve("again");
    CliRun again = runPlanted("explore", "--seed", "2", "--tries", "30", "--out", other.toString());
    assertThat(again.out().replace(other.toString(), out.toString())).isEqualTo(r.out());
    // The file replays: `dnsflip run` finds the bound broken (exit 1).
    CliRun replay = run("run", file.toString(), "--out", tmp.resolve("report").toString());
    assertThat(replay.exit()).as(replay.out() + replay.err()).isEqualTo(1);
    assertThat(replay.out()).contains("FAIL switch 1 lastStale.max");
    // And the case seed alone replays the failure.
    CliRun single = runPlanted("explore", "--property", "planted-floor-as-ttl", "--seed", Long.toString(f.caseSeed()),
        "--tries", "1", "--out", tmp.resolve("single").toString());
    assertThat(single.exit()).isEqualTo(1);
    assertThat(single.out()).contains("  violation: " + f.violation().describe() + "\n");
  }

  @Test
  void badUsageExitsTwo() {
    CliRun unknown = run("explore", "--property", "nope");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown property 'nope'; expected all or one of: ttl-bound, floor-bound");
    assertThat(run("explore", "--tries", "0").exit()).isEqualTo(2);
    assertThat(run("explore", "--tries", "x").exit()).isEqualTo(2);
    assertThat(run("explore", "--seed", "1.5").exit()).isEqualTo(2);
    assertThat(run("explore", "--frobnicate").exit()).isEqualTo(2);
    assertThat(run("explore", "extra").exit()).isEqualTo(2);
  }

  @Test
  void helpAndTheMissingCommandNameExplore() {
    assertThat(run("--help").out()).contains("explore");
    CliRun help = run("explore", "--help");
    assertThat(help.exit()).isZero();
    assertThat(help.out()).contains("--property", "--tries", "--seed", "--out", "Exit codes: 0");
    CliRun none = run();
    assertThat(none.exit()).isEqualTo(2);
    assertThat(none.err()).contains("missing command: run, suite, import, explore, bench, presets or help");
  }
}
