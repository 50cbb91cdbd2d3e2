package dev.dnsflip.authority;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.aaaa;
import static dev.dnsflip.simulation.TestScenarios.cname;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Type;

/** Each authoritative rule of FACTS-cloudflare.md, in both switch settings. */
class AuthorityTest {
  private static final boolean OFF = false;
  private static final boolean ON = true;

  private static Authority authority(List<Zone> zones, List<Zone> external) {
    return new Authority(TestScenarios.account(300, zones, external));
  }

  private static Authority authority(DnsRecord... records) {
    return authority(List.of(TestScenarios.zone("example.com", records)), List.of(
        TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 60, false))));
  }

  private static String firstAddress(Answer answer) {
    var r = answer.records().get(0);
    return r instanceof ARecord ar ? ar.getAddress().getHostAddress()
        : ((AAAARecord) r).getAddress().getHostAddress();
  }

  @Test
  void proxiedAAnswersAnycastWhenOffAndOriginWithAutoTtlWhenOn() {
    Authority auth = authority(a("www.example.com", "192.0.2.10", DnsRecord.AUTO_TTL, true));
    Answer off = auth.answer(question("www.example.com", Type.A), OFF);
    assertThat(off.provenance()).isEqualTo(Provenance.ANYCAST);
    assertThat(off.ttlSeconds()).isEqualTo(300);
    assertThat(off.records()).hasSize(2);
    assertThat(firstAddress(off)).isEqualTo("104.16.132.229");
    Answer on = auth.answer(question("www.example.com", Type.A), ON);
    assertThat(on.provenance()).isEqualTo(Provenance.ORIGIN);
    assertThat(on.ttlSeconds()).as("proxied records keep Auto TTL while DNS-only is enforced").isEqualTo(300);
    assertThat(firstAddress(on)).isEqualTo("192.0.2.10");
    assertThat(on.records().get(0).getTTL()).isEqualTo(300);
  }

  @Test
  void autoTtlIsAScenarioParameter() {
    Authority auth = new Authority(TestScenarios.account(120,
        List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.10", 1, true))), List.of()));
    assertThat(auth.answer(question("www.example.com", Type.A), OFF).ttlSeconds()).isEqualTo(120);
    assertThat(auth.answer(question("www.example.com", Type.A), ON).ttlSeconds()).isEqualTo(120);
  }

  @Test
  void aOnlyProxiedNameGetsSynthesisedAaaaWhenOffAndNodataWithNegativeTtlWhenOn() {
    Authority auth = authority(a("www.example.com", "192.0.2.10", 1, true));
    Answer off = auth.answer(question("www.example.com", Type.AAAA), OFF);
    assertThat(off.kind()).isEqualTo(AnswerKind.DATA);
    assertThat(off.provenance()).isEqualTo(Provenance.ANYCAST);
    assertThat(firstAddress(off)).isEqualTo("2606:4700:0:0:0:0:6810:84e5");
    Answer on = auth.answer(question("www.example.com", Type.AAAA), ON);
    assertThat(on.kind()).isEqualTo(AnswerKind.NODATA);
    assertThat(on.provenance()).isEqualTo(Provenance.NEGATIVE);
    assertThat(on.ttlSeconds()).as("min(SOA TTL 3600, MINIMUM 1800)").isEqualTo(1800);
  }

  @Test
  void negativeTtlIsMinOfSoaTtlAndMinimum() {
    Zone zone = new Zone(TestScenarios.name("example.com"), new Soa(600, 1800),
        List.of(a("www.example.com", "192.0.2.10", 1, true)));
    Authority auth = authority(List.of(zone), List.of());
    assertThat(auth.answer(question("www.example.com", Type.AAAA), ON).ttlSeconds()).isEqualTo(600);
    assertThat(auth.answer(question("nope.example.com", Type.A), ON).kind()).isEqualTo(AnswerKind.NXDOMAIN);
    assertThat(auth.answer(question("nope.example.com", Type.A), ON).ttlSeconds()).isEqualTo(600);
  }

  @Test
  void withoutIpv6CompatibilityAnAOnlyProxiedNameHasNoAaaaEvenWhenOff() {
    Account account = new Account(List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.10", 1, true))),
        300, Account.defaultAnycastV4(), Account.defaultAnycastV6(), new SwitchSettings(true, false), List.of());
    assertThat(new Authority(account).answer(question("www.example.com", Type.AAAA), OFF).kind())
        .isEqualTo(AnswerKind.NODATA);
  }

  @Test
  void oneProxiedAddressMakesEveryAddressOfTheNameProxied() {
    Authority auth = authority(a("www.example.com", "192.0.2.10", 1, true),
        aaaa("www.example.com", "2001:db8::10", 120, false, Category.REGULAR));
    assertThat(auth.answer(question("www.example.com", Type.AAAA), OFF).provenance()).isEqualTo(Provenance.ANYCAST);
    Answer on = auth.answer(question("www.example.com", Type.AAAA), ON);
    assertThat(on.provenance()).isEqualTo(Provenance.ORIGIN);
    assertThat(on.ttlSeconds()).isEqualTo(300);
    assertThat(firstAddress(on)).isEqualTo("2001:db8:0:0:0:0:0:10");
  }

  @Test
  void proxiedCnameIsFlattenedWhenOffAndAnswersTheCnameItselfWhenOn() {
    Authority auth = authority(cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, false));
    Answer off = auth.answer(question("app.example.com", Type.A), OFF);
    assertThat(off.kind()).isEqualTo(AnswerKind.DATA);
    assertThat(off.provenance()).isEqualTo(Provenance.ANYCAST);
    assertThat(auth.answer(question("app.example.com", Type.AAAA), OFF).provenance()).isEqualTo(Provenance.ANYCAST);
    Answer on = auth.answer(question("app.example.com", Type.A), ON);
    assertThat(on.kind()).isEqualTo(AnswerKind.CNAME);
    assertThat(on.ttlSeconds()).isEqualTo(300);
    assertThat(((CNAMERecord) on.records().get(0)).getTarget()).isEqualTo(TestScenarios.name("lb.origin.net"));
    assertThat(on.target()).isEqualTo(question("lb.origin.net", Type.A));
    Answer target = auth.answer(on.target(), ON);
    assertThat(target.ttlSeconds()).as("the target keeps the TTL of its own zone").isEqualTo(60);
    assertThat(target.provenance()).isEqualTo(Provenance.ORIGIN);
    assertThat(auth.resolveTerminal(question("app.example.com", Type.A), ON)).isEqualTo(target);
    assertThat(auth.resolveTerminal(question("app.example.com", Type.AAAA), ON).kind()).isEqualTo(AnswerKind.NODATA);
  }

  @Test
  void dnsOnlyRecordsAnswerTheirContentWithTheirOwnTtlInBothSettings() {
    Authority auth = authority(a("direct.example.com", "192.0.2.20", 120, false),
        a("auto.example.com", "192.0.2.21", 1, false));
    for (boolean setting : new boolean[] {OFF, ON}) {
      Answer direct = auth.answer(question("direct.example.com", Type.A), setting);
      assertThat(direct.provenance()).isEqualTo(Provenance.ORIGIN);
      assertThat(direct.ttlSeconds()).isEqualTo(120);
      assertThat(auth.answer(question("auto.example.com", Type.A), setting).ttlSeconds())
          .as("API TTL 1 means Auto").isEqualTo(300);
      assertThat(auth.answer(question("direct.example.com", Type.AAAA), setting).kind()).isEqualTo(AnswerKind.NODATA);
    }
  }

  @Test
  void apexDnsOnlyCnameIsFlattenedWithTheSmallerOfBothTtls() {
    Authority auth = authority(cname("example.com", "lb.origin.net", 600, false, Category.REGULAR, false));
    Answer answer = auth.answer(question("example.com", Type.A), OFF);
    assertThat(answer.kind()).isEqualTo(AnswerKind.DATA);
    assertThat(answer.ttlSeconds()).as("min(target 60, CNAME 600)").isEqualTo(60);
    assertThat(answer.records().get(0).getName()).isEqualTo(TestScenarios.name("example.com"));
    assertThat(firstAddress(answer)).isEqualTo("198.51.100.7");
    Authority longTarget = authority(cname("example.com", "lb.origin.net", 30, false, Category.REGULAR, false));
    assertThat(longTarget.answer(question("example.com", Type.A), ON).ttlSeconds()).isEqualTo(30);
  }

  @Test
  void nonApexDnsOnlyCnameIsAChainUnlessFlattenIsSet() {
    Authority auth = authority(cname("plain.example.com", "lb.origin.net", 600, false, Category.REGULAR, false),
        cname("flat.example.com", "lb.origin.net", 600, false, Category.REGULAR, true));
    assertThat(auth.answer(question("plain.example.com", Type.A), OFF).kind()).isEqualTo(AnswerKind.CNAME);
    assertThat(auth.answer(question("plain.example.com", Type.A), OFF).ttlSeconds()).isEqualTo(600);
    assertThat(auth.answer(question("flat.example.com", Type.A), OFF).kind()).isEqualTo(AnswerKind.DATA);
  }

  @ParameterizedTest
  @EnumSource(Category.class)
  void everyCategoryObeysTheSwitchExactlyWhenIncluded(Category category) {
    Authority auth = authority(a("x.example.com", "192.0.2.30", 1, true, category),
        cname("y.example.com", "lb.origin.net", 1, true, category, false));
    boolean included = switch (category) {
      case REGULAR, LOAD_BALANCER, WORKER_ROUTE, SAAS_FALLBACK_ORIGIN -> true;
      case R2_CUSTOM_DOMAIN, SPECTRUM, TUNNEL, WEB3_GATEWAY, WORKERS_CUSTOM_DOMAIN -> false;
    };
    Provenance expectedOn = included ? Provenance.ORIGIN : Provenance.ANYCAST;
    assertThat(auth.answer(question("x.example.com", Type.A), OFF).provenance()).isEqualTo(Provenance.ANYCAST);
    assertThat(auth.answer(question("x.example.com", Type.A), ON).provenance()).isEqualTo(expectedOn);
    assertThat(auth.answer(question("y.example.com", Type.A), ON).kind())
        .isEqualTo(included ? AnswerKind.CNAME : AnswerKind.DATA);
  }

  @Test
  void saasFallbackOriginCanBeDeclaredExempt() {
    Account account = new Account(List.of(TestScenarios.zone("example.com",
        a("fallback.example.com", "192.0.2.40", 1, true, Category.SAAS_FALLBACK_ORIGIN))),
        300, Account.defaultAnycastV4(), Account.defaultAnycastV6(), new SwitchSettings(false, true), List.of());
    assertThat(new Authority(account).answer(question("fallback.example.com", Type.A), ON).provenance())
        .isEqualTo(Provenance.ANYCAST);
  }

  @Test
  void workersCustomDomainAaaa100StaysAnycast() {
    Authority auth = authority(aaaa("worker.example.com", "100::", 1, true, Category.WORKERS_CUSTOM_DOMAIN));
    assertThat(auth.answer(question("worker.example.com", Type.AAAA), ON).provenance()).isEqualTo(Provenance.ANYCAST);
    assertThat(auth.answer(question("worker.example.com", Type.A), ON).provenance()).isEqualTo(Provenance.ANYCAST);
  }

  @Test
  void cnameLoopsAreRefused() {
    Authority auth = authority(cname("a.example.com", "b.example.com", 60, false, Category.REGULAR, false),
        cname("b.example.com", "a.example.com", 60, false, Category.REGULAR, false));
    assertThatThrownBy(() -> auth.resolveTerminal(question("a.example.com", Type.A), OFF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("looping");
  }

  @Test
  void onlyAddressAndCnameRecordsCanBeProxied() {
    assertThatThrownBy(() -> new DnsRecord(new org.xbill.DNS.TXTRecord(TestScenarios.name("t.example.com"),
        org.xbill.DNS.DClass.IN, 1, "x"), true, Category.REGULAR, false))
        .hasMessage("only A, AAAA and CNAME records can be proxied, not TXT");
  }

  @Test
  void answerTableCachesCnameAndTargetInSeparateSlotsAndKnowsIntendedProvenance() {
    Authority auth = authority(cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, false));
    AnswerTable table = AnswerTable.build(auth, List.of(question("app.example.com", Type.A)));
    int q = table.indexOf(question("app.example.com", Type.A));
    assertThat(table.questionCount()).as("app A, plus lb A and lb AAAA").isEqualTo(3);
    assertThat(table.slotCount()).as("plus one CNAME slot").isEqualTo(4);
    assertThat(table.cnameSlotOf(q)).isEqualTo(3);
    assertThat(table.slotName(3)).isEqualTo("app.example.com. CNAME");
    assertThat(Provenance.of(table.intendedProvenance(q, OFF))).isEqualTo(Provenance.ANYCAST);
    assertThat(Provenance.of(table.intendedProvenance(q, ON))).isEqualTo(Provenance.ORIGIN);
    int cnameAnswer = table.answerOf(q, ON);
    assertThat(table.isCname(cnameAnswer)).isTrue();
    assertThat(table.question(table.target(cnameAnswer, q))).isEqualTo(question("lb.origin.net", Type.A));
  }

  @Test
  void proxiedApexCnameIsFlattenedToTheTargetOnceDnsOnlyIsEnforced() {
    Authority auth = authority(cname("example.com", "lb.origin.net", 1, true, Category.REGULAR, false));
    assertThat(auth.answer(question("example.com", Type.A), OFF).provenance()).isEqualTo(Provenance.ANYCAST);
    Answer on = auth.answer(question("example.com", Type.A), ON);
    assertThat(on.kind()).as("no CNAME at the apex").isEqualTo(AnswerKind.DATA);
    assertThat(on.provenance()).isEqualTo(Provenance.ORIGIN);
    assertThat(on.ttlSeconds()).as("min(target 60, Auto 300)").isEqualTo(60);
    assertThat(on.records().get(0).getName()).isEqualTo(TestScenarios.name("example.com"));
    assertThat(firstAddress(on)).isEqualTo("198.51.100.7");
    assertThat(auth.answer(question("example.com", Type.AAAA), ON).kind()).isEqualTo(AnswerKind.NODATA);

    Authority slowTarget = authority(List.of(TestScenarios.zone("example.com",
        cname("example.com", "lb.origin.net", 1, true, Category.REGULAR, false))), List.of(
        TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 3600, false))));
    assertThat(slowTarget.answer(question("example.com", Type.A), ON).ttlSeconds())
        .as("min(target 3600, Auto 300)").isEqualTo(300);
  }

  @Test
  void proxiedCnameWithFlattenFlagIsFlattenedOnceDnsOnlyIsEnforced() {
    Authority auth = authority(cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, true));
    Answer on = auth.answer(question("app.example.com", Type.A), ON);
    assertThat(on.kind()).isEqualTo(AnswerKind.DATA);
    assertThat(on.ttlSeconds()).isEqualTo(60);
    assertThat(firstAddress(on)).isEqualTo("198.51.100.7");
    assertThat(auth.answer(question("app.example.com", Type.A), OFF).provenance()).isEqualTo(Provenance.ANYCAST);
  }

  @Test
  void aCnameLoopBehindAFlattenedCnameIsRefusedNotFollowedForever() {
    Authority auth = authority(cname("example.com", "a.example.com", 300, false, Category.REGULAR, false),
        cname("a.example.com", "b.example.com", 300, false, Category.REGULAR, false),
        cname("b.example.com", "a.example.com", 300, false, Category.REGULAR, false));
    assertThatThrownBy(() -> auth.answer(question("example.com", Type.A), OFF))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("looping");
  }

  @Test
  void proxiedCnameToANameInTheAccountLeadsToThatNamesOwnAnswer() {
    Authority auth = authority(cname("shop.example.com", "www.example.com", 1, true, Category.REGULAR, false),
        a("www.example.com", "192.0.2.10", 1, true));
    Answer on = auth.answer(question("shop.example.com", Type.A), ON);
    assertThat(on.kind()).isEqualTo(AnswerKind.CNAME);
    Answer target = auth.answer(on.target(), ON);
    assertThat(target.provenance()).as("the target is proxied too: origin while enforced").isEqualTo(Provenance.ORIGIN);
    assertThat(firstAddress(target)).isEqualTo("192.0.2.10");
    assertThat(auth.answer(on.target(), OFF).provenance()).isEqualTo(Provenance.ANYCAST);
  }

  @Test
  void aWildcardCoversNamesThatDoNotExistAndOnlyThose() {
    Authority auth = authority(a("*.example.com", "192.0.2.50", 1, true),
        a("www.example.com", "192.0.2.10", 120, false),
        a("deep.sub.example.com", "192.0.2.60", 120, false));
    Answer off = auth.answer(question("foo.example.com", Type.A), OFF);
    assertThat(off.provenance()).as("a proxied wildcard answers anycast").isEqualTo(Provenance.ANYCAST);
    Answer on = auth.answer(question("foo.example.com", Type.A), ON);
    assertThat(on.provenance()).isEqualTo(Provenance.ORIGIN);
    assertThat(firstAddress(on)).isEqualTo("192.0.2.50");
    assertThat(on.records().get(0).getName()).as("synthesised with the asked name").isEqualTo(
        TestScenarios.name("foo.example.com"));
    assertThat(auth.answer(question("a.b.example.com", Type.A), ON).records()).as("several labels deep")
        .singleElement().satisfies(r -> assertThat(r.getName()).isEqualTo(TestScenarios.name("a.b.example.com")));
    assertThat(auth.answer(question("www.example.com", Type.A), ON).ttlSeconds()).as("an existing name wins")
        .isEqualTo(120);
    assertThat(auth.answer(question("sub.example.com", Type.A), ON).kind())
        .as("an empty non-terminal exists: NODATA, not the wildcard").isEqualTo(AnswerKind.NODATA);
    assertThat(auth.answer(question("x.sub.example.com", Type.A), ON).kind())
        .as("the closest encloser is sub.example.com, which has no wildcard").isEqualTo(AnswerKind.NXDOMAIN);
  }
}
