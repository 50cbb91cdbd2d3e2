package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.NEGATIVE_TTL_S;
import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.ModelReplay.Prediction;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.TtlClamps;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
  private static final long POLL_MS = 200;
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
    Transition t = transition(dir, s -> s, WWW_A, false, 3, (seen, log) -> log.count(WWW_A) >= 3,
        2 * (AUTO_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("the first answer carries the full Auto TTL")).isEqualTo(AUTO_TTL_S);
    assertSwitchesOnce(t, Provenance.ANYCAST, Provenance.ORIGIN);
    assertOneFetchPerPeriodCountingDownInWholeSeconds(t, AUTO_TTL_S, AUTO_TTL_S, AUTO_TTL_S);
    assertThat(t.totalQueries()).as(t.says("the authority saw nothing but these fetches")).isEqualTo(3);

    ResolverBehaviour preset = preset("unbound-1.17");
    assertThat(violations(t, preset, false, AUTO_TTL_S)).as(t.says("unbound-1.17 preset vs real")).isEmpty();
  }

  /** cache-min-ttl above the TTL: the stale answer is kept the floor, as the clamped model keeps it. */
  @Test
  void cacheMinTtlKeepsTheStaleAnswerForTheFloorAsTheClampedModelPredicts(@TempDir Path dir) throws Exception {
    Transition t = transition(dir, s -> s.cacheMinTtl(MIN_TTL_S), WWW_A, false, 2,
        (seen, log) -> log.count(WWW_A) >= 2, (MIN_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("clients see the clamped TTL, not the Auto TTL 4"))
        .isEqualTo(MIN_TTL_S);
    assertSwitchesOnce(t, Provenance.ANYCAST, Provenance.ORIGIN);
    assertOneFetchPerPeriodCountingDownInWholeSeconds(t, MIN_TTL_S, MIN_TTL_S);

    ResolverBehaviour floored = withClamps(preset("unbound-1.17"), MIN_TTL_S, MIN_TTL_S);
    assertThat(violations(t, floored, false, MIN_TTL_S))
        .as(t.says("unbound-1.17 preset with TtlClamps(6, 86400, 6, 3600) vs real")).isEmpty();
    assertThat(violations(t, preset("unbound-1.17"), false, AUTO_TTL_S))
        .as(t.says("without the floor the model lets go 2 s early, which the lab must be able to see"))
        .isNotEmpty();
  }

  /** NODATA (AAAA under the switch) is kept min(SOA TTL, MINIMUM), then the synthesised anycast AAAA returns. */
  @Test
  void nodataIsNegativeCachedForTheSoaMinimumOfTtlAndMinimum(@TempDir Path dir) throws Exception {
    Transition t = transition(dir, s -> s, WWW_AAAA, true, 2, (seen, log) -> log.count(WWW_AAAA) >= 2,
        (NEGATIVE_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(obs.get(0).ttl()).as(t.says("SOA TTL in the NODATA answer = min(6, 3)")).isEqualTo(NEGATIVE_TTL_S);
    assertSwitchesOnce(t, Provenance.NEGATIVE, Provenance.ANYCAST);
    // The anycast AAAA that follows carries the Auto TTL.
    assertOneFetchPerPeriodCountingDownInWholeSeconds(t, NEGATIVE_TTL_S, AUTO_TTL_S);
    assertThat(t.allQueries()).extracting(QueryLog.Received::question)
        .as(t.says("two AAAA fetches, each after Unbound's QNAME-minimisation probe for A (it held no A)"))
        .containsExactly(WWW_A, WWW_AAAA, WWW_A, WWW_AAAA);

    assertThat(violations(t, preset("unbound-1.17"), true, NEGATIVE_TTL_S))
        .as(t.says("unbound-1.17 preset vs real")).isEmpty();
  }

  /**
   * Unbound's cache-min-ttl floors negative answers too: a NODATA whose SOA says 3 s is kept 6 s.
   * The presets' clamps separate the two, so the matching model needs both minima set.
   */
  @Test
  void cacheMinTtlAlsoFloorsNegativeAnswers(@TempDir Path dir) throws Exception {
    Transition t = transition(dir, s -> s.cacheMinTtl(MIN_TTL_S), WWW_AAAA, true, 2,
        (seen, log) -> log.count(WWW_AAAA) >= 2, (MIN_TTL_S + 1) * 1000 + 3 * 1000);

    assertThat(t.observations().get(0).ttl())
        .as(t.says("the NODATA's SOA TTL is raised to cache-min-ttl, not left at min(6, 3)")).isEqualTo(MIN_TTL_S);
    assertSwitchesOnce(t, Provenance.NEGATIVE, Provenance.ANYCAST);
    assertOneFetchPerPeriodCountingDownInWholeSeconds(t, MIN_TTL_S, MIN_TTL_S);

    ResolverBehaviour both = withClamps(preset("unbound-1.17"), MIN_TTL_S, MIN_TTL_S);
    ResolverBehaviour positiveOnly = withClamps(preset("unbound-1.17"), MIN_TTL_S, 0);
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
    Transition t = transition(dir, s -> s.serveExpired(true), WWW_A, false, 2,
        (seen, log) -> seen.get(seen.size() - 1).provenance(account) == Provenance.ORIGIN,
        (AUTO_TTL_S + 1) * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();
    assertSwitchesOnce(t, Provenance.ANYCAST, Provenance.ORIGIN);
    int origin = firstIndex(obs, Provenance.ORIGIN);
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

    List<Prediction> model = ModelReplay.replay(account, WWW_A, preset("unbound-1.17-serve-expired"), false,
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
        .isLessThanOrEqualTo(1000 + obs.get(0).roundTripMs() + WholeSecondExpiry.CLOCK_LAG_MS + maxPollGapMs(obs));
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

  /** One switch event as a real Unbound passed it on: what clients saw and what the authority was asked. */
  private record Transition(List<Observation> observations, long flipMs, List<QueryLog.Received> fetches,
      List<QueryLog.Received> allQueries, String log, Account account) {

    int totalQueries() {
      return allQueries.size();
    }

    /** An assertion description naming the version and showing the whole run. */
    String says(String what) {
      StringBuilder out = new StringBuilder("Unbound ").append(version).append(": ").append(what).append('\n');
      long origin = observations.get(0).sentMs();
      out.append("switch flipped at +").append(flipMs - origin).append(" ms\n");
      for (QueryLog.Received r : allQueries) {
        out.append("authority asked ").append(r.question()).append(" at +").append(r.atMillis() - origin).append(" ms\n");
      }
      for (Observation o : observations) {
        out.append(o.rcode() == Rcode.SERVFAIL ? "SERVFAIL" : o.describe(account, origin)).append('\n');
      }
      return out.append("unbound log:\n").append(log).toString();
    }
  }

  /**
   * Starts the lab authority (switch {@code initiallyEnabled}) and Unbound with {@code settings},
   * asks once, flips the switch, then asks every {@link #POLL_MS} until {@code done} or {@code limitMs}.
   */
  private Transition transition(Path dir, UnaryOperator<UnboundSettings> settings, Question q,
      boolean initiallyEnabled, int expectedFetches, BiPredicate<List<Observation>, QueryLog> done, long limitMs)
      throws IOException, InterruptedException {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0))) {
      if (initiallyEnabled) {
        authority.enable();
      }
      UnboundSettings config = settings.apply(UnboundSettings.against(authority, Loopback.v4(54)));
      try (UnboundLab unbound = UnboundLab.start(BINARY, config, dir)) {
        Probe probe = new Probe(unbound.address());
        List<Observation> observations = new ArrayList<>();
        observations.add(probe.ask(q.name(), q.type()));
        long flipMs = initiallyEnabled ? authority.disable() : authority.enable();
        List<Observation> polled = probe.poll(q.name(), q.type(), POLL_MS, limitMs,
            seen -> done.test(seen, authority.queries()));
        observations.addAll(polled);
        Transition t = new Transition(List.copyOf(observations), flipMs, authority.queries().received(q),
            authority.queries().received(), unbound.log(), account);
        assertThat(t.fetches()).as(t.says("fetches seen before the " + limitMs + " ms limit"))
            .hasSize(expectedFetches);
        assertThat(observations).as(t.says("every query answered")).allSatisfy(o ->
            assertThat(o.rcode()).isIn(Rcode.NOERROR));
        return t;
      }
    }
  }

  // --- assertions ----------------------------------------------------------------------------

  /** The answers are {@code before} up to some query and {@code after} from it on. */
  private void assertSwitchesOnce(Transition t, Provenance before, Provenance after) {
    List<Observation> obs = t.observations();
    int k = firstIndex(obs, after);
    assertThat(k).as(t.says("the answer changes to " + after)).isPositive();
    for (int i = 0; i < obs.size(); i++) {
      assertThat(obs.get(i).provenance(account)).as(t.says("answer " + i)).isEqualTo(i < k ? before : after);
    }
  }

  /**
   * Each fetch was made for a client query (inside its send-receive interval), so hits and fetches
   * are told apart exactly; in between, the TTL counts down by whole seconds of Unbound's clock
   * ({@link UnboundExpiry}); the entry is answered to the end of its expiry second (TTL 0) and the
   * next fetch comes with the first query after it: exactly one fetch per TTL period.
   * {@code keptS}: how long Unbound should keep the answer of each fetch, in order.
   */
  private void assertOneFetchPerPeriodCountingDownInWholeSeconds(Transition t, long... keptS) {
    List<Observation> obs = t.observations();
    List<QueryLog.Received> fetches = t.fetches();
    List<Integer> fetching = new ArrayList<>();
    for (QueryLog.Received f : fetches) {
      int i = 0;
      while (i < obs.size() && obs.get(i).receivedMs() < f.atMillis()) {
        i++;
      }
      assertThat(i).as(t.says("a client query was in flight at the fetch at " + f.atMillis())).isLessThan(obs.size());
      assertThat(obs.get(i).sentMs()).as(t.says("fetch inside query " + i)).isLessThanOrEqualTo(f.atMillis());
      fetching.add(i);
    }
    assertThat(fetching).as(t.says("one fetch per query at most")).doesNotHaveDuplicates();
    assertThat(fetches).as(t.says("one fetch per expected period")).hasSize(keptS.length);
    for (int j = 0; j < fetches.size(); j++) {
      int from = fetching.get(j);
      int to = j + 1 < fetches.size() ? fetching.get(j + 1) : obs.size();
      UnboundExpiry expiry = UnboundExpiry.storedBetween(fetches.get(j).atMillis(), obs.get(from).receivedMs(), keptS[j]);
      for (int i = from; i < to; i++) {
        Observation o = obs.get(i);
        assertThat(o.ttl()).as(t.says("answer " + i + ": TTL of period " + j + " in Unbound's whole seconds"))
            .isBetween(expiry.minTtl(o), expiry.maxTtl(o));
        if (i > from) {
          assertThat(o.ttl()).as(t.says("answer " + i + " counts down")).isLessThanOrEqualTo(obs.get(i - 1).ttl());
        }
      }
      if (j + 1 < fetches.size()) {
        assertThat(obs.get(to - 1).sentMs()).as(t.says("period " + j + " ends no later than its expiry second"))
            .isLessThan(expiry.answeredUntilMs());
        if (maxPollGapMs(obs) < 1000) {
          // Polled more than once a second, the last answer of a period falls in its expiry second:
          // Unbound answered it with TTL 0, a second of life the model's entry does not have.
          assertThat(obs.get(to - 1).ttl()).as(t.says("answer " + (to - 1) + ", last of period " + j)).isZero();
        }
        assertThat(obs.get(to).receivedMs()).as(t.says("period " + j + " is not refetched before its expiry second ends"))
            .isGreaterThanOrEqualTo(expiry.refetchedFromMs());
      }
    }
  }

  /**
   * Where the model replayed over the same queries disagrees with Unbound, beyond Unbound's last
   * whole second: empty when the model is right. {@code keptS}: how long the model keeps the first
   * answer, so its expiry is the first query's send time + keptS.
   *
   * <p>Bounds: Unbound stored the entry at s in [sent0, received0] and keeps it to the end of second
   * floor(s) + keptS, i.e. past the model's expiry by (0, 1000 + rtt0] ms, on a clock that may lag
   * the test's by {@link WholeSecondExpiry#CLOCK_LAG_MS}, so no answer received before the model's
   * expiry (less the lag) may be new, and the first query after Unbound's comes within one poll
   * gap. While both still hold the first answer, Unbound's whole-second TTL differs from the model's
   * remaining ms by less than 1000 + the larger round trip + the lag (a floor of each of the two
   * instants).
   */
  private List<String> violations(Transition t, ResolverBehaviour behaviour, boolean initiallyEnabled, long keptS) {
    List<Observation> obs = t.observations();
    List<Prediction> model = ModelReplay.replay(account, new Question(WWW, questionType(obs)), behaviour,
        initiallyEnabled, t.flipMs(), obs);
    List<String> out = new ArrayList<>();
    Provenance old = obs.get(0).provenance(account);
    int real = -1;
    int predicted = -1;
    for (int i = 0; i < obs.size(); i++) {
      if (real < 0 && obs.get(i).provenance(account) != old) {
        real = i;
      }
      if (predicted < 0 && model.get(i).provenance() != old) {
        predicted = i;
      }
    }
    if (real < 0 || predicted < 0) {
      out.add("no change seen: real at " + real + ", model at " + predicted);
      return out;
    }
    long modelExpiry = obs.get(0).sentMs() + keptS * 1000;
    long late = obs.get(real).sentMs() - modelExpiry;
    long slack = 1000 + obs.get(0).roundTripMs() + WholeSecondExpiry.CLOCK_LAG_MS + maxPollGapMs(obs);
    if (obs.get(real).receivedMs() < modelExpiry - WholeSecondExpiry.CLOCK_LAG_MS) {
      out.add("Unbound let go at answer " + real + ", before the model's expiry (+"
          + (modelExpiry - obs.get(0).sentMs()) + " ms)");
    }
    if (late > slack) {
      out.add("Unbound let go " + late + " ms after the model's expiry, more than its last second allows ("
          + slack + " ms)");
    }
    // Between the two (Unbound's last second) they differ by design; before both, TTLs compare.
    for (int i = 0; i < Math.min(real, predicted); i++) {
      long diff = obs.get(i).ttl() * 1000 - model.get(i).ttlMs();
      long bound = 1000 + Math.max(obs.get(0).roundTripMs(), obs.get(i).roundTripMs()) + WholeSecondExpiry.CLOCK_LAG_MS;
      if (Math.abs(diff) >= bound) {
        out.add("answer " + i + ": TTL " + obs.get(i).ttl() + " s vs model " + model.get(i).ttlMs() + " ms");
      }
    }
    for (int i = Math.max(real, predicted); i < obs.size(); i++) {
      if (obs.get(i).provenance(account) != model.get(i).provenance()) {
        out.add("answer " + i + ": " + obs.get(i).provenance(account) + " vs model " + model.get(i).provenance());
      }
    }
    return out;
  }

  private static int questionType(List<Observation> obs) {
    return obs.get(0).response().getQuestion().getType();
  }

  private int firstIndex(List<Observation> obs, Provenance p) {
    for (int i = 0; i < obs.size(); i++) {
      if (obs.get(i).provenance(account) == p) {
        return i;
      }
    }
    return -1;
  }

  /** The longest gap between two consecutive queries: the polling's real resolution. */
  private static long maxPollGapMs(List<Observation> obs) {
    long gap = 0;
    for (int i = 1; i < obs.size(); i++) {
      gap = Math.max(gap, obs.get(i).sentMs() - obs.get(i - 1).sentMs());
    }
    return gap;
  }

  private static ResolverBehaviour preset(String name) {
    return Presets.resolver(name).orElseThrow().behaviour();
  }

  /** The preset with Unbound's cache-min-ttl as a floor on positive and negative answers as given. */
  private static ResolverBehaviour withClamps(ResolverBehaviour b, long minPositiveS, long minNegativeS) {
    TtlClamps c = b.clamps();
    assertThat(c.maxPositiveS()).isEqualTo(DAY_S);
    return new ResolverBehaviour(new TtlClamps(minPositiveS, c.maxPositiveS(), minNegativeS, c.maxNegativeS()),
        b.serveStale(), b.prefetch(), b.passOriginalTtl(), b.capacity());
  }
}
