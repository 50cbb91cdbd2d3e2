package dev.dnsflip.authority;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.cname;
import static dev.dnsflip.simulation.TestScenarios.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Each rule of records, zones, SOA and account at its edge: the limit is kept, one past it refused. */
class InvariantsTest {
  private static final String CLOUDFLARE_TTL = "a record's TTL at Cloudflare is 1 (Auto) or 60 s to 1 day (30 s on "
      + "Enterprise), got %d; for a what-if on proxied answers change account.autoTtl";

  private static Zone zone(Soa soa, DnsRecord... records) {
    return new Zone(name("example.com"), soa, List.of(records));
  }

  private static List<Problem> accountProblems(List<Zone> zones, long autoTtl, List<Zone> external) {
    return Account.problems(zones, autoTtl, Account.defaultAnycastV4(), Account.defaultAnycastV6(), external);
  }

  private static Account account(List<Zone> zones, List<Zone> external) {
    return TestScenarios.account(300, zones, external);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 30, 86_400})
  void anAccountZoneKeepsAutoAndTtlsFrom30SecondsToADay(long ttl) {
    Account account = account(List.of(zone(Soa.CLOUDFLARE_DEFAULT, a("www.example.com", "192.0.2.1", ttl, false))),
        List.of());
    assertThat(account.zones().get(0).records().get(0).record().getTTL()).isEqualTo(ttl);
  }

  @ParameterizedTest
  @ValueSource(longs = {29, 86_401})
  void anAccountZoneRefusesTtlsOutsideWhatCloudflareAccepts(long ttl) {
    List<Zone> zones = List.of(zone(Soa.CLOUDFLARE_DEFAULT, a("www.example.com", "192.0.2.1", ttl, false)));

    assertThat(accountProblems(zones, 300, List.of()))
        .containsExactly(new Problem("zones[0].records[0].record.ttl", CLOUDFLARE_TTL.formatted(ttl)));
    assertThatThrownBy(() -> account(zones, List.of())).isInstanceOf(IllegalArgumentException.class)
        .hasMessage(CLOUDFLARE_TTL.formatted(ttl));
  }

  @Test
  void externalZonesKeepTheirOwnersTtlsAndSoa() {
    Zone external = new Zone(name("origin.net"), new Soa(5, 5), List.of(a("lb.origin.net", "198.51.100.7", 5, false)));
    Account account = account(List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.1", 1, true))),
        List.of(external));
    assertThat(account.externalZones()).containsExactly(external);
  }

  @ParameterizedTest
  @ValueSource(longs = {60, 86_400})
  void theSoaMinimumOfAnAccountZoneIsKeptFrom60SecondsToADay(long minimum) {
    assertThat(accountProblems(List.of(zone(new Soa(3600, minimum))), 300, List.of())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(longs = {59, 86_401})
  void theSoaMinimumOfAnAccountZoneIsRefusedOutside60SecondsToADay(long minimum) {
    String message = "SOA minimum at Cloudflare is 60 to 86400 seconds, got " + minimum;
    assertThat(accountProblems(List.of(zone(new Soa(3600, minimum))), 300, List.of()))
        .containsExactly(new Problem("zones[0].soa.minimumSeconds", message));
    assertThatThrownBy(() -> account(List.of(zone(new Soa(3600, minimum))), List.of())).hasMessage(message);
  }

  @Test
  void soaTimersAreDnsTimers() {
    assertThat(Soa.problems(0, org.xbill.DNS.TTL.MAX_VALUE)).isEmpty();
    assertThat(Soa.problems(-1, org.xbill.DNS.TTL.MAX_VALUE + 1)).containsExactly(
        new Problem("ttlSeconds", "SOA ttl must be >= 0 and <= 2147483647 seconds, got -1"),
        new Problem("minimumSeconds", "SOA minimum must be >= 0 and <= 2147483647 seconds, got 2147483648"));
    assertThatThrownBy(() -> new Soa(3600, -1))
        .hasMessage("SOA minimum must be >= 0 and <= 2147483647 seconds, got -1");
  }

  @Test
  void theAutoTtlIsAPositiveDnsTtl() {
    List<Zone> zones = List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.1", 1, true)));
    assertThat(accountProblems(zones, 1, List.of())).isEmpty();
    assertThat(accountProblems(zones, org.xbill.DNS.TTL.MAX_VALUE, List.of())).isEmpty();
    assertThat(accountProblems(zones, 0, List.of())).containsExactly(
        new Problem("autoTtlSeconds", "autoTtl must be > 0 and <= 2147483647 seconds, got 0"));
    assertThat(accountProblems(zones, org.xbill.DNS.TTL.MAX_VALUE + 1, List.of())).containsExactly(
        new Problem("autoTtlSeconds", "autoTtl must be > 0 and <= 2147483647 seconds, got 2147483648"));
  }

  @Test
  void aProxiedRecordsTtlIsAuto() {
    String message = "a proxied record's TTL is always Auto: leave ttl out or set it to 1";
    assertThat(DnsRecord.problems(Type.A, 1, true, false)).isEmpty();
    assertThat(DnsRecord.problems(Type.A, 2, true, false)).containsExactly(new Problem("record.ttl", message));
    assertThat(DnsRecord.problems(Type.A, 2, false, false)).isEmpty();
    assertThatThrownBy(() -> a("www.example.com", "192.0.2.1", 300, true)).hasMessage(message);
  }

  @Test
  void aRecordTtlIsAtLeastOneSecond() {
    assertThat(DnsRecord.problems(Type.A, 0, false, false))
        .containsExactly(new Problem("record.ttl", "TTL must be >= 1 (1 = Auto)"));
    assertThat(DnsRecord.problems(Type.A, org.xbill.DNS.TTL.MAX_VALUE + 1, false, false))
        .containsExactly(new Problem("record.ttl", "TTL must be <= 2147483647"));
    assertThatThrownBy(() -> a("www.example.com", "192.0.2.1", 0, false)).hasMessage("TTL must be >= 1 (1 = Auto)");
  }

  @Test
  void onlyCnamesAreFlattenedAndOnlyAddressesAndCnamesProxied() {
    assertThat(DnsRecord.problems(Type.CNAME, 1, true, true)).isEmpty();
    assertThat(DnsRecord.problems(Type.AAAA, 1, false, true))
        .containsExactly(new Problem("flatten", "flatten applies only to CNAME records"));
    assertThat(DnsRecord.problems(Type.TXT, 1, true, false))
        .containsExactly(new Problem("proxied", "only A, AAAA and CNAME records can be proxied, not TXT"));
    assertThatThrownBy(() -> new DnsRecord(new TXTRecord(name("t.example.com"), DClass.IN, 1, "x"), false,
        Category.REGULAR, true)).hasMessage("flatten applies only to CNAME records");
  }

  @Test
  void aCnameSharesItsNameWithNothing() {
    DnsRecord www = a("www.example.com", "192.0.2.1", 1, true);
    DnsRecord wwwCname = cname("www.example.com", "lb.origin.net", 1, true, Category.REGULAR, false);
    String message = "www.example.com has a CNAME, which cannot share its name with other records";

    assertThat(Zone.problems(name("example.com"), List.of(www, TestScenarios.aaaa("www.example.com", "2001:db8::1",
        1, true, Category.REGULAR)))).isEmpty();
    assertThat(Zone.problems(name("example.com"), List.of(www, wwwCname)))
        .containsExactly(new Problem("records[1]", message));
    assertThat(Zone.problems(name("example.com"), List.of(wwwCname, www)))
        .containsExactly(new Problem("records[1]", message));
    assertThat(Zone.problems(name("example.com"), List.of(wwwCname, wwwCname)))
        .containsExactly(new Problem("records[1]", message));
    assertThatThrownBy(() -> zone(Soa.CLOUDFLARE_DEFAULT, www, wwwCname)).hasMessage(message);
  }

  @Test
  void aRecordLiesInsideItsZone() {
    assertThat(Zone.problems(name("example.com"), List.of(a("example.com", "192.0.2.1", 1, true)))).isEmpty();
    assertThat(Zone.problems(name("example.com"), List.of(a("www.example.org", "192.0.2.1", 1, true))))
        .containsExactly(new Problem("records[0].record.name", "www.example.org is outside the zone example.com"));
  }

  @Test
  void externalZonesAreDnsOnly() {
    Zone external = new Zone(name("origin.net"), Soa.CLOUDFLARE_DEFAULT,
        List.of(a("lb.origin.net", "198.51.100.7", 1, false), a("cdn.origin.net", "198.51.100.8", 1, true)));
    assertThat(accountProblems(List.of(TestScenarios.zone("example.com")), 300, List.of(external)))
        .containsExactly(new Problem("externalZones[0].records[1].proxied",
            "external zones are outside the account and DNS-only: a record here cannot be proxied"));
  }

  @Test
  void everyZoneIsDeclaredOnceAndTheAccountHasOne() {
    Zone zone = TestScenarios.zone("example.com");
    assertThat(accountProblems(List.of(zone), 300, List.of(zone)))
        .containsExactly(new Problem("externalZones[0].apex", "zone example.com is declared twice"));
    assertThat(accountProblems(List.of(zone, zone), 300, List.of()))
        .containsExactly(new Problem("zones[1].apex", "zone example.com is declared twice"));
    assertThat(accountProblems(List.of(), 300, List.of()))
        .containsExactly(new Problem("zones", "the account needs at least one zone"));
    assertThat(Account.problems(List.of(zone), 300, List.of(), Account.defaultAnycastV6(), List.of()))
        .containsExactly(new Problem("anycastV4", "the anycast IPv4 pool needs at least one address"));
  }

  @Test
  void everyProblemIsListedNotOnlyTheFirst() {
    Zone bad = zone(new Soa(3600, 59), a("www.example.com", "192.0.2.1", 29, false));
    assertThat(accountProblems(List.of(bad), 0, List.of())).extracting(Problem::path).containsExactly(
        "autoTtlSeconds", "zones[0].soa.minimumSeconds", "zones[0].records[0].record.ttl");
  }

  @Test
  void withersRebuildThroughTheRules() {
    DnsRecord flat = cname("docs.example.com", "docs.origin.net", 600, false, Category.LOAD_BALANCER, true);
    assertThat(flat.withFlatten(false)).isEqualTo(new DnsRecord(flat.record(), false, Category.LOAD_BALANCER, false));
    assertThat(flat.withCategory(Category.REGULAR).category()).isEqualTo(Category.REGULAR);
    DnsRecord a = a("docs.example.com", "192.0.2.1", 1, true);
    Zone zone = zone(Soa.CLOUDFLARE_DEFAULT, flat);
    assertThatThrownBy(() -> zone.withRecords(List.of(flat, a))).isInstanceOf(IllegalArgumentException.class);
    Account account = account(List.of(zone), List.of());
    assertThat(account.withSettings(new SwitchSettings(false, false)).settings().ipv6Compatibility()).isFalse();
    assertThatThrownBy(() -> account.withExternalZones(List.of(zone))).hasMessage("zone example.com is declared twice");
  }
}
