package dev.dnsflip.resolver;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.cname;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The TTL-honouring cache (no policies) at its exact edges: expiry, the switch, propagation, CNAME chains. */
class CachingResolverTest {
  private static final long T = 300_000;

  private AnswerTable table;
  private int www;
  private int wwwAaaa;
  private int app;

  private CachingResolver resolver(SwitchSchedule schedule, Propagation propagation) {
    Authority auth = new Authority(TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
        a("www.example.com", "192.0.2.10", 1, true),
        cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, false))),
        List.of(TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 3600, false)))));
    table = AnswerTable.build(auth, List.of(question("www.example.com", Type.A),
        question("www.example.com", Type.AAAA), question("app.example.com", Type.A)));
    www = table.indexOf(question("www.example.com", Type.A));
    wwwAaaa = table.indexOf(question("www.example.com", Type.AAAA));
    app = table.indexOf(question("app.example.com", Type.A));
    NameserverTimeline timeline = new NameserverTimeline(schedule, propagation, 1, new SplittableRandom(1));
    return new CachingResolver(table, ResolverBehaviour.TTL_HONOURING,
        new AuthorityUpstream(table, timeline, new long[0], new long[0], new SplittableRandom(1)));
  }

  private Provenance provenance(int answer) {
    return Provenance.of(table.provenance(answer));
  }

  @Test
  void entryIsFreshUntilOneMillisecondBeforeExpiryAndRefetchedAtExpiry() {
    CachingResolver r = resolver(TestScenarios.schedule(), new Propagation.Fixed(0));
    r.resolve(www, 1_000, 0);
    assertThat(r.lastWasHit()).isFalse();
    assertThat(r.expiryMs(www)).isEqualTo(1_000 + T);
    r.resolve(www, 1_000 + T - 1, 0);
    assertThat(r.lastWasHit()).as("remaining TTL 1 ms: still fresh").isTrue();
    assertThat(r.lastTtlMs()).as("remaining TTL passed on").isEqualTo(1);
    r.resolve(www, 1_000 + T, 0);
    assertThat(r.lastWasHit()).as("remaining TTL 0: expired").isFalse();
    assertThat(r.expiryMs(www)).isEqualTo(1_000 + 2 * T);
    r.resolve(www, 1_000 + T + 1, 0);
    assertThat(r.lastWasHit()).isTrue();
  }

  @Test
  void switchLandingExactlyOnExpiryServesTheNewAnswerAtThatInstant() {
    // Fetched at 0 with TTL T; the switch reaches the nameserver exactly at T.
    CachingResolver r = resolver(TestScenarios.schedule(T), new Propagation.Fixed(0));
    assertThat(provenance(r.resolve(www, 0, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(r.resolve(www, T - 1, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(r.resolve(www, T, 0))).isEqualTo(Provenance.ORIGIN);
  }

  @Test
  void fetchOneMillisecondBeforePropagationKeepsTheOldAnswerForAFullTtl() {
    long switchAt = 60_000;
    long delay = 4_000;
    CachingResolver r = resolver(TestScenarios.schedule(switchAt), new Propagation.Fixed(delay));
    assertThat(provenance(r.resolve(www, switchAt + delay - 1, 0))).as("not yet propagated").isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(r.resolve(www, switchAt + delay - 1 + T - 1, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(r.resolve(www, switchAt + delay - 1 + T, 0))).isEqualTo(Provenance.ORIGIN);
    CachingResolver atArrival = resolver(TestScenarios.schedule(switchAt), new Propagation.Fixed(delay));
    assertThat(provenance(atArrival.resolve(www, switchAt + delay, 0))).isEqualTo(Provenance.ORIGIN);
  }

  @Test
  void nodataIsCachedForTheNegativeTtl() {
    CachingResolver r = resolver(new SwitchSchedule(true, List.of()), new Propagation.Fixed(0));
    assertThat(provenance(r.resolve(wwwAaaa, 0, 0))).isEqualTo(Provenance.NEGATIVE);
    assertThat(r.expiryMs(wwwAaaa)).isEqualTo(1_800_000);
    r.resolve(wwwAaaa, 1_799_999, 0);
    assertThat(r.lastWasHit()).isTrue();
    r.resolve(wwwAaaa, 1_800_000, 0);
    assertThat(r.lastWasHit()).isFalse();
  }

  @Test
  void cnameAndTargetAreCachedSeparatelyWithTheirOwnTtls() {
    CachingResolver r = resolver(new SwitchSchedule(true, List.of()), new Propagation.Fixed(0));
    int target = table.indexOf(question("lb.origin.net", Type.A));
    int cnameSlot = table.cnameSlotOf(app);
    assertThat(provenance(r.resolve(app, 0, 0))).isEqualTo(Provenance.ORIGIN);
    assertThat(r.expiryMs(cnameSlot)).isEqualTo(T);
    assertThat(r.expiryMs(target)).isEqualTo(3_600_000);
    assertThat(r.isFresh(app, 0)).as("nothing stored under (app, A)").isFalse();
    r.resolve(app, T, 0);
    assertThat(r.lastWasHit()).as("CNAME expired, target still cached").isFalse();
    assertThat(r.expiryMs(cnameSlot)).isEqualTo(2 * T);
    assertThat(r.expiryMs(target)).isEqualTo(3_600_000);
  }

  @Test
  void afterDisableAFreshCnameKeepsTheOriginChainUntilItExpires() {
    long disableAt = 100_000;
    SwitchSchedule schedule = new SwitchSchedule(true, List.of(
        new dev.dnsflip.authority.SwitchEvent(disableAt, dev.dnsflip.authority.SwitchDirection.DISABLE)));
    CachingResolver r = resolver(schedule, new Propagation.Fixed(0));
    r.resolve(app, 50_000, 0);
    assertThat(provenance(r.resolve(app, 50_000 + T - 1, 0))).isEqualTo(Provenance.ORIGIN);
    assertThat(provenance(r.resolve(app, 50_000 + T, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(r.expiryMs(app)).as("flattened anycast is stored under (app, A)").isEqualTo(50_000 + 2 * T);
  }

  @Test
  void aLookupHandsBackTheAnswerWhetherCachedAndTheTtlAsOneValue() {
    CachingResolver r = resolver(TestScenarios.schedule(), new Propagation.Fixed(0));
    long miss = r.lookup(app, 1_000, 0);
    long hit = r.lookup(app, 61_000, 0);

    assertThat(Resolution.hit(miss)).isFalse();
    assertThat(Resolution.hit(hit)).isTrue();
    assertThat(Resolution.answer(hit)).isEqualTo(Resolution.answer(miss));
    assertThat(provenance(Resolution.answer(hit))).as("proxied, no switch").isEqualTo(Provenance.ANYCAST);
    // Auto TTL 300 s, passed on as what remains of it.
    assertThat(Resolution.ttlMs(miss)).isEqualTo(T);
    assertThat(Resolution.ttlMs(hit)).isEqualTo(T - 60_000);
    // resolve() reads the same value piece by piece.
    assertThat(r.resolve(app, 61_000, 0)).isEqualTo(Resolution.answer(hit));
    assertThat(r.lastWasHit()).isTrue();
    assertThat(r.lastTtlMs()).isEqualTo(T - 60_000);
  }
}
