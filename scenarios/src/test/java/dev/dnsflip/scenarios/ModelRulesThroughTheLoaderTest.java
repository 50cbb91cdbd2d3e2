package dev.dnsflip.scenarios;

import static dev.dnsflip.scenarios.ScenarioLoaderTest.RECORD;
import static dev.dnsflip.scenarios.ScenarioLoaderTest.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Problem;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.format.InputException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Each rule of the model met through a scenario file: the loader reports the model's own message
 * at the value that broke it, and keeps the value at the edge.
 */
class ModelRulesThroughTheLoaderTest {
  private static final String DNS_ONLY = VALID.replace("proxied: true }", "ttl: TTL }");
  private static final String SOA = VALID.replace("      records:", "      soa: { minimum: MIN }\n      records:");

  private static Name name(String text) {
    return Name.fromConstantString(text + ".");
  }

  private static DnsRecord a(String owner, String ip, long ttl, boolean proxied) {
    try {
      return DnsRecord.regular(new ARecord(name(owner), DClass.IN, ttl, Address.getByAddress(ip)), proxied);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  private static DnsRecord cname(String owner, String target, long ttl, boolean proxied,
      dev.dnsflip.authority.Category category, boolean flatten) {
    return new DnsRecord(new CNAMERecord(name(owner), DClass.IN, ttl, name(target)), proxied, category, flatten);
  }

  private static Zone zone(String apex, DnsRecord... records) {
    return new Zone(name(apex), Soa.CLOUDFLARE_DEFAULT, List.of(records));
  }

  /** The model's message for a rule, read from the model itself. */
  private static String model(List<Problem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0).message();
  }

  private static InputException refused(String yaml) {
    InputException e = catchThrowableOfType(InputException.class, () -> ScenarioLoader.parse(yaml, "bad.yaml"));
    assertThat(e).as("refused").isNotNull();
    return e;
  }

  private static List<Problem> accountWithTtl(long ttl) {
    return Account.problems(List.of(zone("example.com", a("www.example.com",
        "192.0.2.1", ttl, false))), 300, Account.defaultAnycastV4(), Account.defaultAnycastV6(), List.of());
  }

  private static List<Problem> accountWithSoaMinimum(long minimum) {
    return Account.problems(List.of(new Zone(name("example.com"), new Soa(3600, minimum), List.of())),
        300, Account.defaultAnycastV4(), Account.defaultAnycastV6(), List.of());
  }

  @ParameterizedTest
  @ValueSource(longs = {29, 86_401})
  void aRecordTtlOutsideWhatCloudflareAcceptsIsTheModelsRefusal(long ttl) {
    InputException e = refused(DNS_ONLY.replace("TTL", Long.toString(ttl)));
    assertThat(e.problem()).isEqualTo(model(accountWithTtl(ttl)));
    assertThat(e.line() + ":" + e.column()).isEqualTo("7:58");
  }

  @ParameterizedTest
  @ValueSource(longs = {30, 86_400})
  void aRecordTtlAtTheEdgeIsKeptByLoaderAndModel(long ttl) throws InputException {
    assertThat(accountWithTtl(ttl)).isEmpty();
    assertThat(ScenarioLoader.parse(DNS_ONLY.replace("TTL", Long.toString(ttl)), "ok.yaml").account().zones().get(0)
        .records().get(0).record().getTTL()).isEqualTo(ttl);
  }

  @ParameterizedTest
  @ValueSource(longs = {59, 86_401})
  void anSoaMinimumOutsideWhatCloudflareAcceptsIsTheModelsRefusal(long minimum) {
    InputException e = refused(SOA.replace("MIN", Long.toString(minimum)));
    assertThat(e.problem()).isEqualTo(model(accountWithSoaMinimum(minimum)));
    assertThat(e.line() + ":" + e.column()).isEqualTo("6:23");
  }

  @ParameterizedTest
  @ValueSource(longs = {60, 86_400})
  void anSoaMinimumAtTheEdgeIsKeptByLoaderAndModel(long minimum) throws InputException {
    assertThat(accountWithSoaMinimum(minimum)).isEmpty();
    assertThat(ScenarioLoader.parse(SOA.replace("MIN", Long.toString(minimum)), "ok.yaml").account().zones().get(0)
        .soa().minimumSeconds()).isEqualTo(minimum);
  }

  @Test
  void aNegativeSoaTimerIsTheSoasRefusal() {
    InputException e = refused(VALID.replace("      records:", "      soa: { ttl: -1 }\n      records:"));
    assertThat(e.problem()).isEqualTo(Soa.problems(-1, 1800).get(0).message());
    assertThat(e.line() + ":" + e.column()).isEqualTo("6:19");
  }

  @Test
  void aProxiedRecordWithATtlIsTheRecordsRefusal() {
    InputException e = refused(VALID.replace("proxied: true }", "proxied: true, ttl: 2 }"));
    assertThat(e.problem()).isEqualTo(model(DnsRecord.problems(Type.A, 2, true, false)));
    assertThat(e.line() + ":" + e.column()).isEqualTo("7:73");
  }

  @Test
  void aZeroTtlIsTheRecordsRefusal() {
    InputException e = refused(DNS_ONLY.replace("TTL", "0"));
    assertThat(e.problem()).isEqualTo(model(DnsRecord.problems(Type.A, 0, false, false)));
  }

  @Test
  void flattenOnAnAddressIsTheRecordsRefusal() {
    InputException e = refused(VALID.replace("proxied: true }", "proxied: true, flatten: true }"));
    assertThat(e.problem()).isEqualTo(model(DnsRecord.problems(Type.A, 1, true, true)));
    assertThat(e.line() + ":" + e.column()).isEqualTo("7:77");
  }

  @Test
  void aCnameSharingItsNameIsTheZonesRefusalWithTheFirstRecordsPlace() {
    DnsRecord a = a("www.example.com", "192.0.2.1", 1, true);
    DnsRecord cname = cname("www.example.com", "example.net", 1, false,
        dev.dnsflip.authority.Category.REGULAR, false);
    InputException e = refused(VALID.replace(RECORD, RECORD + "        - { name: www, type: CNAME, content: example.net }\n"));
    assertThat(e.problem()).isEqualTo(model(Zone.problems(name("example.com"), List.of(a, cname)))
        + " (first record at 7:11)");
  }

  @Test
  void anOwnerOutsideTheZoneIsTheZonesRefusal() {
    InputException e = refused(VALID.replace("name: www,", "name: www.example.org.,"));
    assertThat(e.problem()).isEqualTo(model(Zone.problems(name("example.com"),
        List.of(a("www.example.org", "192.0.2.1", 1, true)))));
    assertThat(e.line() + ":" + e.column()).isEqualTo("7:19");
  }

  @Test
  void aProxiedRecordInAnExternalZoneIsTheAccountsRefusal() {
    InputException e = refused(VALID.replace("resolvers:\n", """
        external:
          - name: example.net
            records:
              - { name: origin, type: A, content: 198.51.100.1, proxied: true }
        resolvers:
        """));
    List<Problem> model = Account.problems(List.of(zone("example.com")), 300,
        Account.defaultAnycastV4(), Account.defaultAnycastV6(), List.of(zone("example.net",
            a("origin.example.net", "198.51.100.1", 1, true))));
    assertThat(e.problem()).isEqualTo(model(model));
  }

  @Test
  void aZeroAutoTtlIsTheAccountsRefusal() {
    InputException e = refused(VALID.replace("  zones:", "  autoTtl: 0\n  zones:"));
    assertThat(e.problem()).isEqualTo(model(Account.problems(List.of(zone("example.com")), 0,
        Account.defaultAnycastV4(), Account.defaultAnycastV6(), List.of())));
  }

  @Test
  void aZoneDeclaredTwiceIsTheAccountsRefusalWithTheFirstPlace() {
    InputException e = refused(VALID.replace("resolvers:\n", "external:\n  - name: example.com\nresolvers:\n"));
    Zone zone = zone("example.com");
    assertThat(e.problem()).isEqualTo(model(Account.problems(List.of(zone), 300, Account.defaultAnycastV4(),
        Account.defaultAnycastV6(), List.of(zone))) + " (first at 5:13)");
  }
}
