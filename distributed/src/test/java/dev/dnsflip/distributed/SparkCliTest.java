package dev.dnsflip.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code dnsflip run --spark} with this module on the class path, as the launcher runs it. */
class SparkCliTest {
  private static final String DEFAULT = "../scenarios/suites/default.yaml";

  @TempDir
  Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  @Test
  void sparkRunWritesTheSameReportJsonAsTheLocalRun() throws IOException {
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    Run l = run("run", DEFAULT, "--out", local.toString(), "--replications", "2", "--threads", "2");
    Run s = run("run", DEFAULT, "--out", spark.toString(), "--replications", "2", "--spark", "local[2]");

    assertThat(l.exit()).as(l.err()).isZero();
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(Files.readAllBytes(spark.resolve("report.json"))).isEqualTo(Files.readAllBytes(local.resolve("report.json")));
    assertThat(s.out()).isEqualTo(l.out());
  }

  @Test
  void aMasterUrlSparkCannotParseIsOneLineExitTwoAndNoReport() {
    Path out = tmp.resolve("bad");
    Run r = run("run", DEFAULT, "--out", out.toString(), "--spark", "nonsense://nowhere");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).endsWith("\n").doesNotContain("Exception").doesNotContain("\tat ");
    String[] lines = r.err().split("\n");
    assertThat(lines[lines.length - 1])
        .isEqualTo("dnsflip: --spark nonsense://nowhere: Spark did not start: Could not parse Master URL: 'nonsense://nowhere'");
    assertThat(out).doesNotExist();
  }

  @Test
  void localWithNoThreadsIsRefusedTheSameWay() {
    Run r = run("run", DEFAULT, "--out", tmp.resolve("zero").toString(), "--spark", "local[0]");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("dnsflip: --spark local[0]: Spark did not start: ");
  }
}
