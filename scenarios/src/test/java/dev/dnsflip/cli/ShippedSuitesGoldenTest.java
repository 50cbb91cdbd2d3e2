package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.reports.ReportSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped suites' report.json, byte for byte, against the golden files in
 * {@code src/test/resources/golden}, and for the small default scenario every file a run writes
 * (report.md, report.html and series.csv too), so a renderer's change shows in review. A change of the code that is meant to keep behaviour must
 * keep these; a change meant to alter results regenerates them on purpose with
 * {@code scripts/golden-update} and says so in its commit.
 */
class ShippedSuitesGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"default", "resolver-mix", "flavel-2014", "moura-2018", "imported", "large-plain"})
  void reportIsByteIdenticalToTheGoldenFile(String suite) throws IOException {
    Path out = run(suite);
    assertSameAsGolden(out.resolve("report.json"), suite + ".report.json");
  }

  @ParameterizedTest
  @ValueSource(strings = {"report.md", "report.html", "series.csv"})
  void theSmallScenarioRendersEveryFileByteIdentically(String file) throws IOException {
    Path out = run("default");
    assertSameAsGolden(out.resolve(file), "default." + file);
  }

  private Path run(String suite) {
    Path out = tmp.resolve(suite);
    StringWriter err = new StringWriter();
    int exit = Main.commandLine().setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err))
        .execute("run", "suites/" + suite + ".yaml", "--out", out.toString(), "--threads", "2", "--quiet");
    assertThat(exit).as(err.toString()).isEqualTo(Main.OK);
    return out;
  }

  private static void assertSameAsGolden(Path written, String goldenName) throws IOException {
    String report = Files.readString(written, StandardCharsets.UTF_8);
    if (goldenName.endsWith(".json")) {
      assertThat(ReportSchema.problems(report)).as("schema problems").isEmpty();
    }
    Path golden = GOLDEN.resolve(goldenName);
    if (Boolean.getBoolean("dnsflip.golden.update")) {
      Files.writeString(golden, report, StandardCharsets.UTF_8);
    }
    assertThat(report).as(goldenName).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
