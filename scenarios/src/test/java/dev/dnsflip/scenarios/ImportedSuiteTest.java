package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.imports.AccountYamlWriter;
import dev.dnsflip.imports.Importer;
import dev.dnsflip.observe.AccountImport;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * Scenarios whose account is imported from export files: the shipped suite, the round trip
 * against the same account written by hand, and mistakes in the import section.
 */
class ImportedSuiteTest {
  static final Path IMPORTED = Path.of("suites/imported.yaml");
  private static final Path EXPORTS = Path.of("suites/exports");

  @TempDir
  Path tmp;

  @Test
  void theShippedSuiteImportsBothFormatsWithTheOverride() throws InputException {
    LoadedScenario loaded = ScenarioLoader.read(IMPORTED);

    AccountImport source = loaded.accountImport();
    assertThat(source).isNotNull();
    assertThat(source.files()).containsExactly("exports/example.com.txt", "exports/example.org.json");
    assertThat(source.zones()).extracting(AccountImport.ImportedZone::apex, AccountImport.ImportedZone::format)
        .containsExactly(tuple("example.com", "bind"),
            tuple("example.org", "api-json"));
    assertThat(source.zones().get(0).categories()).containsExactly(
        Map.entry("r2-custom-domain", 1), Map.entry("regular", 8), Map.entry("tunnel", 1));
    assertThat(source.zones().get(0).unmodelled()).containsExactly(Map.entry("MX", 1), Map.entry("NS", 2),
        Map.entry("TXT", 1));
    assertThat(source.summary()).startsWith("Imported 2 zones: 13 A/AAAA/CNAME records (9 proxied, 4 DNS-only)")
        .contains("load-balancer 1: override");
    // Names relative to the scenario, so the report does not depend on where dnsflip ran.
    assertThat(source.summary()).doesNotContain("suites/exports");

    DnsRecord app = record(loaded.scenario(), "app.example.org.");
    assertThat(app.category()).isEqualTo(Category.LOAD_BALANCER);
    assertThat(record(loaded.scenario(), "tunnel.example.com.").category()).isEqualTo(Category.TUNNEL);
    assertThat(record(loaded.scenario(), "mail.example.com.").proxied()).isFalse();
  }

  @Test
  void anImportedAccountSimulatesIdenticallyToTheSameAccountWrittenByHand() throws Exception {
    Scenario imported = ScenarioLoader.load(IMPORTED).withReplications(1);
    Scenario handWritten = ScenarioLoader.parse(
        withAccount(Files.readString(Path.of("src/test/resources/roundtrip/handwritten-account.yaml"))),
        "handwritten.yaml").withReplications(1);

    assertThat(handWritten.account()).isEqualTo(imported.account());
    String expected = json(handWritten);
    assertThat(json(imported)).isEqualTo(expected);
  }

  @Test
  void whatDnsflipImportPrintsSimulatesIdenticallyToTheImport() throws Exception {
    String yaml = AccountYamlWriter.write(Importer.load(
        List.of(EXPORTS.resolve("example.com.txt"), EXPORTS.resolve("example.org.json")),
        Map.of(Name.fromString("app.example.org."), Category.LOAD_BALANCER)));
    // The printed section has no propagation; the suite's is added as a user would.
    String account = yaml.replace("account:\n", "account:\n  propagation: { uniform: [1s, 5s] }\n");
    Scenario printed = ScenarioLoader.parse(withAccount(account), "printed.yaml").withReplications(1);
    Scenario imported = ScenarioLoader.load(IMPORTED).withReplications(1);

    assertThat(printed.account()).isEqualTo(imported.account());
    assertThat(json(printed)).isEqualTo(json(imported));
  }

  @Test
  void aMistakeInAnExportNamesTheExportFileAndLine() throws IOException {
    Files.createDirectories(tmp.resolve("exports"));
    Files.copy(Path.of("src/test/resources/imports/bad/bad-ipv4.txt"), tmp.resolve("exports/bad.txt"));
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, Files.readString(IMPORTED).replace("    - exports/example.com.txt\n", "")
        .replace("exports/example.org.json", "exports/bad.txt"));

