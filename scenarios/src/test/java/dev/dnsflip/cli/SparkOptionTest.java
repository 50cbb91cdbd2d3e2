package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --spark} on the CLI jar alone, without the distributed module: a user error that
 * says how to get the runner (the module's own tests run it for real).
 */
class SparkOptionTest {
  @TempDir
  Path tmp;

  @Test
  void sparkWithoutTheDistributedModuleIsOneLineExitTwoAndNoReport() {
    Path out = tmp.resolve("out");
    CliRun r = CliRun.of("run", "suites/default.yaml", "--out", out.toString(), "--spark", "local[2]");

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).endsWith("\ndnsflip: --spark needs the distributed module on the class path: run through "
        + "./dnsflip, which adds it, or see docs/spark.md\n");
    assertThat(out).doesNotExist();
  }

  @Test
  void sparkWithNoMasterAsksForTheRunnerToo() {
    // No MASTER, another option next: still a Spark run (the runner's default master), not a local one.
    CliRun r = CliRun.of("run", "suites/default.yaml", "--spark", "--out", tmp.resolve("out").toString());

    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains("dnsflip: --spark needs the distributed module on the class path");
  }
}
