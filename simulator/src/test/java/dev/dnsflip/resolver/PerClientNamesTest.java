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
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Names of each client's own in a cache: one entry per client, at the exact edges of its TTL. */
class PerClientNamesTest {
  private static final long T = 60_000;

  private AnswerTable table;
  private int probe;
  private int edge;
  private int www;

  private Upstream authority() {
    Authority auth = new Authority(TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
        a("www.example.com", "192.0.2.10", 60, false),
        a("*.example.com", "192.0.2.9", 60, false),
        cname("*.cdn.example.com", "lb.origin.net", 60, false, Category.REGULAR, false))),
        List.of(TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 3600, false)))));
    table = AnswerTable.build(auth, List.of(question("probe-{client}.example.com", Type.A),
        question("edge-{client}.cdn.example.com", Type.A), question("www.example.com", Type.A)));
    probe = table.indexOf(question("probe-{client}.example.com", Type.A));
    edge = table.indexOf(question("edge-{client}.cdn.example.com", Type.A));
    www = table.indexOf(question("www.example.com", Type.A));
    NameserverTimeline timeline = new NameserverTimeline(TestScenarios.schedule(), new Propagation.Fixed(0), 1,
        new SplittableRandom(1));
    return new AuthorityUpstream(table, timeline, new long[0], new long[0], new SplittableRandom(1));
  }

  @Test
  void aClientsOwnNameExpiresAtItsTtlAndAnotherClientsQueryDoesNotRefreshIt() {
    Upstream authority = authority();
    CachingResolver r = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, authority);
    long t = 1_000;
    r.resolve(probe, t, 0);
    assertThat(r.lastWasHit()).as("client 0's first query").isFalse();
    r.resolve(probe, t + 10_000, 1);
    assertThat(r.lastWasHit()).as("client 1 asks a name of its own: client 0's entry does not answer it").isFalse();
    r.resolve(probe, t + T - 1, 0);
    assertThat(r.lastWasHit()).as("client 0 at t + TTL - 1 ms").isTrue();
    assertThat(r.lastTtlMs()).as("remaining TTL passed on").isEqualTo(1);
    r.resolve(probe, t + T, 0);
    assertThat(r.lastWasHit()).as("client 0 at t + TTL: client 1's later fetch did not refresh its entry").isFalse();
    r.resolve(probe, t + 10_000 + T - 1, 1);
    assertThat(r.lastWasHit()).as("client 1's own entry, fetched 10 s later, still fresh").isTrue();
    r.resolve(probe, t + 10_000 + T, 1);
    assertThat(r.lastWasHit()).isFalse();
    assertThat(r.perClientEntries()).isEqualTo(2);
    assertThat(r.expiryMs(r.entryFor(probe, 0))).isEqualTo(t + 2 * T);
  }

  @Test
  void aSharedNameBesideOwnNamesIsOneEntry() {
    Upstream authority = authority();
    CachingResolver r = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, authority);
    r.resolve(www, 1_000, 0);
    r.resolve(www, 2_000, 1);
    assertThat(r.lastWasHit()).as("www.example.com is shared by the clients").isTrue();
    assertThat(r.perClientEntries()).isZero();
    assertThat(table.isPerClient(www)).isFalse();
  }

  @Test
  void aForwarderPassesTheAskingClientUpstream() {
    Upstream authority = authority();
    CachingResolver upstream = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, authority);
    CachingResolver forwarder = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, upstream);
    forwarder.resolve(probe, 1_000, 7);
    upstream.resolve(probe, 2_000, 7);
    assertThat(upstream.lastWasHit()).as("the forwarder's fetch for client 7 stored client 7's name upstream").isTrue();
    upstream.resolve(probe, 2_000, 8);
    assertThat(upstream.lastWasHit()).as("client 8's name was never fetched").isFalse();
    forwarder.resolve(probe, 3_000, 8);
    assertThat(forwarder.lastWasHit()).isFalse();
    assertThat(forwarder.expiryMs(forwarder.entryFor(probe, 8))).as("the upstream's remaining TTL for client 8")
        .isEqualTo(2_000 + T);
  }

  @Test
  void aWildcardCnameIsOwnPerClientAndItsTargetShared() {
    Upstream authority = authority();
    CachingResolver r = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, authority);
    int ownerSlot = table.cnameSlotOf(edge);
    int target = table.target(table.answerOf(edge, false), edge);
    assertThat(table.isPerClient(ownerSlot)).isTrue();
    assertThat(table.isPerClient(target)).isFalse();
    r.resolve(edge, 1_000, 0);
    r.resolve(edge, 2_000, 1);
    assertThat(r.lastWasHit()).as("client 1's CNAME is its own: fetched").isFalse();
    assertThat(r.expiryMs(target)).as("the target fetched once, by client 0").isEqualTo(1_000 + 3_600_000);
    r.resolve(edge, 1_000 + T - 1, 0);
    assertThat(r.lastWasHit()).isTrue();
    r.resolve(edge, 1_000 + T, 0);
    assertThat(r.lastWasHit()).as("client 0's CNAME expired; the target is still fresh").isFalse();
  }

  @Test
  void aFarmByNameSpreadsTheClientsNamesOverItsBackends() {
    Upstream authority = authority();
    CachingResolver[] backends = new CachingResolver[4];
    for (int b = 0; b < backends.length; b++) {
      backends[b] = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, authority);
    }
    ResolverFarm farm = new ResolverFarm(table, backends, BackendChoice.BY_NAME, new SplittableRandom(1));
    for (int client = 0; client < 100; client++) {
      farm.resolve(probe, 1_000, client);
      farm.resolve(probe, 2_000, client);
      assertThat(farm.lastWasHit()).as("a client's name goes to the same backend each time").isTrue();
    }
    for (CachingResolver b : backends) {
      assertThat(b.perClientEntries()).as("100 names over 4 backends").isBetween(10, 40);
    }
  }
}
