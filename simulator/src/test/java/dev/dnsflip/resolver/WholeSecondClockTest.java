package dev.dnsflip.resolver;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Type;

/**
 * The whole-second cache clock (Unbound, {@link CacheClock#WHOLE_SECOND}) at its exact edges: an
 * entry stored at f (ms) with TTL T (s) is answered until the end of second ⌊f/1000⌋ + T, passing on
 * E − ⌊now/1000⌋ whole seconds (0 throughout its last second), and refetched from the first instant
 * of the next second. Times are ms; the upstream answers with the TTL the test sets.
 */
class WholeSecondClockTest {
  /** Unbound's lab TTL: the lab's Auto TTL is 4 s. */
  private static final long T = 4_000;

  /** An upstream whose TTL, setting and availability the test controls, counting fetches. */
  static final class TestUpstream implements Upstream {
    final AnswerTable table;
    long ttlMs = T;
    boolean enabled;
    boolean down;
    int fetches;

    TestUpstream(AnswerTable table) {
      this.table = table;
    }

    @Override
    public long fetch(int question, long now) {
      fetches++;
      return down ? Resolution.FAILED : Resolution.of(table.answerOf(question, enabled), false, ttlMs);
    }
  }

  private final AnswerTable table = AnswerTable.build(new Authority(TestScenarios.account(4,
          List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.10", 1, true))), List.of())),
      List.of(question("www.example.com", Type.A), question("www.example.com", Type.AAAA)));
  private final int www = table.indexOf(question("www.example.com", Type.A));
  private final int wwwAaaa = table.indexOf(question("www.example.com", Type.AAAA));
  private final TestUpstream upstream = new TestUpstream(table);

  private static ResolverBehaviour seconds(TtlClamps clamps, ServeStale stale, Prefetch prefetch) {
    return new ResolverBehaviour(clamps, stale, prefetch, false, 0, CacheClock.WHOLE_SECOND);
  }

  private static final ResolverBehaviour SECONDS = seconds(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE);

  private CachingResolver cache(ResolverBehaviour b) {
    return new CachingResolver(table, b, upstream);
  }

  private Provenance provenance(int answer) {
    return Provenance.of(table.provenance(answer));
  }

  /** Resolves at {@code now} and returns the TTL passed on; asserts hit or miss. */
  private static long ttlAt(CachingResolver r, int q, long now, boolean hit) {
    r.resolve(q, now, 0);
    assertThat(r.lastWasHit()).as("hit at %d ms", now).isEqualTo(hit);
    return r.lastTtlMs();
  }

  @Test
  void storedAt1234WithTtl4IsFreshThrough5999AnsweringTtl0InItsLastSecondAndRefetchedAt6000() {
    CachingResolver r = cache(SECONDS);
    assertThat(ttlAt(r, www, 1_234, false)).as("the fetching query gets the whole TTL").isEqualTo(4_000);
    assertThat(r.expiryMs(www)).as("E = 1 + 4: answered to the end of second 5").isEqualTo(6_000);
    assertThat(ttlAt(r, www, 5_000, true)).as("first instant of second E").isZero();
    assertThat(ttlAt(r, www, 5_500, true)).isZero();
    assertThat(ttlAt(r, www, 5_999, true)).as("last instant of second E: still answered").isZero();
    assertThat(upstream.fetches).isEqualTo(1);
    assertThat(ttlAt(r, www, 6_000, false)).as("clock past E: refetched").isEqualTo(4_000);
    assertThat(upstream.fetches).isEqualTo(2);
    assertThat(r.expiryMs(www)).isEqualTo(11_000);
  }

  @Test
  void theMillisecondClockKeepsExactlyTtlAtTheSameInstants() {
    CachingResolver r = cache(ResolverBehaviour.TTL_HONOURING);
    assertThat(ttlAt(r, www, 1_234, false)).isEqualTo(4_000);
    assertThat(r.expiryMs(www)).isEqualTo(5_234);
    assertThat(ttlAt(r, www, 5_233, true)).isEqualTo(1);
    assertThat(ttlAt(r, www, 5_234, false)).isEqualTo(4_000);
  }

  @ParameterizedTest(name = "remaining TTL at {0} ms: {1} s")
  @CsvSource({"1234, 4", "1999, 4", "2000, 3", "2001, 3", "3500, 2", "4999, 1", "5000, 0", "5999, 0"})
  void remainingTtlIsPassedOnInWholeSecondsOfTheClock(long now, long seconds) {
    CachingResolver r = cache(SECONDS);
    r.resolve(www, 1_234, 0);
    assertThat(ttlAt(r, www, now, true)).isEqualTo(seconds * 1000);
  }

  @Test
  void storedExactlyOnASecondBoundaryLivesTtlPlusOneSecondTheLongestPossible() {
    CachingResolver r = cache(SECONDS);
    r.resolve(www, 1_000, 0);
    assertThat(r.expiryMs(www)).as("stored at 1000: E = 5, gone at 6000: 5 s").isEqualTo(6_000);
    assertThat(ttlAt(r, www, 1_999, true)).isEqualTo(4_000);
    assertThat(ttlAt(r, www, 5_999, true)).isZero();
    assertThat(ttlAt(r, www, 6_000, false)).isEqualTo(4_000);
  }

  @Test
  void storedOneMillisecondBeforeABoundaryLivesOneMillisecondMoreThanTtlTheShortest() {
    CachingResolver r = cache(SECONDS);
    r.resolve(www, 999, 0);
    assertThat(r.expiryMs(www)).as("stored at 999: E = 4, gone at 5000: 4.001 s").isEqualTo(5_000);
    assertThat(ttlAt(r, www, 999, true)).as("same second as the store").isEqualTo(4_000);
    assertThat(ttlAt(r, www, 1_000, true)).isEqualTo(3_000);
    assertThat(ttlAt(r, www, 4_999, true)).isZero();
    assertThat(ttlAt(r, www, 5_000, false)).isEqualTo(4_000);
  }

  @Test
  void negativeTimesOfAWarmUpUseTheSecondsBelowZero() {
    CachingResolver r = cache(SECONDS);
    r.resolve(www, -1_500, 0);
    assertThat(r.expiryMs(www)).as("second -2 + 4 = 2, gone at 3000").isEqualTo(3_000);
    assertThat(ttlAt(r, www, -1, true)).as("second -1: 2 - (-1)").isEqualTo(3_000);
    assertThat(ttlAt(r, www, 0, true)).isEqualTo(2_000);
    assertThat(ttlAt(r, www, 2_999, true)).isZero();
    assertThat(ttlAt(r, www, 3_000, false)).isEqualTo(4_000);
  }

  @Test
  void aReceivedTtlIsTakenInWholeSecondsRoundedDownAndTtl0IsNotCached() {
    CachingResolver r = cache(SECONDS);
    upstream.ttlMs = 2_999; // e.g. from a millisecond-clock upstream
    assertThat(ttlAt(r, www, 1_234, false)).isEqualTo(2_000);
    assertThat(r.expiryMs(www)).as("E = 1 + 2").isEqualTo(4_000);
    upstream.ttlMs = 999;
    CachingResolver zero = cache(SECONDS);
    assertThat(ttlAt(zero, www, 1_234, false)).as("under a second: TTL 0").isZero();
    assertThat(zero.isFresh(www, 1_234)).as("a TTL 0 answer is not cached, not even in its own second").isFalse();
    assertThat(ttlAt(zero, www, 1_235, false)).isZero();
    assertThat(upstream.fetches).isEqualTo(3);
  }

  @Test
  void clampsApplyToTheWholeSecondTtlAndSetTheExpirySecond() {
    CachingResolver floor = cache(seconds(new TtlClamps(6, 86_400, 0, 3600), ServeStale.OFF, Prefetch.NONE));
    assertThat(ttlAt(floor, www, 1_234, false)).as("clients see the clamped TTL").isEqualTo(6_000);
    assertThat(floor.expiryMs(www)).as("E = 1 + 6").isEqualTo(8_000);
    assertThat(ttlAt(floor, www, 7_999, true)).isZero();
    CachingResolver cap = cache(seconds(new TtlClamps(0, 3, 0, 3600), ServeStale.OFF, Prefetch.NONE));
    assertThat(ttlAt(cap, www, 1_234, false)).isEqualTo(3_000);
    assertThat(cap.expiryMs(www)).isEqualTo(5_000);
    // Rounded before the floor: 0.5 s is 0, raised to the floor of 1 s; without a floor, not cached.
    upstream.ttlMs = 500;
    CachingResolver oneSecond = cache(seconds(new TtlClamps(1, 86_400, 0, 3600), ServeStale.OFF, Prefetch.NONE));
    assertThat(ttlAt(oneSecond, www, 1_234, false)).isEqualTo(1_000);
    assertThat(oneSecond.expiryMs(www)).isEqualTo(3_000);
    CachingResolver none = cache(SECONDS);
    none.resolve(www, 1_234, 0);
    assertThat(none.isFresh(www, 1_235)).isFalse();
    // Negative answers: the negative clamps, on whole seconds too.
    upstream.enabled = true;
    upstream.ttlMs = 1_800_500;
    CachingResolver negative = cache(seconds(new TtlClamps(0, 86_400, 0, 900), ServeStale.OFF, Prefetch.NONE));
    assertThat(provenance(negative.resolve(wwwAaaa, 1_234, 0))).isEqualTo(Provenance.NEGATIVE);
    assertThat(negative.lastTtlMs()).isEqualTo(900_000);
    assertThat(negative.expiryMs(wwwAaaa)).isEqualTo(902_000);
  }

  @Test
  void aMillisecondForwarderBehindAWholeSecondCacheNeverOutlivesItAndDoesNotKeepTtl0() {
    CachingResolver unbound = cache(SECONDS);
    CachingResolver forwarder = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, unbound);
    unbound.resolve(www, 1_234, 0); // E = 5
    forwarder.resolve(www, 4_500, 0);
    assertThat(forwarder.lastWasHit()).isFalse();
    assertThat(forwarder.lastTtlMs()).as("1 s passed on in second 4").isEqualTo(1_000);
    assertThat(forwarder.expiryMs(www)).as("rounded down: before Unbound's 6000").isEqualTo(5_500);
    forwarder.resolve(www, 5_700, 0);
    assertThat(forwarder.lastWasHit()).isFalse();
    assertThat(forwarder.lastTtlMs()).as("Unbound's last second: TTL 0").isZero();
    assertThat(forwarder.isFresh(www, 5_700)).as("TTL 0 is kept no longer than now").isFalse();
    forwarder.resolve(www, 5_701, 0);
    assertThat(forwarder.lastWasHit()).as("asks again").isFalse();
    assertThat(upstream.fetches).as("all from Unbound's one entry").isEqualTo(1);
  }

  @Test
  void aWholeSecondForwarderKeepsTheExpirySecondItsUpstreamHasAndAddsUnderASecondToAMillisecondOne() {
    CachingResolver unbound = cache(SECONDS);
    CachingResolver behindUnbound = new CachingResolver(table, SECONDS, unbound);
    unbound.resolve(www, 1_234, 0);
    behindUnbound.resolve(www, 2_500, 0);
    assertThat(behindUnbound.lastTtlMs()).isEqualTo(3_000);
    assertThat(behindUnbound.expiryMs(www)).as("2 + 3 = 5: the same second as Unbound's").isEqualTo(6_000);
    CachingResolver late = new CachingResolver(table, SECONDS, unbound);
    late.resolve(www, 5_200, 0);
    assertThat(late.isFresh(www, 5_200)).as("TTL 0 from Unbound's last second: not cached").isFalse();

    CachingResolver millis = cache(ResolverBehaviour.TTL_HONOURING);
    millis.resolve(www, 1_234, 0); // expires at 5234
    CachingResolver roundsDown = new CachingResolver(table, SECONDS, millis);
    roundsDown.resolve(www, 2_500, 0);
    assertThat(roundsDown.lastTtlMs()).as("2.734 s received, 2 s kept").isEqualTo(2_000);
    assertThat(roundsDown.expiryMs(www)).as("2 + 2: gone at 5000, before the upstream").isEqualTo(5_000);
    CachingResolver outlives = new CachingResolver(table, SECONDS, millis);
    outlives.resolve(www, 2_100, 0);
    assertThat(outlives.lastTtlMs()).as("3.134 s received, 3 s kept").isEqualTo(3_000);
    assertThat(outlives.expiryMs(www)).as("2 + 3: gone at 6000, 766 ms after the upstream").isEqualTo(6_000);
  }

  @Test
  void serveStaleStartsWhenTheLastSecondEndsAndItsWindowCountsFromThere() {
    // Reply TTL 30 s capped by the original 4 s (Unbound 1.23); window 2 s; the refresh fails.
    CachingResolver r = cache(seconds(TtlClamps.NONE, new ServeStale(true, 30, 2, 0, 0, false, true), Prefetch.NONE));
    r.resolve(www, 1_234, 0);
    upstream.down = true;
    assertThat(ttlAt(r, www, 5_999, true)).as("still fresh: no stale answer").isZero();
    assertThat(r.staleServed()).isZero();
    r.resolve(www, 6_000, 0);
    assertThat(r.staleServed()).as("stale from the first instant past second E").isEqualTo(1);
    assertThat(r.lastTtlMs()).as("min(30, 4) s").isEqualTo(4_000);
    assertThat(provenance(r.resolve(www, 7_999, 0))).isEqualTo(Provenance.ANYCAST);
    assertThat(r.staleServed()).as("window [6000, 8000)").isEqualTo(2);
    assertThat(r.resolve(www, 8_000, 0)).as("past the window: nothing to serve").isEqualTo(Upstream.FAILED);
  }

  @ParameterizedTest(name = "reset at 6500 ms, asked at {0} ms: stale {1}")
  @CsvSource({"8999, true", "9000, false"})
  void aStaleWindowResetAfterAFailedRefreshRunsFromTheEndOfThatSecond(long probe, boolean stale) {
    CachingResolver r = cache(seconds(TtlClamps.NONE, new ServeStale(true, 30, 2, 0, 0, true, false), Prefetch.NONE));
    r.resolve(www, 1_234, 0);
    upstream.down = true;
    r.resolve(www, 6_500, 0); // stale; the refresh fails: the window restarts, to the end of second 6 + 2
    assertThat(r.staleServed()).isEqualTo(1);
    int answer = r.resolve(www, probe, 0);
    assertThat(answer != Upstream.FAILED).as("the millisecond clock would end at 8500").isEqualTo(stale);
  }

  @Test
  void unboundPrefetchTriggersOnTheWholeSecondsLeftAsPrefetchTtlCalcDoes() {
    upstream.ttlMs = 20_000; // prefetch from second 1 + 20 - 20/10 = 19 (rem <= 2 s)
    CachingResolver r = cache(seconds(TtlClamps.NONE, ServeStale.OFF, new Prefetch.Unbound()));
    r.resolve(www, 1_234, 0);
    assertThat(ttlAt(r, www, 18_999, true)).isEqualTo(3_000);
    assertThat(upstream.fetches).as("3 s left: no prefetch").isEqualTo(1);
    assertThat(ttlAt(r, www, 19_000, true)).as("the client gets the cached answer's TTL").isEqualTo(2_000);
    assertThat(upstream.fetches).as("2 s left of 20: prefetched").isEqualTo(2);
    assertThat(r.expiryMs(www)).as("the refresh: 19 + 20").isEqualTo(40_000);
    // The millisecond clock triggers at 1234 + 18000 ms, 234 ms later.
    CachingResolver ms = cache(new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, new Prefetch.Unbound(), false));
    ms.resolve(www, 1_234, 0);
    ms.resolve(www, 19_233, 0);
    assertThat(upstream.fetches).isEqualTo(3);
    ms.resolve(www, 19_234, 0);
    assertThat(upstream.fetches).isEqualTo(4);
  }

