package dev.dnsflip.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
  void embeddedSparkRunWritesTheSameReportJsonAsTheLocalRun() throws IOException {
    Path local = tmp.resolve("local");
    Path spark = tmp.resolve("spark");
    Run l = run("run", DEFAULT, "--out", local.toString(), "--replications", "2", "--threads", "2");
    // --spark with no MASTER, before another option: embedded Spark, local[*].
    Run s = run("run", DEFAULT, "--spark", "--out", spark.toString(), "--replications", "2");

    assertThat(l.exit()).as(l.err()).isZero();
    assertThat(s.exit()).as(s.err()).isZero();
    assertThat(Files.readAllBytes(spark.resolve("report.json"))).isEqualTo(Files.readAllBytes(local.resolve("report.json")));
    assertThat(s.out()).isEqualTo(l.out());
  }

  /**
   * In a JVM of its own, as the launcher starts it (its JVM flags and Spark's logging), so that
   * everything printed counts, Spark's own logging included. Progress is left on: Spark may take
   * over a second to refuse, so a progress line may come between the two; none may come after.
   */
  @Test
  void aMasterUrlSparkCannotParseIsOneLineExitTwoAndNoReport() throws IOException, InterruptedException {
    Path out = tmp.resolve("bad");
    Path stdout = tmp.resolve("stdout");
    Path stderr = tmp.resolve("stderr");
    ProcessBuilder launch = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "@java-options", "-Dlog4j2.configurationFile=log4j2.properties", "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "run", DEFAULT, "--out", out.toString(), "--spark", "nonsense://nowhere")
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    launch.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process process = launch.start();

    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("exited").isTrue();
    assertThat(process.exitValue()).as(Files.readString(stderr)).isEqualTo(2);
    List<String> all = Files.readAllLines(stderr);
    List<String> lines = all.stream().filter(l -> !l.matches("dnsflip: +\\d+% .*")).toList();
    assertThat(lines).hasSize(2);
    assertThat(all).last()
        .isEqualTo("dnsflip: --spark nonsense://nowhere: Spark did not start: Could not parse Master URL: "
            + "'nonsense://nowhere'");
    assertThat(lines.get(0)).startsWith("dnsflip: running default: ");
    assertThat(stdout).isEmptyFile();
    assertThat(out).doesNotExist();
  }

  @Test
  void localWithNoThreadsIsRefusedTheSameWay() {
    Run r = run("run", DEFAULT, "--out", tmp.resolve("zero").toString(), "--spark", "local[0]");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).endsWith("\ndnsflip: --spark local[0]: Spark did not start: Asked to run locally with 0 threads\n");
  }
}
