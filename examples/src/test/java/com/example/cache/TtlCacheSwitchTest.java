package com.example.cache;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.testing.Dnsflip;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TtlCacheSwitchTest {
  private static TransitionReport report;

  @BeforeAll
  static void run() throws InputException, URISyntaxException {
    // switch.yaml (src/test/resources) runs its resolver's caches with logic: com.example.cache.TtlCacheLogic
    Path scenario = Path.of(TtlCacheSwitchTest.class.getResource("/switch.yaml").toURI());
    report = Dnsflip.run(Dnsflip.load(scenario));  // bad input: InputException, with file:line:col
  }

  @Test
  void nothingOutlivesTheTtlPlusPropagationAfterTheEnable() {
    assertThat(report).afterSwitch(1).lastStale().max().isAtMost(Duration.ofSeconds(61));
    assertThat(report).afterSwitch(1).lastStale().percentile(99).isAtMost(Duration.ofSeconds(61));
  }

  @Test
  void theDisableLetsGoAsFastIncludingTheNodataAnswers() {
    assertThat(report).afterSwitch(2).lastStale().max().isAtMost(Duration.ofSeconds(61));
    assertThat(report).afterSwitch(2).staleShareAt(Duration.ofSeconds(65)).isBelow(0.01);
  }

  @Test
  void theScenariosOwnBoundsHold() {
    assertThat(report).expectationsPass();
  }
}
