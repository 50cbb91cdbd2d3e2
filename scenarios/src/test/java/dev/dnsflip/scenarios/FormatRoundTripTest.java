package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.explore.Explorer;
import dev.dnsflip.explore.Profile;
import dev.dnsflip.explore.ScenarioGenerator;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.format.NodeReader;
import dev.dnsflip.format.YamlLines;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Each section of the scenario format, written by its writer and read by its reader, gives back
 * an equal model: for generated scenarios of every explorer profile, and for an account made of
 * the edge cases a writer can get wrong (IPv4-mapped AAAA, wildcards, owners that spell the apex,
 * names YAML would misread, TTLs at Cloudflare's limits, non-default SOA and settings).
 */
class FormatRoundTripTest {
  private static final ScenarioGenerator GENERATOR = new ScenarioGenerator();
  private static final int PER_PROFILE = 40;

  private static List<Scenario> generated() {
    List<Scenario> out = new ArrayList<>();
    for (Profile profile : Profile.values()) {
      for (int i = 0; i < PER_PROFILE; i++) {
        out.add(GENERATOR.generate(Explorer.caseSeed(20261201, i), profile));
      }
    }
    return out;
  }

  private static Node root(YamlLines yaml) throws InputException {
    return NodeReader.yaml(yaml.toString(), "section.yaml", "empty section");
  }

  private static Node section(Node root, String key) throws InputException {
    for (Node.Entry e : root.entries()) {
      if (e.key().text().equals(key)) {
        return e.value();
      }
    }
    return null;
  }

  private static Account accountRoundTrip(Account account, int nameservers) throws InputException {
    YamlLines out = new YamlLines();
    AccountWriter.write(out, account, nameservers, "{ fixed: 0s }");
    Node root = root(out);
    AccountMapping.Section read = AccountMapping.map(section(root, "account"), section(root, "external"), Path.of(""));
    assertThat(read.nameservers()).isEqualTo(nameservers);
    return read.account();
  }

  /** dnsjava compares records without their TTL: the TTLs, in order. */
  private static List<Long> ttls(Account a) {
    List<Long> out = new ArrayList<>();
    a.zones().forEach(z -> z.records().forEach(r -> out.add(r.record().getTTL())));
    a.externalZones().forEach(z -> z.records().forEach(r -> out.add(r.record().getTTL())));
    return out;
  }

  @Test
  void accountSectionOfGeneratedScenarios() throws InputException {
    for (Scenario s : generated()) {
      Account read = accountRoundTrip(s.account(), s.nameservers());
      assertThat(read).as("seed %d", s.seed()).isEqualTo(s.account());
      assertThat(ttls(read)).as("seed %d", s.seed()).isEqualTo(ttls(s.account()));
    }
  }

  @Test
  void accountSectionOfEdgeCases() throws Exception {
    Name apex = Name.fromConstantString("example.com.");
    Name external = Name.fromConstantString("origin.example.net.");
    List<DnsRecord> records = List.of(
        new DnsRecord(a("example.com.", 1, "192.0.2.1"), true, Category.REGULAR, false),
        new DnsRecord(aaaa("example.com.", 1, "::ffff:192.0.2.1"), true, Category.REGULAR, false),
        new DnsRecord(aaaa("v6.example.com.", 30, "2001:db8:0:1:0:0:0:1"), false, Category.REGULAR, false),
        new DnsRecord(aaaa("any.example.com.", 86_400, "::"), false, Category.REGULAR, false),
        new DnsRecord(a("*.example.com.", 1, "192.0.2.2"), true, Category.REGULAR, false),
        new DnsRecord(a("example.com.example.com.", 300, "192.0.2.3"), false, Category.REGULAR, false),
        new DnsRecord(a("on.example.com.", 1, "192.0.2.4"), true, Category.SPECTRUM, false),
        new DnsRecord(a("1.example.com.", 1, "192.0.2.5"), true, Category.REGULAR, false),
        new DnsRecord(new CNAMERecord(Name.fromConstantString("www.example.com."), DClass.IN, 1, external), true,
            Category.REGULAR, true));
    Zone zone = new Zone(apex, new Soa(7200, 60), records);
    Zone origin = new Zone(Name.fromConstantString("example.net."), Soa.CLOUDFLARE_DEFAULT,
        List.of(new DnsRecord(a("origin.example.net.", 5, "198.51.100.1"), false, Category.REGULAR, false),
            new DnsRecord(aaaa("origin.example.net.", 5, "2001:db8::5"), false, Category.REGULAR, false)));
    Account account = new Account(List.of(zone), 60, List.of(Address.getByAddress("203.0.113.9")),
        List.of(Address.getByAddress("2001:db8:ffff::9")), new SwitchSettings(false, false), List.of(origin));

    Account read = accountRoundTrip(account, 3);

    assertThat(read).isEqualTo(account);
    assertThat(ttls(read)).isEqualTo(ttls(account));
  }

  @Test
  void populationSectionsOfGeneratedScenarios() throws InputException {
    for (Scenario s : generated()) {
      YamlLines out = new YamlLines();
      PopulationWriter.resolvers(out, s.resolverGroups());
      PopulationWriter.clients(out, s.clientGroups());
      Node root = root(out);
      List<ResolverGroup> resolvers = PopulationMapping.resolvers(section(root, "resolvers"), s.durationMs());
      List<ClientGroup> clients = PopulationMapping.clients(section(root, "clients"), resolvers, s.account(),
          s.durationMs());
      assertThat(resolvers).as("seed %d:%n%s", s.seed(), out).isEqualTo(s.resolverGroups());
      assertThat(clients).as("seed %d:%n%s", s.seed(), out).isEqualTo(s.clientGroups());
    }
  }

  /**
   * Every other client group of each generated scenario on a fixed schedule, from 1 ms to the whole
   * run; resolver groups restarting periodically, or at the run's first and last milliseconds.
   */
  @Test
  void clientsOnFixedSchedulesAndResolverRestarts() throws InputException {
    for (Scenario s : generated()) {
      List<ClientGroup> groups = new java.util.ArrayList<>();
      for (int g = 0; g < s.clientGroups().size(); g++) {
        long every = g % 4 == 0 ? s.durationMs() : g % 4 == 2 ? 1 + g * 7_001L % s.durationMs() : 0;
        groups.add(every == 0 ? s.clientGroups().get(g) : s.clientGroups().get(g).withEvery(every));
      }
      List<ResolverGroup> resolvers = new java.util.ArrayList<>();
      for (int g = 0; g < s.resolverGroups().size(); g++) {
        ResolverGroup group = s.resolverGroups().get(g);
        resolvers.add(group.runsOwnLogic() ? group : switch (g % 3) {
          case 0 -> group.withRestarts(dev.dnsflip.resolver.Restarts.every(1 + g * 3_600_001L));
          case 1 -> group.withRestarts(dev.dnsflip.resolver.Restarts.at(List.of(1L, s.durationMs() - 1)));
          default -> group;
        });
      }
      Scenario scheduled = s.toBuilder().clientGroups(groups).resolverGroups(resolvers).build();
      String yaml = ScenarioWriter.write(scheduled, List.of());

      Scenario read = ScenarioLoader.parse(yaml, "generated.yaml");

      assertThat(read.clientGroups()).as("seed %d:%n%s", s.seed(), yaml).isEqualTo(groups);
      assertThat(read.resolverGroups()).as("seed %d:%n%s", s.seed(), yaml).isEqualTo(resolvers);
    }
  }

  @Test
  void runScheduleOutagesAndExpectationsOfGeneratedScenarios() throws InputException {
    for (Scenario s : generated()) {
      Scenario read = ScenarioLoader.parse(ScenarioWriter.write(s, List.of()), "generated.yaml");
      assertThat(read.name()).isEqualTo(s.name());
      assertThat(read.description()).isEqualTo(s.description());
      assertThat(read.seed()).isEqualTo(s.seed());
      assertThat(read.replications()).isEqualTo(s.replications());
      assertThat(read.durationMs()).isEqualTo(s.durationMs());
      assertThat(read.bucketMs()).isEqualTo(s.bucketMs());
      assertThat(read.initialCache()).isEqualTo(s.initialCache());
      assertThat(read.propagation()).isEqualTo(s.propagation());
      assertThat(read.schedule()).isEqualTo(s.schedule());
      assertThat(read.outages()).isEqualTo(s.outages());
      assertThat(read.expectations()).isEqualTo(s.expectations());
    }
  }

  @Test
  void partialOutagesAtTheirEdges() throws InputException {
    Scenario base = generated().get(0);
    List<Outage> outages = List.of(new Outage(0, 1, 0.000001, List.of()), new Outage(1_000, 2_000, 0.3, List.of(1)),
        new Outage(3_000, 4_000, 1.0, List.of(0, 1)), new Outage(5_000, 6_000));
    Scenario s = base.toBuilder().nameservers(2).outages(outages).build();

    Scenario read = ScenarioLoader.parse(ScenarioWriter.write(s, List.of()), "generated.yaml");

    assertThat(read.outages()).isEqualTo(outages);
  }

  @Test
  void originsAndReferenceMarksOfTheShippedScenariosReadBackEqual() throws Exception {
    for (String suite : List.of("default", "flavel-2014")) {
      Scenario s = ScenarioLoader.load(java.nio.file.Path.of("suites", suite + ".yaml"));
      Scenario read = ScenarioLoader.parse(ScenarioWriter.write(s, List.of()), suite + ".yaml");
      assertThat(read.origins()).as(suite).isEqualTo(s.origins());
      assertThat(read.references()).as(suite).isEqualTo(s.references());
    }
    assertThat(ScenarioLoader.load(java.nio.file.Path.of("suites", "default.yaml")).origins()).hasSize(2);
    assertThat(ScenarioLoader.load(java.nio.file.Path.of("suites", "flavel-2014.yaml")).references())
        .hasSize(2);
  }

  private static Record a(String owner, long ttl, String address) throws Exception {
    return new ARecord(Name.fromConstantString(owner), DClass.IN, ttl, Address.getByAddress(address, Address.IPv4));
  }

  private static Record aaaa(String owner, long ttl, String address) throws Exception {
    return new AAAARecord(Name.fromConstantString(owner), DClass.IN, ttl, Address.getByAddress(address, Address.IPv6));
  }
}
