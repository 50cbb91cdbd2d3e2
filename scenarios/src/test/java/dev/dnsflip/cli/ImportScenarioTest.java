package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code import --scenario}: a scenario that runs as printed, with every guess flagged. */
class ImportScenarioTest {
  @TempDir
  Path tmp;

  @Test
  void theImportedScenarioRunsAsPrintedAndFlagsEveryPlaceholder() throws Exception {
    CliRun imported = CliRun.of("import", "suites/exports/example.com.txt", "suites/exports/example.org.json",
        "--scenario");
    assertThat(imported.exit()).as(imported.err()).isEqualTo(Main.OK);
    String yaml = imported.out();
    // One flagged placeholder per CNAME target outside the imported zones, in the documentation range.
    assertThat(yaml.lines().filter(l -> l.contains("# PLACEHOLDER"))).hasSize(3)
        .allSatisfy(l -> assertThat(l).contains("content: 192.0.2."));
    assertThat(yaml).contains("questions: all", "name: example.com\n", "- { at: 31m, action: disable }");
    Path file = tmp.resolve("imported.yaml");
    Files.writeString(file, yaml);
    CliRun run = CliRun.of("run", file.toString(), "--out", tmp.resolve("out").toString(), "--threads", "2");
    assertThat(run.exit()).as(run.err()).isEqualTo(Main.OK);
    assertThat(run.out()).contains("switch", "enable", "disable");

    // The origins the switch would hand out, commented: uncommented, they load as stated origins.
    assertThat(yaml).contains("\n# origins:\n");
    String uncommented = yaml.replaceAll("(?m)^# origins:$", "origins:").replaceAll("(?m)^#   - \\{ address: ",
        "  - { address: ");
    dev.dnsflip.simulation.Scenario withOrigins = dev.dnsflip.scenarios.ScenarioLoader.parse(uncommented, "o.yaml");
    assertThat(withOrigins.origins()).isNotEmpty().allSatisfy(o -> {
      assertThat(o.capacityPerSecond()).isEqualTo(100);
      assertThat(o.publiclyTrusted()).isTrue();
    });
  }

  @Test
  void anUnknownCategoryListsTheKnownOnes() {
    CliRun r = CliRun.of("import", "suites/exports/example.com.txt", "--category", "www.example.com=balancer");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("unknown category 'balancer' for www.example.com; expected one of: regular, "
        + "load-balancer, worker-route,");
  }
}