    assertThatThrownBy(() -> ScenarioLoader.load(scenario)).isInstanceOf(InputException.class)
        .hasMessage(tmp.resolve("exports/bad.txt") + ":5: cannot parse the record: Invalid address: 192.0.2.300");
  }

  @Test
  void aMissingExportIsReportedAtTheLineThatNamesItWithThePathFromWhereDnsflipRuns() throws IOException {
    Path scenario = tmp.resolve("s.yaml");
    Files.writeString(scenario, Files.readString(IMPORTED));
    int line = Files.readAllLines(IMPORTED).indexOf("    - exports/example.com.txt") + 1;

    assertThatThrownBy(() -> ScenarioLoader.load(scenario)).isInstanceOf(InputException.class)
        .hasMessage(scenario + ":" + line + ":7: no such file: " + tmp.resolve("exports/example.com.txt")
            + " (import paths are relative to the scenario file)");
  }

  @Test
  void importAndHandWrittenZonesCombineButAnApexOnlyOnce() throws Exception {
    String extra = "  zones:\n    - name: example.net\n      records:\n"
        + "        - { name: www, type: A, content: 192.0.2.99, proxied: true }\n";
    Scenario both = ScenarioLoader.parse(Files.readString(IMPORTED).replace("  propagation: { uniform: [1s, 5s] }\n",
        "  propagation: { uniform: [1s, 5s] }\n" + extra), IMPORTED.toString());
    assertThat(both.account().zones()).extracting(z -> z.apex().toString(true))
        .containsExactly("example.com", "example.org", "example.net");

    String twice = extra.replace("example.net", "example.org");
    assertThatThrownBy(() -> ScenarioLoader.parse(Files.readString(IMPORTED).replace(
        "  propagation: { uniform: [1s, 5s] }\n", "  propagation: { uniform: [1s, 5s] }\n" + twice),
        IMPORTED.toString()))
        .hasMessage(IMPORTED + ":31:13: zone example.org is declared twice (first at 22:5)");
  }

  @Test
  void categoriesWithoutImportIsAnError() {
    String yaml = ScenarioLoaderTest.VALID.replace("account:\n", "account:\n  categories: { www.example.com: tunnel }\n");
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "c.yaml")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("c.yaml:")
        .hasMessageContaining("account.categories overrides the categories of imported records: it needs account.import");
  }

  @Test
  void anUnknownCategoryOverrideNamesItsLine() throws IOException {
    String yaml = Files.readString(IMPORTED).replace("app.example.org: load-balancer", "app.example.org: balancer");
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, IMPORTED.toString()))
        .hasMessageStartingWith(IMPORTED + ":27:22: unknown category 'balancer'; expected one of: regular,");
  }

  @Test
  void anOverrideThatMatchesNoRecordIsReportedNotIgnored() throws Exception {
    String yaml = Files.readString(IMPORTED).replace("app.example.org: load-balancer", "ap.example.org: load-balancer");
    LoadedScenario loaded = ScenarioMapping.map(ScenarioLoader.tree(yaml, "s.yaml"), Path.of("suites"));
    assertThat(loaded.accountImport().unusedOverrides()).containsExactly("ap.example.org");
    assertThat(record(loaded.scenario(), "app.example.org.").category()).isEqualTo(Category.REGULAR);
  }

  /**
   * The JSON report, but for where each expectation was written: the two files differ in line
   * numbers there and nowhere else.
   */
  private static String json(Scenario scenario) {
    return JsonReport.render(LoadedScenario.of(scenario).report(new Simulation(scenario, 2).run())).replaceAll("\"where\": \"[^\"]*\"", "\"where\": _");
  }

  /** The suite with its account section replaced. */
  private static String withAccount(String account) throws IOException {
    String suite = Files.readString(IMPORTED);
    int from = suite.indexOf("\naccount:\n") + 1;
    int to = suite.indexOf("\n# CNAME targets outside", from) + 1;
    return suite.substring(0, from) + account + suite.substring(to);
  }

  private static DnsRecord record(Scenario scenario, String owner) {
    for (Zone zone : scenario.account().zones()) {
      for (DnsRecord r : zone.records()) {
        if (r.record().getName().toString().equals(owner)) {
          return r;
        }
      }
    }
    throw new AssertionError("no record at " + owner);
  }
}