  @Test
  void withTtl4UnboundPrefetchesOnlyInTheLastSecond() {
    CachingResolver r = cache(seconds(TtlClamps.NONE, ServeStale.OFF, new Prefetch.Unbound()));
    r.resolve(www, 1_234, 0);
    r.resolve(www, 4_999, 0);
    assertThat(upstream.fetches).as("1 s left of 4: 4 - 4/10 = 4, not yet").isEqualTo(1);
    r.resolve(www, 5_000, 0);
    assertThat(upstream.fetches).isEqualTo(2);
    assertThat(r.expiryMs(www)).isEqualTo(10_000);
  }

  @Test
  void originalTtlPassOnAndPreloadFollowTheClock() {
    CachingResolver original = cache(new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, true, 0,
        CacheClock.WHOLE_SECOND));
    upstream.ttlMs = 4_400;
    original.resolve(www, 1_234, 0);
    assertThat(ttlAt(original, www, 5_999, true)).as("the stored whole-second TTL").isEqualTo(4_000);

    CachingResolver filled = cache(SECONDS);
    filled.preload(www, table.answerOf(www, false), 4_000, 766, 1_000);
    assertThat(filled.expiryMs(www)).as("stored at 234: E = 0 + 4").isEqualTo(5_000);
    assertThat(ttlAt(filled, www, 1_000, true)).isEqualTo(3_000);
    assertThat(upstream.fetches).isEqualTo(1);
  }

  @Test
  void theUnboundAndKnotPresetsKeepWholeSecondsAndTheOthersMilliseconds() {
    for (var p : Presets.RESOLVERS) {
      boolean wholeSecond = p.name().startsWith("unbound-") || p.name().startsWith("knot-resolver-");
      assertThat(p.behaviour().clock()).as(p.name())
          .isEqualTo(wholeSecond ? CacheClock.WHOLE_SECOND : CacheClock.MILLISECOND);
    }
    assertThat(ResolverBehaviour.TTL_HONOURING.clock()).isEqualTo(CacheClock.MILLISECOND);
  }
}
