package dev.dnsflip.resolver;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Type;

/** Each resolver policy at its exact edges, on the cache alone. */
class ResolverPoliciesTest {
  private static final long T = 300_000;

  /** An upstream whose setting and availability the test controls, counting fetches. */
  static final class ScriptedUpstream implements Upstream {
    final AnswerTable table;
    boolean enabled;
    boolean down;
    int fetches;
    long ttlMs;

    ScriptedUpstream(AnswerTable table) {
      this.table = table;
    }

    @Override
    public long fetch(int question, long now) {
      fetches++;
      if (down) {
        return Resolution.FAILED;
      }
      int a = table.answerOf(question, enabled);
      ttlMs = table.ttlMs(a);
      return Resolution.of(a, false, ttlMs);
    }
  }

  private final AnswerTable table = AnswerTable.build(new Authority(TestScenarios.account(300,
          List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.10", 1, true))), List.of())),
      List.of(question("www.example.com", Type.A), question("www.example.com", Type.AAAA)));
  private final int www = table.indexOf(question("www.example.com", Type.A));
  private final int wwwAaaa = table.indexOf(question("www.example.com", Type.AAAA));
  private final ScriptedUpstream upstream = new ScriptedUpstream(table);

  private CachingResolver cache(TtlClamps clamps, ServeStale stale, Prefetch prefetch, boolean original) {
    return new CachingResolver(table, new ResolverBehaviour(clamps, stale, prefetch, original), upstream);
  }

  private Provenance provenance(int answer) {
    return Provenance.of(table.provenance(answer));
  }

  @Test
  void minimumClampKeepsTheAnswerAndPassesTheClampedTtl() {
    CachingResolver r = cache(new TtlClamps(3600, 86_400, 0, 3600), ServeStale.OFF, Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    assertThat(r.lastTtlMs()).isEqualTo(3_600_000);
    assertThat(r.expiryMs(www)).isEqualTo(3_600_000);
    r.resolve(www, 3_599_999, 0);
    assertThat(r.lastWasHit()).isTrue();
    assertThat(r.lastTtlMs()).isEqualTo(1);
    r.resolve(www, 3_600_000, 0);
    assertThat(r.lastWasHit()).isFalse();
  }

  @ParameterizedTest(name = "min {0} max {1}: TTL 300 s kept {2} ms")
  @CsvSource({"0, 86400, 300000", "300, 86400, 300000", "301, 86400, 301000", "0, 300, 300000", "0, 299, 299000"})
  void clampEdges(long min, long max, long keptMs) {
    CachingResolver r = cache(new TtlClamps(min, max, 0, 3600), ServeStale.OFF, Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    assertThat(r.expiryMs(www)).isEqualTo(keptMs);
  }

  @Test
  void negativeClampAppliesToNodataOnly() {
    upstream.enabled = true;
    CachingResolver r = cache(new TtlClamps(0, 86_400, 0, 900), ServeStale.OFF, Prefetch.NONE, false);
    assertThat(provenance(r.resolve(wwwAaaa, 0, 0))).isEqualTo(Provenance.NEGATIVE);
    assertThat(r.expiryMs(wwwAaaa)).as("1800 s NODATA capped at 900 s").isEqualTo(900_000);
    r.resolve(www, 0, 0);
    assertThat(r.expiryMs(www)).isEqualTo(T);
  }

  @Test
  void serveStaleWithoutClientTimeoutAnswersStaleOnceWithReplyTtlThenFresh() {
    CachingResolver r = cache(TtlClamps.NONE, new ServeStale(true, 30, 86_400, 0, 0, false, false), Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    upstream.enabled = true;
    assertThat(provenance(r.resolve(www, T - 1, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(r.resolve(www, T, 0))).as("expired: stale at once").isEqualTo(Provenance.ANYCAST);
    assertThat(r.lastTtlMs()).isEqualTo(30_000);
    assertThat(r.staleServed()).isEqualTo(1);
    assertThat(r.expiryMs(www)).as("refreshed behind the stale answer").isEqualTo(2 * T);
    assertThat(provenance(r.resolve(www, T, 0))).isEqualTo(Provenance.ORIGIN);
  }

  @Test
  void staleDataOlderThanMaxStaleIsNotServed() {
    CachingResolver r = cache(TtlClamps.NONE, new ServeStale(true, 30, 100, 0, 0, false, false), Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    upstream.enabled = true;
    CachingResolver r2 = cache(TtlClamps.NONE, new ServeStale(true, 30, 100, 0, 0, false, false), Prefetch.NONE, false);
    upstream.enabled = false;
    r2.resolve(www, 0, 0);
    upstream.enabled = true;
    assertThat(provenance(r.resolve(www, T + 99_999, 0))).as("1 ms inside the stale window").isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(r2.resolve(www, T + 100_000, 0))).as("at the limit: a normal fetch").isEqualTo(Provenance.ORIGIN);
    assertThat(r2.staleServed()).isZero();
  }

  @Test
  void serveStaleWithClientTimeoutTriesTheRefreshFirst() {
    CachingResolver r = cache(TtlClamps.NONE, new ServeStale(true, 30, 86_400, 1800, 30_000, false, false),
        Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    upstream.enabled = true;
    assertThat(provenance(r.resolve(www, T, 0))).as("authority up: fresh").isEqualTo(Provenance.ORIGIN);
    assertThat(r.staleServed()).isZero();
  }

  @Test
  void failedRefreshServesStaleAndBacksOffForTheRetryInterval() {
    CachingResolver r = cache(TtlClamps.NONE, new ServeStale(true, 30, 86_400, 1800, 30_000, false, false),
        Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    upstream.down = true;
    int before = upstream.fetches;
    assertThat(provenance(r.resolve(www, T, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(r.lastTtlMs()).isEqualTo(30_000);
    assertThat(upstream.fetches).isEqualTo(before + 1);
    upstream.down = false;
    upstream.enabled = true;
    r.resolve(www, T + 29_999, 0);
    assertThat(upstream.fetches).as("no retry inside stale-refresh-time").isEqualTo(before + 1);
    assertThat(provenance(r.resolve(www, T + 30_000, 0))).isEqualTo(Provenance.ORIGIN);
  }

  @Test
  void aFailedRefreshRestartsTheStaleWindowOnlyWithResetOnFailure() {
    ServeStale reset = new ServeStale(true, 30, 100, 0, 0, true, false);
    ServeStale keep = new ServeStale(true, 30, 100, 0, 0, false, false);
    CachingResolver inside = cache(TtlClamps.NONE, reset, Prefetch.NONE, false);
    CachingResolver atEdge = cache(TtlClamps.NONE, reset, Prefetch.NONE, false);
    CachingResolver noReset = cache(TtlClamps.NONE, keep, Prefetch.NONE, false);
    for (CachingResolver r : List.of(inside, atEdge, noReset)) {
      r.resolve(www, 0, 0);
    }
    upstream.down = true;
    for (CachingResolver r : List.of(inside, atEdge, noReset)) {
      assertThat(provenance(r.resolve(www, T + 99_999, 0))).as("last ms of the window: stale, refresh fails")
          .isEqualTo(Provenance.ANYCAST);
    }
    // The failure at T + 99_999 restarts the 100 s window: it now ends at T + 199_999.
    assertThat(provenance(inside.resolve(www, T + 199_998, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(atEdge.resolve(www, T + 199_999, 0)).as("the restarted window is over").isEqualTo(Upstream.FAILED);
    assertThat(noReset.resolve(www, T + 100_000, 0)).as("without reset the window ends 100 s after expiry")
        .isEqualTo(Upstream.FAILED);
  }

  @Test
  void withoutServeStaleAFailedFetchFails() {
    CachingResolver r = cache(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false);
    r.resolve(www, 0, 0);
    upstream.down = true;
    assertThat(r.resolve(www, T, 0)).isEqualTo(Upstream.FAILED);
  }

  @Test
  void replyTtlCappedByOriginalTtl() {
    ServeStale capped = new ServeStale(true, 30, 86_400, 0, 0, false, true);
    assertThat(capped.replyTtlMs(10_000)).isEqualTo(10_000);
    assertThat(capped.replyTtlMs(T)).isEqualTo(30_000);
  }

  @ParameterizedTest(name = "{0}: remaining {1} ms of {2} ms -> {3}")
  @CsvSource({
      "unbound, 30000, 300000, true", "unbound, 30001, 300000, false",
      "bind, 2000, 9000, true", "bind, 2001, 9000, false", "bind, 2000, 8999, false",
      "knot, 7999, 300000, true", "knot, 8000, 300000, false",
      "pdns10, 30000, 300000, true", "pdns10, 30001, 300000, false"})
  void prefetchTriggerEdges(String kind, long remaining, long original, boolean triggers) {
    Prefetch p = switch (kind) {
      case "unbound" -> new Prefetch.Unbound();
      case "bind" -> new Prefetch.Bind(2, 9);
      case "knot" -> new Prefetch.Knot();
      default -> new Prefetch.Pdns(10);
    };
    assertThat(p.triggers(remaining, original)).isEqualTo(triggers);
  }

  @Test
  void prefetchAnswersFromCacheAndRefreshesBehindIt() {
    CachingResolver r = cache(TtlClamps.NONE, ServeStale.OFF, new Prefetch.Unbound(), false);
    r.resolve(www, 0, 0);
    upstream.enabled = true;
    assertThat(provenance(r.resolve(www, T - 30_001, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(r.expiryMs(www)).as("outside the window: no refresh").isEqualTo(T);
    assertThat(provenance(r.resolve(www, T - 30_000, 0))).as("the hit itself is served the cached answer")
        .isEqualTo(Provenance.ANYCAST);
    assertThat(r.lastWasHit()).isTrue();
    assertThat(r.expiryMs(www)).isEqualTo(2 * T - 30_000);
    assertThat(provenance(r.resolve(www, T - 29_999, 0))).isEqualTo(Provenance.ORIGIN);
  }

  @Test
  void originalTtlPassOnRestartsDownstreamClocks() {
    CachingResolver r = cache(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, true);
    r.resolve(www, 0, 0);
    r.resolve(www, 200_000, 0);
    assertThat(r.lastTtlMs()).isEqualTo(T);
    CachingResolver remaining = cache(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false);
    remaining.resolve(www, 0, 0);
    remaining.resolve(www, 200_000, 0);
    assertThat(remaining.lastTtlMs()).isEqualTo(100_000);
  }

  @Test
  void forwarderKeepsWhatItReceivesIncludingAStaleReplyTtl() {
    CachingResolver upstreamCache = cache(TtlClamps.NONE, new ServeStale(true, 30, 86_400, 0, 0, false, false),
        Prefetch.NONE, false);
    CachingResolver forwarder = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, upstreamCache);
    forwarder.resolve(www, 100_000, 0);
    assertThat(forwarder.expiryMs(www)).as("first fetch: upstream's full TTL").isEqualTo(100_000 + T);
    upstream.enabled = true;
    // Upstream expired at T; the forwarder's copy at T + 100 s asks it and gets the stale answer, TTL 30 s.
    assertThat(provenance(forwarder.resolve(www, 100_000 + T, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(forwarder.expiryMs(www)).isEqualTo(100_000 + T + 30_000);
    assertThat(provenance(forwarder.resolve(www, 100_000 + T + 29_999, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(provenance(forwarder.resolve(www, 100_000 + T + 30_000, 0))).isEqualTo(Provenance.ORIGIN);
  }

  @Test
  void forwarderOfARemainingTtlCacheExpiresWithIt() {
    CachingResolver upstreamCache = cache(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false);
    CachingResolver forwarder = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, upstreamCache);
    upstreamCache.resolve(www, 0, 0);
    forwarder.resolve(www, 250_000, 0);
    assertThat(forwarder.expiryMs(www)).isEqualTo(T);
  }

  @Test
  void farmBackendsKeepIndependentCaches() {
    CachingResolver[] backends = {cache(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false),
        cache(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false)};
    ResolverFarm sticky = new ResolverFarm(table, backends, BackendChoice.STICKY, new SplittableRandom(1));
    sticky.resolve(www, 0, 7);
    sticky.resolve(www, 1, 7);
    assertThat(sticky.lastWasHit()).as("same client, same backend").isTrue();
    int filled = (backends[0].isFresh(www, 1) ? 1 : 0) + (backends[1].isFresh(www, 1) ? 1 : 0);
    assertThat(filled).isEqualTo(1);
    ResolverFarm random = new ResolverFarm(table, backends, BackendChoice.RANDOM, new SplittableRandom(1));
    for (int i = 0; i < 50; i++) {
      random.resolve(www, 2 + i, i);
    }
    assertThat(backends[0].isFresh(www, 100) && backends[1].isFresh(www, 100)).isTrue();
  }
}
