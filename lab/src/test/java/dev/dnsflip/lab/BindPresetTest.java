package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.NEGATIVE_TTL_S;
import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.LabTransition.LetGo;
import dev.dnsflip.lab.ModelReplay.Outage;
import dev.dnsflip.lab.ModelReplay.Prediction;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.TtlClamps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Real BIND 9.18 (Debian 12's package, built-in defaults but for DNSSEC validation) against the
 * lab authority, in real time with a 4 s Auto TTL, checked against the simulator's bind-9.18
 * presets: the same queries at the same instants are replayed through {@code CachingResolver}.
 *
 * <p>Tolerances come from BIND's whole-second clock ({@link TruncatingExpiry}): an entry stored
 * at f is gone when the clock reaches second floor(f) + TTL, so it lives between TTL - 1 s and
 * TTL, never answered with TTL 0, and lets go up to 1 s before the model does (plus a round trip
 * and the gap to the next poll, both measured). Nothing here is tuned: every bound is stated with
 * its reason.
 */
class BindPresetTest {
  private static final Path BINARY = BindLab.DEFAULT_BINARY;
  private static final long POLL_MS = LabTransition.POLL_MS;
  private static final Question WWW_A = new Question(WWW, Type.A);
  private static final Question WWW_AAAA = new Question(WWW, Type.AAAA);
  /** BIND's default max-cache-ttl and max-ncache-ttl, as the bind-9.18 preset has them. */
  private static final long WEEK_S = 604_800;
  private static final long NCACHE_MAX_S = 10_800;
  /** stale-answer-ttl and stale-refresh-time, 9.18 defaults (named -C). */
  private static final long STALE_ANSWER_TTL_S = 30;
  /**
   * resolver-query-timeout: 10 s is 9.18's default and its floor (lib/dns/resolver.c
   * MINIMUM_QUERY_TIMEOUT, 9 s per query + 1 s), so a refresh against a silent authority fails
   * no sooner. The wall clock the test reads may differ from named's monotonic timer by a few ms;
   * 100 ms is allowed for that.
   */
  private static final long RESOLVER_QUERY_TIMEOUT_MS = 10_000;
  private static final long TIMER_SLACK_MS = 100;

  private static String version;

  private final Account account = LabAccount.account();

  @BeforeAll
  static void requireBind918() throws IOException {
    assertThat(Files.isExecutable(BINARY)).as("BIND is not installed at %s; %s", BINARY, BindLab.INSTALL_HINT).isTrue();
    version = BindLab.version(BINARY);
    assertThat(version)
        .as("the bind-9.18 presets cite 9.18 (Debian 12), but %s -v reports %s", BINARY, version)
        .startsWith("9.18.");
  }

  /** Anycast -> origin through the default configuration: the bind-9.18 preset. */
  @Test
  void cachesAnycastCountingDownAndKeepsItPastTheSwitchUntilItsExpirySecondBegins(@TempDir Path dir)
      throws Exception {
    // Three fetches: the anycast answer, the origin answer it gave way to, and that one's renewal.
    LabTransition t = transition(dir, s -> s, WWW_A, false, 3, (seen, log) -> log.count(WWW_A) >= 3,
        2 * AUTO_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("the first answer carries the full Auto TTL")).isEqualTo(AUTO_TTL_S);
    t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, AUTO_TTL_S, AUTO_TTL_S,
        AUTO_TTL_S);
    assertThat(obs).as(t.says("BIND never answers a cached entry with TTL 0: at its expiry second it is gone"))
        .allSatisfy(o -> assertThat(o.ttl()).isPositive());
    assertThat(t.allQueries()).as(t.says("the authority saw nothing but these fetches")).hasSize(3);

    List<Prediction> model = ModelReplay.replay(account, WWW_A, LabPresets.preset("bind-9.18"), false, t.flipMs(), obs);
    assertThat(t.violations(model, AUTO_TTL_S, LetGo.truncating(obs))).as(t.says("bind-9.18 preset vs real"))
        .isEmpty();
  }

  /** NODATA (AAAA under the switch) is kept min(SOA TTL, MINIMUM), then the synthesised anycast AAAA returns. */
  @Test
  void nodataIsNegativeCachedForTheSoaMinimumOfTtlAndMinimum(@TempDir Path dir) throws Exception {
    LabTransition t = transition(dir, s -> s, WWW_AAAA, true, 2, fetchedAndPast(WWW_AAAA, 2, NEGATIVE_TTL_S),
        NEGATIVE_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(obs.get(0).ttl()).as(t.says("SOA TTL in the NODATA answer = min(3, 60)")).isEqualTo(NEGATIVE_TTL_S);
    t.assertSwitchesOnce(Provenance.NEGATIVE, Provenance.ANYCAST);
    // The anycast AAAA that follows carries the Auto TTL.
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, NEGATIVE_TTL_S, AUTO_TTL_S);
    assertThat(t.allQueries()).extracting(QueryLog.Received::question)
        .as(t.says("two AAAA fetches and nothing else: relaxed QNAME minimisation sends no probe for a name "
            + "one label below a static-stub apex"))
        .containsExactly(WWW_AAAA, WWW_AAAA);

    List<Prediction> model = ModelReplay.replay(account, WWW_AAAA, LabPresets.preset("bind-9.18"), true, t.flipMs(), obs);
    assertThat(t.violations(model, NEGATIVE_TTL_S, LetGo.truncating(obs))).as(t.says("bind-9.18 preset vs real"))
        .isEmpty();
  }

  /** max-ncache-ttl below the SOA's negative TTL: the NODATA is kept (and passed on) for the cap. */
  @Test
  void maxNcacheTtlCapsTheNegativeAnswerAsTheClampedModelPredicts(@TempDir Path dir) throws Exception {
    long cap = 1;
    LabTransition t = transition(dir, s -> s.maxNcacheTtl(cap), WWW_AAAA, true, 2,
        fetchedAndPast(WWW_AAAA, 2, NEGATIVE_TTL_S), NEGATIVE_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("clients see the capped TTL, not min(3, 60)")).isEqualTo(cap);
    t.assertSwitchesOnce(Provenance.NEGATIVE, Provenance.ANYCAST);
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, cap, AUTO_TTL_S);

    ResolverBehaviour capped = withClamps(LabPresets.preset("bind-9.18"), 0, 0, cap);
    assertThat(t.violations(ModelReplay.replay(account, WWW_AAAA, capped, true, t.flipMs(), obs), cap,
        LetGo.truncating(obs))).as(t.says("bind-9.18 preset with TtlClamps(0, 604800, 0, 1) vs real")).isEmpty();
    assertThat(t.violations(ModelReplay.replay(account, WWW_AAAA, LabPresets.preset("bind-9.18"), true, t.flipMs(), obs),
        NEGATIVE_TTL_S, LetGo.truncating(obs)))
        .as(t.says("without the cap the model keeps the NODATA 3 s, which the lab must be able to see")).isNotEmpty();
  }

  /**
   * min-cache-ttl floors positive answers only (BIND has min-ncache-ttl for negative ones), unlike
   * Unbound's cache-min-ttl: the NODATA is still kept 3 s, and the anycast AAAA after it is raised to 6.
   */
  @Test
  void minCacheTtlFloorsPositiveAnswersButLeavesNegativeOnes(@TempDir Path dir) throws Exception {
    long floor = 6;
    LabTransition t = transition(dir, s -> s.minCacheTtl(floor), WWW_AAAA, true, 2,
        fetchedAndPast(WWW_AAAA, 2, NEGATIVE_TTL_S), NEGATIVE_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("the NODATA keeps min(3, 60): min-cache-ttl does not touch it"))
        .isEqualTo(NEGATIVE_TTL_S);
    t.assertSwitchesOnce(Provenance.NEGATIVE, Provenance.ANYCAST);
    assertThat(obs.get(obs.size() - 1).ttl()).as(t.says("the anycast AAAA's Auto TTL 4 is raised to the floor"))
        .isEqualTo(floor);
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, NEGATIVE_TTL_S, floor);

    ResolverBehaviour positiveOnly = withClamps(LabPresets.preset("bind-9.18"), floor, 0, NCACHE_MAX_S);
    ResolverBehaviour both = withClamps(LabPresets.preset("bind-9.18"), floor, floor, NCACHE_MAX_S);
    assertThat(t.violations(ModelReplay.replay(account, WWW_AAAA, positiveOnly, true, t.flipMs(), obs),
        NEGATIVE_TTL_S, LetGo.truncating(obs)))
        .as(t.says("TtlClamps(6, 604800, 0, 10800): a floor on positive answers only, as BIND applies it")).isEmpty();
    assertThat(t.violations(ModelReplay.replay(account, WWW_AAAA, both, true, t.flipMs(), obs), floor,
        LetGo.truncating(obs)))
        .as(t.says("TtlClamps(6, 604800, 6, 10800), Unbound's kind of floor, must disagree")).isNotEmpty();
  }

  /**
   * bind-9.18-serve-stale (stale-answer-enable and stale-cache-enable yes, the rest 9.18 defaults:
   * stale-answer-ttl 30, stale-refresh-time 30, stale-answer-client-timeout off) through an
   * authority outage that starts before the anycast answer expires, with the switch flipped so a
   * successful refresh would bring the origin:
   * <ol>
   *   <li>authority answering SERVFAIL: from the expiry second on, each query gets the stale anycast
   *       answer with TTL 30, and each one first tries the authority (the stale-refresh-time window
   *       is not started by a SERVFAIL);
   *   <li>authority silent: the next query gets the stale answer only when named's refresh gives up,
   *       resolver-query-timeout (10 s) later;
   *   <li>from then on, stale answers at once without asking the authority, even after it recovers:
   *       the stale-refresh-time window (30 s) that a timeout starts.
   * </ol>
   * The model predicts the same answers (anycast, TTL 30, after the same expiry within BIND's
   * clock), but answers the silent phase at once: it has no latency.
   */
  @Test
  void serveStaleAnswersTtl30AfterAFailedRefreshAndBacksOffOnlyAfterATimeout(@TempDir Path dir) throws Exception {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
        BindLab bind = BindLab.start(BINARY,
            BindSettings.against(authority).staleAnswerEnable(true).staleCacheEnable(true), dir)) {
      Probe probe = new Probe(bind.address());
      List<Observation> obs = new ArrayList<>();
      obs.add(probe.ask(WWW, Type.A));
      long flipMs = LabTransition.flipAfter(authority, obs.get(0));
      long outageFromMs = authority.fail(LabAuthority.Failure.SERVFAIL);
      obs.addAll(probe.poll(WWW, Type.A, POLL_MS, AUTO_TTL_S * 1000 + 3 * 1000, seen -> staleCount(seen) >= 3));
      int silentFrom = obs.size();
      // A poll gap between the phases, so no authority query lies in two observations' intervals.
      Thread.sleep(POLL_MS);
      authority.fail(LabAuthority.Failure.TIMEOUT);
      Observation slow = new Probe(bind.address(), false, Duration.ofMillis(RESOLVER_QUERY_TIMEOUT_MS + 5_000))
          .ask(WWW, Type.A);
      obs.add(slow);
      obs.addAll(probe.poll(WWW, Type.A, POLL_MS, 5 * POLL_MS, seen -> seen.size() >= 4));
      long recoveredMs = authority.recover();
      int recoveredFrom = obs.size();
      obs.addAll(probe.poll(WWW, Type.A, POLL_MS, 5 * POLL_MS, seen -> seen.size() >= 3));
      List<QueryLog.Received> asked = authority.queries().received();
      LabTransition t = new LabTransition("BIND " + version, account, List.copyOf(obs), flipMs,
          authority.queries().received(WWW_A), asked, bind.log());
      String timeline = "\nSERVFAIL from +" + (outageFromMs - obs.get(0).sentMs()) + " ms, silent from answer "
          + silentFrom + ", recovered at +" + (recoveredMs - obs.get(0).sentMs()) + " ms (before answer "
          + recoveredFrom + ")";

      assertThat(obs).as(t.says("every query answered, anycast" + timeline)).allSatisfy(o -> {
        assertThat(o.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(o.provenance(account)).isEqualTo(Provenance.ANYCAST);
      });
      int firstStale = firstStale(obs);
      assertThat(firstStale).as(t.says("stale answers carry stale-answer-ttl" + timeline)).isPositive();
      for (int i = 0; i < obs.size(); i++) {
        assertThat(obs.get(i).ttl()).as(t.says("answer " + i + ": fresh ones count down from 4, stale ones say 30"
            + timeline)).isBetween(i < firstStale ? 1 : STALE_ANSWER_TTL_S, i < firstStale ? AUTO_TTL_S : STALE_ANSWER_TTL_S);
      }
      TruncatingExpiry expiry = TruncatingExpiry.storedBetween(t.fetches().get(0).atMillis(), obs.get(0).receivedMs(),
          AUTO_TTL_S);
      assertThat(obs.get(firstStale - 1).sentMs()).as(t.says("fresh until the expiry second" + timeline))
          .isLessThan(expiry.answeredUntilMs());
      assertThat(obs.get(firstStale).receivedMs()).as(t.says("stale from the expiry second" + timeline))
          .isGreaterThanOrEqualTo(expiry.refetchedFromMs());

      // 1. SERVFAIL: every stale answer was preceded by its own refresh attempt.
      for (int i = firstStale; i < silentFrom; i++) {
        Observation o = obs.get(i);
        assertThat(asked).filteredOn(r -> r.atMillis() >= o.sentMs() && r.atMillis() <= o.receivedMs())
            .as(t.says("answer " + i + " (SERVFAIL phase): one refresh attempt, no stale-refresh-time back-off"
                + timeline))
            .hasSize(1);
      }
      // 2. Silent: the answer waits for the refresh to time out.
      assertThat(slow.roundTripMs()).as(t.says("the stale answer comes when resolver-query-timeout ends" + timeline))
          .isGreaterThanOrEqualTo(RESOLVER_QUERY_TIMEOUT_MS - TIMER_SLACK_MS);
      assertThat(asked).filteredOn(r -> r.atMillis() >= slow.sentMs() && r.atMillis() <= slow.receivedMs())
          .as(t.says("named kept asking the silent authority meanwhile" + timeline)).isNotEmpty();
      // 3. After the timeout: stale at once, the authority not asked, recovered or not.
      assertThat(asked).filteredOn(r -> r.atMillis() > slow.receivedMs())
          .as(t.says("within stale-refresh-time (30 s) after the timeout named does not try the authority" + timeline))
          .isEmpty();
      for (int i = silentFrom + 1; i < obs.size(); i++) {
        assertThat(obs.get(i).roundTripMs()).as(t.says("answer " + i + " is stale at once" + timeline))
            .isLessThan(RESOLVER_QUERY_TIMEOUT_MS / 10);
      }

      // The model: same outage (its fetches fail at once), same answers.
      List<Prediction> model = ModelReplay.replay(account, WWW_A, List.of(LabPresets.preset("bind-9.18-serve-stale")), false,
          flipMs, List.of(new Outage(outageFromMs, recoveredMs)), obs);
      int modelStale = -1;
      for (int i = 0; i < model.size(); i++) {
        Prediction p = model.get(i);
        assertThat(p.provenance()).as(t.says("model answer " + i + ": anycast" + timeline)).isEqualTo(Provenance.ANYCAST);
        if (modelStale < 0 && p.ttlMs() == STALE_ANSWER_TTL_S * 1000) {
          modelStale = i;
        }
      }
      assertThat(modelStale).as(t.says("the model answers stale too" + timeline)).isPositive();
      for (int i = modelStale; i < model.size(); i++) {
        assertThat(model.get(i).ttlMs()).as(t.says("model answer " + i + " stale with 30 s" + timeline))
            .isEqualTo(STALE_ANSWER_TTL_S * 1000);
      }
      long modelExpiry = obs.get(0).sentMs() + AUTO_TTL_S * 1000;
      LetGo letGo = LetGo.truncating(obs.subList(0, silentFrom));
      assertThat(obs.get(firstStale).receivedMs()).as(t.says("BIND goes stale no more than its clock allows before "
          + "the model" + timeline)).isGreaterThanOrEqualTo(modelExpiry - letGo.earlyMs());
      assertThat(obs.get(firstStale).sentMs() - modelExpiry).as(t.says("nor later" + timeline))
          .isLessThanOrEqualTo(letGo.lateMs());
    }
  }

  // --- the run -------------------------------------------------------------------------------

  /**
   * Starts the lab authority (switch {@code initiallyEnabled}) and named with {@code settings},
   * asks once, flips the switch, then asks every 200 ms until {@code done} or {@code limitMs}.
   */
  private LabTransition transition(Path dir, UnaryOperator<BindSettings> settings, Question q,
      boolean initiallyEnabled, int expectedFetches, BiPredicate<List<Observation>, QueryLog> done, long limitMs)
      throws IOException, InterruptedException {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0))) {
      if (initiallyEnabled) {
        authority.enable();
      }
      try (BindLab bind = BindLab.start(BINARY, settings.apply(BindSettings.against(authority)), dir)) {
        return LabTransition.observe("BIND " + version, account, authority, bind.address(), q, expectedFetches, done,
            limitMs, bind::log);
      }
    }
  }

  /**
   * Done once {@code fetches} fetches were seen and the run has passed {@code keptS} after the first
   * query: BIND lets go up to 1 s before the model, so a run that stopped at its refetch could end
   * before the model's expiry and leave the model's side of the comparison unseen.
   */
  private static BiPredicate<List<Observation>, QueryLog> fetchedAndPast(Question q, int fetches, long keptS) {
    return LabTransition.fetchedAndPast(q, fetches, keptS * 1000);
  }

  private static long staleCount(List<Observation> seen) {
    return seen.stream().filter(o -> o.rcode() == Rcode.NOERROR && o.ttl() == STALE_ANSWER_TTL_S).count();
  }

  private static int firstStale(List<Observation> obs) {
    for (int i = 0; i < obs.size(); i++) {
      if (obs.get(i).ttl() > AUTO_TTL_S) {
        return i;
      }
    }
    return -1;
  }

  /** The preset with BIND's min-cache-ttl, min-ncache-ttl and max-ncache-ttl as given. */
  private static ResolverBehaviour withClamps(ResolverBehaviour b, long minPositiveS, long minNegativeS,
      long maxNegativeS) {
    TtlClamps c = b.clamps();
    assertThat(c.maxPositiveS()).isEqualTo(WEEK_S);
    return b.withClamps(new TtlClamps(minPositiveS, c.maxPositiveS(), minNegativeS, maxNegativeS));
  }
}
