package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class AccountYamlWriterTest {
  static final Path DIR = Path.of("src/test/resources/imports");
  static final List<Path> ALL = List.of(DIR.resolve("example.com.txt"), DIR.resolve("example.org.txt"),
      DIR.resolve("api/example.net-page1.json"), DIR.resolve("api/example.net-page2.json"),
      DIR.resolve("api/example.dev.json"));

  static ImportedAccount all() throws InputException {
    return Importer.load(ALL, Map.of(Name.fromConstantString("ssh.example.com."), Category.SPECTRUM));
  }

  @Test
  void theYamlReadsBackAsTheSameZonesAndRecords() throws Exception {
    ImportedAccount account = all();

    JsonNode zones = new ObjectMapper(new YAMLFactory()).readTree(AccountYamlWriter.write(account))
        .get("account").get("zones");

    assertThat(zones).hasSize(account.zones().size());
    for (int i = 0; i < zones.size(); i++) {
      Zone zone = account.zones().get(i);
      JsonNode z = zones.get(i);
      assertThat(Name.fromString(z.get("name").asText(), Name.root)).isEqualTo(zone.apex());
      assertThat(z.get("soa").get("ttl").asLong()).isEqualTo(zone.soa().ttlSeconds());
      assertThat(z.get("soa").get("minimum").asLong()).isEqualTo(zone.soa().minimumSeconds());
      JsonNode records = z.get("records");
      assertThat(records).hasSize(zone.records().size());
      for (int j = 0; j < records.size(); j++) {
        DnsRecord expected = zone.records().get(j);
        JsonNode r = records.get(j);
        String where = zone.apex() + " record " + j;
        Record record = expected.record();
        assertThat(owner(r.get("name").asText(), zone.apex())).as(where).isEqualTo(record.getName());
        assertThat(r.get("type").asText()).as(where).isEqualTo(Type.string(record.getType()));
        assertThat(content(r.get("content").asText(), record.getType())).as(where).isEqualTo(content(record));
        assertThat(r.get("proxied").asBoolean()).as(where).isEqualTo(expected.proxied());
        assertThat(r.has("ttl") ? r.get("ttl").asLong() : DnsRecord.AUTO_TTL).as(where).isEqualTo(record.getTTL());
        assertThat(r.has("category") ? Category.fromKey(r.get("category").asText()) : Category.REGULAR).as(where)
            .isEqualTo(expected.category());
        assertThat(r.has("flatten") && r.get("flatten").asBoolean()).as(where).isEqualTo(expected.flatten());
      }
    }
  }

  /** The scenario format's owner rule: "@" is the apex, a trailing dot is absolute, else relative. */
  static Name owner(String text, Name apex) throws Exception {
    if (text.equals("@")) {
      return apex;
    }
    return Name.fromString(text, text.endsWith(".") ? Name.root : apex);
  }

  static Object content(String text, int type) throws Exception {
    return switch (type) {
      case Type.A -> Address.getByAddress(text, Address.IPv4);
      case Type.AAAA -> Address.getByAddress(text, Address.IPv6);
      default -> Name.fromString(text, Name.root);
    };
  }

  static Object content(Record record) {
    if (record instanceof ARecord a) {
      return a.getAddress();
    }
    if (record instanceof AAAARecord aaaa) {
      return aaaa.getAddress();
    }
    return ((CNAMERecord) record).getTarget();
  }

  @Test
  void theOutputLoadsAsAScenario() throws Exception {
    ImportedAccount account = all();
    StringBuilder external = new StringBuilder("external:\n");
    for (Name target : account.externalTargets()) {
      external.append("  - name: ").append(target.toString(true)).append('\n')
          .append("    records:\n      - { name: \"@\", type: A, content: 192.0.2.99, ttl: 60 }\n");
    }
    String scenario = "name: imported\nduration: 10m\n" + AccountYamlWriter.write(account) + external + """
        resolvers:
          - { name: isp, count: 1 }
        clients:
          - name: c
            count: 1
            queriesPerMinute: 1
            questions:
              - { name: www.example.com }
        """;

    Scenario loaded = ScenarioLoader.parse(scenario, "imported.yaml");

    assertThat(loaded.account().zones()).isEqualTo(account.zones());
  }

  @Test
  void onlyNonDefaultFieldsAreWritten() throws InputException {
    String yaml = AccountYamlWriter.write(all());

    assertThat(yaml).contains(
        "    - name: example.com\n      soa: { ttl: 3600, minimum: 3600 }\n      records:\n"
            + "        - { name: \"@\", type: A, content: 192.0.2.1, proxied: true }\n",
        "        - { name: status, type: A, content: 192.0.2.25, proxied: false, ttl: 300 }\n",
        "        - { name: ssh, type: A, content: 203.0.113.22, proxied: true, category: spectrum }\n",
        "        - { name: api, type: AAAA, content: \"2001:db8::20\", proxied: true }\n",
        "        - { name: docs, type: CNAME, content: docs-host.example.com, proxied: false, flatten: true }\n",
        "        - { name: \"*\", type: A, content: 198.51.100.31, proxied: false }\n");
  }

  @Test
  void theSummaryLeadsAsCommentsAndOutsideTargetsFollowAsAHint() throws InputException {
    ImportedAccount account = all();
    String yaml = AccountYamlWriter.write(account);

    assertThat(yaml).startsWith("# Imported by dnsflip from Cloudflare exports.");
    assertThat(yaml).contains("# " + account.summary().render().lines().findFirst().orElseThrow() + "\n");
    assertThat(yaml.substring(0, yaml.indexOf("account:")).lines()).allMatch(l -> l.startsWith("#"));
    assertThat(yaml.substring(yaml.indexOf("\n# external:")).lines().skip(1)).allMatch(l -> l.startsWith("#"));
    assertThat(yaml).contains("#   - name: r2.dev\n#     records:\n"
        + "#       - { name: public.r2.dev., type: A, content: <address>, ttl: <seconds> }  "
        + "# from assets.example.com (r2-custom-domain)\n");
  }

  @Test
  void theSameAccountGivesTheSameText() throws InputException {
    assertThat(AccountYamlWriter.write(all())).isEqualTo(AccountYamlWriter.write(all()));
  }
}
