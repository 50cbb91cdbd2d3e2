package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code dnsflip lab calibrate} on a 15 s scenario with Unbound and dnsmasq, and the shipped
 * calibration scenario's groups (all five resolvers and the chain) without running them.
 */
class LabCalibrateTest {
  private static final Path SMALL = Path.of("src/test/resources/lab/calibrate-small.yaml");
  private static final Path SHIPPED = Path.of("suites/lab/calibration.yaml");

  /**
   * The bound on the lab's latest stale use: the simulated maximum over 20 runs, plus what the
   * model leaves out or cannot see: dnsmasq's and Unbound's whole-second clocks (up to 1 s either
   * way; Unbound's is modelled, dnsmasq's truncation only lets go earlier), the clock lag (50 ms)
   * and one probe interval (500 ms at 2 queries a second), since a probe's last stale use comes
   * at its last query before letting go.
   */
  private static final double SLACK_MS = 1000 + 50 + 500;

  @Test
  void calibratesEachGroupAndWritesTheComparisons(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("cal");
    CliRun r = CliRun.of("lab", "calibrate", SMALL.toString(), "--out", out.toString(), "--replications", "20");
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    String summary = Files.readString(out.resolve("calibration.md"));
    assertThat(summary).contains("unbound-1.17 (Unbound 1.17.", "dnsmasq-2.90 (dnsmasq 2.90)");
    for (String group : List.of("unbound", "dnsmasq")) {
      String md = Files.readString(out.resolve("calibration-" + group + ".md"));
      assertThat(md).contains("Kolmogorov-Smirnov", "Largest quantile gap", "| max |");
    }

    Scenario scenario = ScenarioLoader.load(SMALL);
    for (LabCalibration.Target t : LabCalibration.targets(scenario)) {
      double[] simulated = LabCalibration.simulate(t, 20);
      assertThat(simulated).as("20 runs x 3 clients x 2 switches").hasSize(120);
      String md = Files.readString(out.resolve(LabCalibration.fileName(t)));
      String maxRow = md.lines().filter(l -> l.startsWith("| max |")).findFirst().orElseThrow();
      double labMaxS = Double.parseDouble(maxRow.split("\\|")[2].trim());
      assertThat(labMaxS * 1000).as(t.name() + ": " + md)
          .isLessThanOrEqualTo(LabCalibration.quantile(simulated, 1) + SLACK_MS);
    }
  }

  @Test
  void theShippedCalibrationCoversAllFiveResolversAndTheChain() throws Exception {
    Scenario scenario = ScenarioLoader.load(SHIPPED);
    assertThat(LabCalibration.targets(scenario)).extracting(t -> t.group().origin().preset())
        .containsExactlyInAnyOrder("unbound-1.17", "bind-9.18", "knot-resolver-5.6", "pdns-recursor-4.8",
            "dnsmasq-2.90", "dnsmasq-2.90");
    assertThat(LabCalibration.targets(scenario)).filteredOn(t -> t.behind() != null)
        .extracting(t -> t.behind().origin().preset()).containsExactly("unbound-1.17-serve-expired");
    // It stays a plain scenario too: the simulator runs it.
    CliRun r = CliRun.of("run", SHIPPED.toString(), "--out", Files.createTempDirectory("cal").toString(), "--quiet");
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
  }
}
