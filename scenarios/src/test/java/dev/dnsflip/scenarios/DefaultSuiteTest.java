package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

class DefaultSuiteTest {
  // Surefire runs in the module directory.
  static final Path DEFAULT = Path.of("suites/default.yaml");

  @Test
  void defaultScenarioLoadsWithItsDocumentedShape() throws InputException {
    Scenario s = ScenarioLoader.load(DEFAULT);

    assertThat(s.name()).isEqualTo("default");
    assertThat(s.seed()).isEqualTo(42);
    assertThat(s.replications()).isEqualTo(1);
    assertThat(s.durationMs()).isEqualTo(70 * 60_000L);
    assertThat(s.bucketMs()).isEqualTo(5_000);
    assertThat(s.initialCache()).isEqualTo(InitialCache.STEADY);
    assertThat(s.propagation()).isEqualTo(Propagation.DEFAULT);
    assertThat(s.clientCount()).isGreaterThanOrEqualTo(10_000);
    assertThat(s.resolverCount()).isEqualTo(200);
    assertThat(s.schedule().initiallyEnabled()).isFalse();
    assertThat(s.schedule().events()).containsExactly(
        new SwitchEvent(60_000, SwitchDirection.ENABLE), new SwitchEvent(1_860_000, SwitchDirection.DISABLE));
    assertThat(s.account().zones()).extracting(z -> z.apex().toString())
        .containsExactly("example.com.", "example.org.");
    assertThat(s.account().externalZones()).extracting(z -> z.apex().toString())
        .containsExactly("example.net.", "cfargotunnel.com.", "r2.dev.", "cloudflare.com.");
    assertThat(s.account().zones().get(0).soa()).isEqualTo(Soa.CLOUDFLARE_DEFAULT);
    assertThat(s.expectations()).hasSize(4);
  }

  @Test
  void defaultScenarioHasEveryCategoryProxiedAndEveryRecordKind() throws InputException {
    Scenario s = ScenarioLoader.load(DEFAULT);
    Set<Category> categories = s.account().zones().stream().flatMap(z -> z.records().stream())
        .filter(DnsRecord::proxied).map(DnsRecord::category)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Category.class)));
    assertThat(categories).containsExactlyInAnyOrder(Category.values());

    Zone com = s.account().zones().get(0);
    assertThat(record(com, "www.example.com.", Type.A).proxied()).isTrue();
    assertThat(com.records().stream().filter(r -> r.record().getName().toString().equals("www.example.com.")))
        .as("A-only proxied name").hasSize(1);
    assertThat(record(com, "api.example.com.", Type.AAAA).proxied()).isTrue();
    assertThat(record(com, "shop.example.com.", Type.CNAME).proxied()).isTrue();
    assertThat(record(com, "status.example.com.", Type.A).isAutoTtl()).isTrue();
    assertThat(record(com, "legacy.example.com.", Type.A).record().getTTL()).isEqualTo(120);
    DnsRecord apex = record(com, "example.com.", Type.CNAME);
    assertThat(apex.proxied()).isFalse();
    assertThat(record(com, "docs.example.com.", Type.CNAME).flatten()).isTrue();
    assertThat(s.account().externalZones()).allSatisfy(z -> assertThat(z.records()).noneMatch(DnsRecord::proxied));
  }

  @Test
  void defaultScenarioMeetsItsOwnBounds() throws InputException {
    TransitionReport report = ScenarioLoader.read(DEFAULT).simulate(4);

    assertThat(report.expectations()).hasSize(5); // "all" applies to both events
    assertThat(report.expectations()).allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
  }

  @Test
  void everyMetricOfAReportIsKnownToTheLoaderWithItsUnit() throws InputException {
    RunResult result = new Simulation(ScenarioLoader.load(DEFAULT), 4).run();

    assertThat(result.events().get(0).metrics())
        .allSatisfy(m -> assertThat(ExpectationMapping.METRICS).containsEntry(m.name(), m.unit()));
    assertThat(ExpectationMapping.METRICS).containsKeys("lastStale.max", "staleShare", "clientsWithStaleUse");
  }

  private static DnsRecord record(Zone zone, String owner, int type) {
    return zone.records().stream()
        .filter(r -> r.record().getName().toString().equals(owner) && r.type() == type)
        .findFirst().orElseThrow(() -> new AssertionError("no " + owner + " " + Type.string(type)));
  }
}
