package dev.dnsflip.spi.dnsjava;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.QuestionStats;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.testing.Dnsflip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * dnsjava 3.6's {@code org.xbill.DNS.Cache} through the switch, in real time with every duration
 * compressed {@value #FACTOR} times (Auto TTL 60 s played as 6 s; 220 simulated seconds, 22 s of
 * wall time), beside dnsflip's own cache on the same scenario and seed. The client queries are the
 * same draws in both runs (one nameserver, a cold start: the caches draw nothing), so the figures
 * differ only by what the caches decide.
 *
 * <p>Tolerances, from the compression: dnsjava keeps whole wall seconds ({@code expire =
 * now/1000 + ttl}, expired once {@code now/1000 >= expire}), and one wall second is
 * {@value #FACTOR} simulated seconds, so an entry lives between TTL − {@value #FACTOR} s and TTL
 * (it dies at the start of its last wall second); and the waits return up to
 * {@value #LAG_ALLOWANCE_WALL_MS} wall ms late (checked), {@value #FACTOR} times that in
 * simulated time.
 */
class DnsjavaCacheTest {
  static final int FACTOR = 10;
  static final long LAG_ALLOWANCE_WALL_MS = 100;
  static final long LAG_MS = LAG_ALLOWANCE_WALL_MS * FACTOR;
  static final long SECOND_MS = 1000L * FACTOR; // one wall second of the cache's clock
  static final long T_MS = 60_000; // Auto TTL and negative TTL
  static final long D_MS = 1_000; // propagation

  static final String SCENARIO = """
      name: dnsjava-cache
      seed: 3
      duration: 220s
      bucket: 1s
      initialCache: cold
      account:
        autoTtl: 60
        nameservers: 1
        propagation: { fixed: 1s }
        zones:
          - name: example.com
            soa: { ttl: 60, minimum: 60 }
            records:
              - { name: www, type: A, content: 192.0.2.10, proxied: true }
              - { name: shop, type: CNAME, content: shop-origin.example.net, proxied: true }
      external:
        - name: example.net
          records: [ { name: shop-origin, type: A, content: 198.51.100.7, ttl: 30 } ]
      resolvers: [ { name: resolver, count: 1 } ]
      clients:
        - name: browsers
          count: 4
          queriesPerSecond: 0.5
          questions:
            - { name: www.example.com, type: A }
            - { name: www.example.com, type: AAAA }
            - { name: shop.example.com, type: A }
        - name: apps
          count: 2
          queriesPerSecond: 0.5
          cache: { ttl: { cap: 7200, negativeCap: 7200 } }
          questions: [ { name: www.example.com, type: A } ]
      initially: disabled
      switches:
        - { at: 70s, action: enable }
        - { at: 140s, action: disable }
      """;

  static TransitionReport model;
  static TransitionReport dnsjava;
  static CompressedClock clock;
  static DnsjavaCacheLogic cache;

  @BeforeAll
  static void runBoth() throws InputException {
    LoadedScenario loaded = LoadedScenario.of(ScenarioLoader.parse(SCENARIO, "dnsjava-cache.yaml"));
    model = Dnsflip.run(loaded, 1);
    clock = new CompressedClock(FACTOR);
    dnsjava = Dnsflip.run(Dnsflip.withLogic(loaded, DnsjavaCacheLogic.class, () -> {
      cache = new DnsjavaCacheLogic(clock);
      return cache;
    }), 1);
  }

  @Test
  void theWaitsKeptWithinTheLagTheTolerancesAllow() {
    assertThat(clock.maxLagWallMs()).isLessThanOrEqualTo(LAG_ALLOWANCE_WALL_MS);
    assertThat(dnsjava.run().queries()).isEqualTo(model.run().queries());
  }

  @Test
  void noEntryOutlivesItsTtlSoEveryQuestionKeepsTheLawOfARemainingTtlCache() {
    // A cache that keeps an answer at most its TTL leaves no stale use at or past T + d; the
    // compressed clock adds its lag. Both switches, every question the plain clients ask: the
    // data (www A), the NODATA under the switch (www AAAA, negative TTL min(SOA ttl, minimum) =
    // 60 s) and the CNAME chain (shop: a CNAME with Auto TTL to a 30 s target while enabled).
    for (int e = 0; e < 2; e++) {
      for (String q : new String[] {"www.example.com. A", "www.example.com. AAAA", "shop.example.com. A"}) {
        long theirs = question(dnsjava.events().get(e), q).lastStaleMaxMs();
        assertThat(theirs).as("switch %d, %s", e + 1, q).isGreaterThan(0).isLessThan(T_MS + D_MS + LAG_MS);
      }
    }
  }

  @Test
  void itHandsOutTheOriginalTtlWhateverTheEntrysAge() {
    assertThat(cache.hits()).isGreaterThan(100);
    assertThat(cache.hitsWithOriginalTtl()).isEqualTo(cache.hits());
  }

  private static QuestionStats question(EventReport e, String q) {
    return e.questions().stream().filter(x -> x.question().equals(q)).findFirst().orElseThrow(
        () -> new AssertionError("no " + q + " in " + e.questions()));
  }

  private static Blame pair(EventReport e, String clients) {
    return e.blame().stream().filter(b -> b.clientGroup().equals(clients)).findFirst().orElseThrow();
  }
}
