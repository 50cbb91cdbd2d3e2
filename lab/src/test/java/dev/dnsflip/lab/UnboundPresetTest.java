package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.NEGATIVE_TTL_S;
import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.ModelReplay.Prediction;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.TtlClamps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Real Unbound 1.17 (Debian 12's package, default settings but for DNSSEC validation) against the
 * lab authority, in real time with a 4 s Auto TTL, checked against the simulator's unbound-1.17
 * presets: the same queries at the same instants are replayed through {@code CachingResolver}.
 *
 * <p>Tolerances come from Unbound's whole-second clock ({@link UnboundExpiry}): it keeps an entry
 * until the end of second floor(stored) + TTL, answering it with TTL 0 in that last second, so it
 * lets go between 0 and 1 s after the model does (plus a round trip and the gap to the next poll,
 * both measured). Nothing here is tuned: every bound is stated with its reason.
 */
class UnboundPresetTest {
  private static final Path BINARY = UnboundLab.DEFAULT_BINARY;
  private static final Question WWW_A = new Question(WWW, Type.A);
  private static final Question WWW_AAAA = new Question(WWW, Type.AAAA);
  /** The floor of the cache-min-ttl tests: above the Auto TTL (4 s) and the negative TTL (3 s). */
  private static final long MIN_TTL_S = 6;
  private static final long DAY_S = 86_400;

  private static String version;

  private final Account account = LabAccount.account();

  @BeforeAll
  static void requireUnbound117() throws IOException {
    assertThat(Files.isExecutable(BINARY))
        .as("Unbound is not installed at %s; %s", BINARY, UnboundLab.INSTALL_HINT).isTrue();
    version = UnboundLab.version(BINARY);
    assertThat(version)
        .as("the unbound-1.17 presets cite 1.17.1 (Debian 12), but %s -V reports %s", BINARY, version)
        .startsWith("1.17.");
  }

  /** Anycast -> origin through the default configuration: the unbound-1.17 preset. */
  @Test
  void cachesAnycastCountingDownAndKeepsItPastTheSwitchUntilItsLastWholeSecondEnds(@TempDir Path dir)
      throws Exception {
    // Three fetches: the anycast answer, the origin answer it gave way to, and that one's renewal.
    LabTransition t = transition(dir, s -> s, WWW_A, false, 3, (seen, log) -> log.count(WWW_A) >= 3,
        2 * (AUTO_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("the first answer carries the full Auto TTL")).isEqualTo(AUTO_TTL_S);
    t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
    assertOneFetchPerPeriod(t, AUTO_TTL_S, AUTO_TTL_S, AUTO_TTL_S);
    assertThat(t.allQueries().size()).as(t.says("the authority saw nothing but these fetches")).isEqualTo(3);

    ResolverBehaviour preset = LabPresets.preset("unbound-1.17");
    assertThat(violations(t, preset, false, AUTO_TTL_S)).as(t.says("unbound-1.17 preset vs real")).isEmpty();
  }

  /** cache-min-ttl above the TTL: the stale answer is kept the floor, as the clamped model keeps it. */
  @Test
  void cacheMinTtlKeepsTheStaleAnswerForTheFloorAsTheClampedModelPredicts(@TempDir Path dir) throws Exception {
    LabTransition t = transition(dir, s -> s.cacheMinTtl(MIN_TTL_S), WWW_A, false, 2,
        (seen, log) -> log.count(WWW_A) >= 2, (MIN_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("clients see the clamped TTL, not the Auto TTL 4"))
        .isEqualTo(MIN_TTL_S);
    t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
    assertOneFetchPerPeriod(t, MIN_TTL_S, MIN_TTL_S);

    ResolverBehaviour floored = withClamps(LabPresets.preset("unbound-1.17"), MIN_TTL_S, MIN_TTL_S);
    assertThat(violations(t, floored, false, MIN_TTL_S))
        .as(t.says("unbound-1.17 preset with TtlClamps(6, 86400, 6, 3600) vs real")).isEmpty();
    assertThat(violations(t, LabPresets.preset("unbound-1.17"), false, AUTO_TTL_S))
        .as(t.says("without the floor the model lets go 2 s early, which the lab must be able to see"))
        .isNotEmpty();
  }

  /** NODATA (AAAA under the switch) is kept min(SOA TTL, MINIMUM), then the synthesised anycast AAAA returns. */
  @Test
  void nodataIsNegativeCachedForTheSoaMinimumOfTtlAndMinimum(@TempDir Path dir) throws Exception {
    LabTransition t = transition(dir, s -> s, WWW_AAAA, true, 2, (seen, log) -> log.count(WWW_AAAA) >= 2,
        (NEGATIVE_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(obs.get(0).ttl()).as(t.says("SOA TTL in the NODATA answer = min(3, 60)")).isEqualTo(NEGATIVE_TTL_S);
    t.assertSwitchesOnce(Provenance.NEGATIVE, Provenance.ANYCAST);
    // The anycast AAAA that follows carries the Auto TTL.
    assertOneFetchPerPeriod(t, NEGATIVE_TTL_S, AUTO_TTL_S);
    assertThat(t.allQueries()).extracting(QueryLog.Received::question)
        .as(t.says("two AAAA fetches, each after Unbound's QNAME-minimisation probe for A (it held no A)"))
        .containsExactly(WWW_A, WWW_AAAA, WWW_A, WWW_AAAA);

    assertThat(violations(t, LabPresets.preset("unbound-1.17"), true, NEGATIVE_TTL_S))
        .as(t.says("unbound-1.17 preset vs real")).isEmpty();
  }

  /**
   * Unbound's cache-min-ttl floors negative answers too: a NODATA whose SOA says 3 s is kept 6 s.
   * The presets' clamps separate the two, so the matching model needs both minima set.
   */
  @Test
  void cacheMinTtlAlsoFloorsNegativeAnswers(@TempDir Path dir) throws Exception {
    LabTransition t = transition(dir, s -> s.cacheMinTtl(MIN_TTL_S), WWW_AAAA, true, 2,
        (seen, log) -> log.count(WWW_AAAA) >= 2, (MIN_TTL_S + 1) * 1000 + 3 * 1000);

    assertThat(t.observations().get(0).ttl())
        .as(t.says("the NODATA's SOA TTL is raised to cache-min-ttl, not left at min(3, 60)")).isEqualTo(MIN_TTL_S);
    t.assertSwitchesOnce(Provenance.NEGATIVE, Provenance.ANYCAST);
    assertOneFetchPerPeriod(t, MIN_TTL_S, MIN_TTL_S);

    ResolverBehaviour both = withClamps(LabPresets.preset("unbound-1.17"), MIN_TTL_S, MIN_TTL_S);
    ResolverBehaviour positiveOnly = withClamps(LabPresets.preset("unbound-1.17"), MIN_TTL_S, 0);
    assertThat(violations(t, both, true, MIN_TTL_S))
        .as(t.says("TtlClamps(6, 86400, 6, 3600): the floor on both kinds, as Unbound applies it")).isEmpty();
    assertThat(violations(t, positiveOnly, true, NEGATIVE_TTL_S))
        .as(t.says("TtlClamps(6, 86400, 0, 3600), a floor on positive answers only, must disagree")).isNotEmpty();
  }

  /**
   * serve-expired (1.17: answer stale at once, then refresh): after the last whole second, one
   * stale anycast answer with serve-expired-reply-ttl 30 s, not capped by the 4 s original TTL
   * (the preset left this unconfirmed and uncapped), then the refreshed origin answer.
   */
  @Test
  void serveExpiredAnswersStaleOnceWithTheUncappedReplyTtlThenTheRefreshedAnswer(@TempDir Path dir)
      throws Exception {
    LabTransition t = transition(dir, s -> s.serveExpired(true), WWW_A, false, 2,
        (seen, log) -> seen.get(seen.size() - 1).provenance(account) == Provenance.ORIGIN,
        (AUTO_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();
    t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
    int origin = t.firstIndex(Provenance.ORIGIN);
    int stale = origin - 1;
    assertThat(obs.get(stale).ttl()).as(t.says("the stale answer carries serve-expired-reply-ttl (30), "
        + "not the original TTL (4): 1.17.1 does not cap it")).isEqualTo(30);
    for (int i = 0; i < stale; i++) {
      assertThat(obs.get(i).ttl()).as(t.says("fresh answers count down from 4")).isLessThanOrEqualTo(AUTO_TTL_S);
    }

    List<QueryLog.Received> fetches = t.fetches();
    assertThat(fetches).as(t.says("the first fetch and the refresh the stale answer started")).hasSize(2);
    UnboundExpiry first = UnboundExpiry.storedBetween(fetches.get(0).atMillis(), obs.get(0).receivedMs(), AUTO_TTL_S);
    assertThat(obs.get(stale).receivedMs()).as(t.says("stale only once Unbound's clock passed the expiry second"))
        .isGreaterThanOrEqualTo(first.refetchedFromMs());
    assertThat(obs.get(stale - 1).sentMs()).as(t.says("the last fresh answer came in the expiry second at the latest"))
        .isLessThan(first.answeredUntilMs());
    assertThat(fetches.get(1).atMillis()).as(t.says("the refresh follows the stale query, before the next answer"))
        .isBetween(obs.get(stale).sentMs(), obs.get(origin).receivedMs());

    List<Prediction> model = ModelReplay.replay(account, WWW_A, LabPresets.preset("unbound-1.17-serve-expired"), false,
        t.flipMs(), obs);
    int modelStale = -1;
    for (int i = 0; i < model.size() && modelStale < 0; i++) {
      if (model.get(i).ttlMs() > AUTO_TTL_S * 1000) {
        modelStale = i;
      }
    }
    assertThat(modelStale).as(t.says("the model answers stale once too\nmodel: " + model)).isPositive();
    assertThat(model.get(modelStale).provenance()).as(t.says("the model's stale answer is the old one\nmodel: " + model))
        .isEqualTo(Provenance.ANYCAST);
    assertThat(model.get(modelStale).ttlMs()).as(t.says("the preset's reply TTL, uncapped"))
        .isEqualTo(obs.get(stale).ttl() * 1000);
    assertThat(model.get(modelStale + 1).provenance()).as(t.says("then the refreshed one\nmodel: " + model))
        .isEqualTo(Provenance.ORIGIN);
    long modelExpiry = obs.get(0).sentMs() + AUTO_TTL_S * 1000;
    assertThat(obs.get(stale).receivedMs())
        .as(t.says("Unbound answers stale no earlier than the model's expiry (less its clock lag)"))
        .isGreaterThanOrEqualTo(modelExpiry - WholeSecondExpiry.CLOCK_LAG_MS);
    long late = obs.get(stale).sentMs() - modelExpiry;
    assertThat(late).as(t.says("and at most its last whole second (+ round trip + clock lag + poll gap) later"))
        .isLessThanOrEqualTo(1000 + obs.get(0).roundTripMs() + WholeSecondExpiry.CLOCK_LAG_MS + LabTransition.maxPollGapMs(obs));
  }

  /**
   * The A probe that QNAME minimisation sends before an AAAA fetch is not kept for A questions: an
   * A query right after the switch is fetched afresh, as the model's separate (name, type) slots say.
   */
  @Test
  void qnameMinimisationProbeBeforeAnAaaaFetchIsNotServedToAQuestions(@TempDir Path dir) throws Exception {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
        UnboundLab unbound = UnboundLab.start(BINARY, UnboundSettings.against(authority, Loopback.v4(54)), dir)) {
      Probe probe = new Probe(unbound.address());
      Observation aaaa = probe.ask(WWW, Type.AAAA);
      long flipMs = authority.enable();
      Observation a = probe.ask(WWW, Type.A);
      String says = "Unbound " + version + ": authority asked " + authority.queries().received() + "\nlog:\n" + unbound.log();
      assertThat(aaaa.provenance(account)).as(says).isEqualTo(Provenance.ANYCAST);
      assertThat(authority.queries().received()).extracting(QueryLog.Received::question)
          .as(says).containsExactly(WWW_A, WWW_AAAA, WWW_A);
      // The probe preceded the AAAA answer the client had before the flip: it got the anycast A.
      assertThat(authority.queries().received().get(0).atMillis()).as(says).isLessThanOrEqualTo(flipMs);
      assertThat(a.provenance(account)).as(says + "\nthe pre-switch probe answer (anycast) was not served")
          .isEqualTo(Provenance.ORIGIN);
      assertThat(a.ttl()).as(says).isEqualTo(AUTO_TTL_S);
    }
  }

  // --- the run -------------------------------------------------------------------------------

  /**
   * Starts the lab authority (switch {@code initiallyEnabled}) and Unbound with {@code settings},
   * asks once, flips the switch, then asks every {@link LabTransition#POLL_MS} until {@code done}
   * or {@code limitMs}.
   */
  private LabTransition transition(Path dir, UnaryOperator<UnboundSettings> settings, Question q,
      boolean initiallyEnabled, int expectedFetches, BiPredicate<List<Observation>, QueryLog> done, long limitMs)
      throws IOException, InterruptedException {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0))) {
      if (initiallyEnabled) {
        authority.enable();
      }
      UnboundSettings config = settings.apply(UnboundSettings.against(authority, Loopback.v4(54)));
      try (UnboundLab unbound = UnboundLab.start(BINARY, config, dir)) {
        return LabTransition.observe("Unbound " + version, account, authority, unbound.address(), q,
            expectedFetches, done, limitMs, unbound::log);
      }
    }
  }

  // --- assertions ----------------------------------------------------------------------------

  /**
   * One fetch per TTL period, counting down in Unbound's whole seconds ({@link UnboundExpiry}); and,
   * polled more than once a second, the last answer of every period but the last falls in its
   * expiry second: Unbound answered it with TTL 0, a second of life the model's entry does not have.
   */
  private static void assertOneFetchPerPeriod(LabTransition t, long... keptS) {
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(UnboundExpiry::storedBetween, keptS);
    if (t.maxPollGapMs() < 1000) {
      List<Integer> fetching = t.fetchingQueries();
      for (int j = 1; j < fetching.size(); j++) {
        int last = fetching.get(j) - 1;
        assertThat(t.observations().get(last).ttl()).as(t.says("answer " + last + ", last of period " + (j - 1)))
            .isZero();
      }
    }
  }

  /**
   * Where the model replayed over the same queries disagrees with Unbound, beyond Unbound's last
   * whole second ({@link LabTransition.LetGo#unbound}): empty when the model is right.
   */
  private List<String> violations(LabTransition t, ResolverBehaviour behaviour, boolean initiallyEnabled,
      long keptS) {
    List<Observation> obs = t.observations();
    List<Prediction> model = ModelReplay.replay(account, new Question(WWW, t.questionType()), behaviour,
        initiallyEnabled, t.flipMs(), obs);
    return t.violations(model, keptS, LabTransition.LetGo.unbound(obs));
  }

  /** The preset with Unbound's cache-min-ttl as a floor on positive and negative answers as given. */
  private static ResolverBehaviour withClamps(ResolverBehaviour b, long minPositiveS, long minNegativeS) {
    TtlClamps c = b.clamps();
    assertThat(c.maxPositiveS()).isEqualTo(DAY_S);
    // withClamps keeps every other policy, the whole-second clock included.
    return b.withClamps(new TtlClamps(minPositiveS, c.maxPositiveS(), minNegativeS, c.maxNegativeS()));
  }
}
