package dev.dnsflip.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DnsflipTest {
  private static final Path DEFAULT = Path.of("suites/default.yaml");

  private static TransitionReport report;

  @BeforeAll
  static void runDefault() throws InputException {
    report = Dnsflip.run(DEFAULT);
  }

  @Test
  void everyEntryPointGivesTheSameReportWhateverTheThreads() throws InputException {
    LoadedScenario loaded = Dnsflip.load(DEFAULT);
    String json = JsonReport.render(report);

    assertThat(JsonReport.render(Dnsflip.run(loaded, 1))).isEqualTo(json);
    assertThat(JsonReport.render(Dnsflip.run(loaded.scenario(), 3))).isEqualTo(json);
  }

  @Test
  void theReportHoldsBothSwitchEventsAndTheCheckedBounds() {
    assertThat(report.scenario()).isEqualTo("default");
    assertThat(report.events()).hasSize(2);
    assertThat(report.expectations()).hasSize(5);
    assertThat(report.expectationsPassed()).isTrue();
  }

  @Test
  void badInputIsAnInputExceptionWithItsPlace(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("bad.yaml");
    Files.writeString(file, "name: bad\nduration: 70\n");

    assertThatThrownBy(() -> Dnsflip.load(file)).isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":2:");
    assertThatThrownBy(() -> Dnsflip.run(file)).isInstanceOf(InputException.class);
  }

  @Test
  void threadsOutsideTheLimitAreRefused() throws InputException {
    LoadedScenario loaded = Dnsflip.load(DEFAULT);

    assertThatThrownBy(() -> Dnsflip.run(loaded, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threads must be >= 1");
  }
}
