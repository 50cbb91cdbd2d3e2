package dev.dnsflip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.ModelReplay.Prediction;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import org.xbill.DNS.Rcode;

/**
 * One switch event as a real resolver (or chain) passed it on: what clients saw and what the lab
 * authority was asked, with the checks the preset tests share. The checks take the resolver's
 * clock rule ({@link WholeSecondExpiry.Rule}), so the same assertions hold Unbound's last second
 * and BIND's or dnsmasq's truncated one to their own mechanism.
 *
 * @param software e.g. "BIND 9.18.49-1~deb12u3-Debian", for every assertion message
 * @param fetches the authority's queries for the question asked
 * @param allQueries everything the authority was asked
 * @param log the resolvers' logs, for failure messages
 */
record LabTransition(String software, Account account, List<Observation> observations, long flipMs,
    List<QueryLog.Received> fetches, List<QueryLog.Received> allQueries, String log) {

  static final long POLL_MS = 200;

  /**
   * Asks {@code resolver} once, flips the switch of {@code authority} (it starts {@code
   * initiallyEnabled}: the caller set it), then asks every {@link #POLL_MS} until {@code done} or
   * {@code limitMs} ({@code done} sees every observation so far, the first one included); checks
   * that {@code expectedFetches} fetches were seen and every query answered.
   */
  static LabTransition observe(String software, Account account, LabAuthority authority, InetSocketAddress resolver,
      Question q, int expectedFetches, BiPredicate<List<Observation>, QueryLog> done, long limitMs,
      Supplier<String> log) throws IOException, InterruptedException {
    Probe probe = new Probe(resolver);
    List<Observation> observations = new ArrayList<>();
    observations.add(probe.ask(q.name(), q.type()));
    Observation first = observations.get(0);
    long flipMs = flipAfter(authority, first);
    observations.addAll(probe.poll(q.name(), q.type(), POLL_MS, limitMs, seen -> {
      List<Observation> all = new ArrayList<>(seen.size() + 1);
      all.add(first);
      all.addAll(seen);
      return done.test(all, authority.queries());
    }));
    LabTransition t = new LabTransition(software, account, List.copyOf(observations), flipMs,
        authority.queries().received(q), authority.queries().received(), log.get());
    assertThat(t.fetches()).as(t.says("fetches seen before the " + limitMs + " ms limit")).hasSize(expectedFetches);
    assertThat(observations).as(t.says("every query answered"))
        .allSatisfy(o -> assertThat(o.rcode()).isIn(Rcode.NOERROR));
    return t;
  }

  /**
   * Flips the switch right after {@code answered} and returns the instant to replay it at. Both can
   * fall in one millisecond, and the model applies an event at its instant: it must see the flip
   * after that answer, or it replays the query before it as already switched.
   */
  static long flipAfter(LabAuthority authority, Observation answered) {
    long at = authority.enabled() ? authority.disable() : authority.enable();
    return Math.max(at, answered.receivedMs() + 1);
  }

  /**
   * A stop condition for {@link #observe}: the resolver fetched {@code q} at least {@code fetches}
   * times and the probes went on for {@code pastMs} after the first.
   */
  static BiPredicate<List<Observation>, QueryLog> fetchedAndPast(Question q, int fetches, long pastMs) {
    return (seen, log) -> log.count(q) >= fetches && seen.get(seen.size() - 1).sentMs() >= seen.get(0).sentMs() + pastMs;
  }

  /** An assertion description naming the software and showing the whole run. */
  String says(String what) {
    StringBuilder out = new StringBuilder(software).append(": ").append(what).append('\n');
    long origin = observations.get(0).sentMs();
    out.append("switch flipped at +").append(flipMs - origin).append(" ms\n");
    for (QueryLog.Received r : allQueries) {
      out.append("authority asked ").append(r.question()).append(" at +").append(r.atMillis() - origin).append(" ms\n");
    }
    for (Observation o : observations) {
      out.append(o.rcode() == Rcode.NOERROR ? o.describe(account, origin) : Rcode.string(o.rcode())).append('\n');
    }
    return out.append("log:\n").append(log).toString();
  }

  int questionType() {
    return observations.get(0).response().getQuestion().getType();
  }

  // --- checks ----------------------------------------------------------------------------------

  /** The answers are {@code before} up to some query and {@code after} from it on. */
  void assertSwitchesOnce(Provenance before, Provenance after) {
    int k = firstIndex(after);
    assertThat(k).as(says("the answer changes to " + after)).isPositive();
    for (int i = 0; i < observations.size(); i++) {
      assertThat(observations.get(i).provenance(account)).as(says("answer " + i)).isEqualTo(i < k ? before : after);
    }
  }

  int firstIndex(Provenance p) {
    for (int i = 0; i < observations.size(); i++) {
      if (observations.get(i).provenance(account) == p) {
        return i;
      }
    }
    return -1;
  }

  /** For each fetch, the index of the client query it was made for (the one in flight at the time). */
  List<Integer> fetchingQueries() {
    List<Integer> fetching = new ArrayList<>();
    for (QueryLog.Received f : fetches) {
      int i = 0;
      while (i < observations.size() && observations.get(i).receivedMs() < f.atMillis()) {
        i++;
      }
      assertThat(i).as(says("a client query was in flight at the fetch at " + f.atMillis()))
          .isLessThan(observations.size());
      assertThat(observations.get(i).sentMs()).as(says("fetch inside query " + i)).isLessThanOrEqualTo(f.atMillis());
      fetching.add(i);
    }
    return fetching;
  }

  /**
   * Each fetch was made for a client query (inside its send-receive interval), so hits and fetches
   * are told apart exactly; in between, the TTL counts down by whole seconds of the resolver's clock
   * ({@code rule}); the entry is answered up to its expiry ({@code rule}'s) and the next fetch comes
   * with the first query after it: exactly one fetch per TTL period. {@code keptS}: how long the
   * resolver should keep the answer of each fetch, in order.
   */
  void assertOneFetchPerPeriodCountingDownInWholeSeconds(WholeSecondExpiry.Rule rule, long... keptS) {
    List<Integer> fetching = fetchingQueries();
    assertThat(fetching).as(says("one fetch per query at most")).doesNotHaveDuplicates();
    assertThat(fetches).as(says("one fetch per expected period")).hasSize(keptS.length);
    for (int j = 0; j < fetches.size(); j++) {
      int from = fetching.get(j);
      int to = j + 1 < fetches.size() ? fetching.get(j + 1) : observations.size();
      WholeSecondExpiry expiry = rule.storedBetween(fetches.get(j).atMillis(), observations.get(from).receivedMs(),
          keptS[j]);
      for (int i = from; i < to; i++) {
        Observation o = observations.get(i);
        assertThat(o.ttl()).as(says("answer " + i + ": TTL of period " + j + " in whole seconds"))
            .isBetween(expiry.minTtl(o), expiry.maxTtl(o));
        if (i > from) {
          assertThat(o.ttl()).as(says("answer " + i + " counts down")).isLessThanOrEqualTo(observations.get(i - 1).ttl());
        }
      }
      if (j + 1 < fetches.size()) {
        assertThat(observations.get(to - 1).sentMs()).as(says("period " + j + " ends no later than its expiry"))
            .isLessThan(expiry.answeredUntilMs());
        if (expiry.answersTtlZero() && maxPollGapMs() < 1000 && sameSecond(expiry)) {
          // Polled more than once a second, the last answer of a period falls in its expiry second:
          // answered with TTL 0, a second of life the model's entry does not have.
          assertThat(observations.get(to - 1).ttl()).as(says("answer " + (to - 1) + ", last of period " + j)).isZero();
        }
        assertThat(observations.get(to).receivedMs()).as(says("period " + j + " is not refetched before its expiry"))
            .isGreaterThanOrEqualTo(expiry.refetchedFromMs());
      }
    }
  }

  /** Whether the store's second is known exactly (its interval did not straddle a second boundary). */
  private static boolean sameSecond(WholeSecondExpiry expiry) {
    return !(expiry instanceof UnboundExpiry u) || u.loS() == u.hiS();
  }

  /**
   * How far a real resolver's letting go of the first answer may lie from the model's expiry
   * (first query's send time + kept), by its clock rule: it may be up to {@code earlyMs} before
   * it (an answer received that much before the model's expiry may already be new) and its first
   * new answer may be sent up to {@code lateMs} after it.
   */
  record LetGo(long earlyMs, long lateMs) {
    /**
     * Unbound: it keeps floor(f) + T to its end, so not before the model (less its clock lag), and
     * up to 1 s + rtt + clock lag + poll gap after.
     */
    static LetGo unbound(List<Observation> obs) {
      return new LetGo(WholeSecondExpiry.CLOCK_LAG_MS,
          1000 + obs.get(0).roundTripMs() + WholeSecondExpiry.CLOCK_LAG_MS + maxPollGapMs(obs));
    }

    /**
     * BIND, dnsmasq: the entry stored at f (in [sent0, received0]) is gone when their clock reaches
     * floor(f) + T, which happens within (model expiry - 1 s - clock lag, model expiry + rtt0 +
     * clock lag]; the first query after it follows within a poll gap.
     */
    static LetGo truncating(List<Observation> obs) {
      return new LetGo(999 + WholeSecondExpiry.CLOCK_LAG_MS,
          obs.get(0).roundTripMs() + WholeSecondExpiry.CLOCK_LAG_MS + maxPollGapMs(obs));
    }
  }

  /**
   * Where the model's predictions disagree with the real answers beyond the resolver's clock rule
   * ({@code letGo}): empty when the model is right. {@code keptS}: how long the model keeps the
   * first answer, so its expiry is the first query's send time + keptS. Outside the interval in
   * which only one of the two has let go, the provenance must agree everywhere, and before it
   * the TTLs differ by less than 1000 ms + the larger round trip + the clock lag (a floor of each
   * of the two instants, when the resolver stored the answer and when it answered, on a clock
   * that may lag the test's).
   */
  List<String> violations(List<Prediction> model, long keptS, LetGo letGo) {
    List<Observation> obs = observations;
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
    if (obs.get(real).receivedMs() < modelExpiry - letGo.earlyMs()) {
      out.add("the real resolver let go at answer " + real + ", " + (modelExpiry - obs.get(real).receivedMs())
          + " ms before the model's expiry; its clock allows " + letGo.earlyMs() + " ms");
    }
    long late = obs.get(real).sentMs() - modelExpiry;
    if (late > letGo.lateMs()) {
      out.add("the real resolver let go " + late + " ms after the model's expiry; its clock allows "
          + letGo.lateMs() + " ms");
    }
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

  /** The longest gap between two consecutive queries: the polling's real resolution. */
  long maxPollGapMs() {
    return maxPollGapMs(observations);
  }

  static long maxPollGapMs(List<Observation> obs) {
    long gap = 0;
    for (int i = 1; i < obs.size(); i++) {
      gap = Math.max(gap, obs.get(i).sentMs() - obs.get(i - 1).sentMs());
    }
    return gap;
  }
}
