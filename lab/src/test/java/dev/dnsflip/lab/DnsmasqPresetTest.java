package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.LabTransition.LetGo;
import dev.dnsflip.lab.ModelReplay.Prediction;
import dev.dnsflip.resolver.ResolverBehaviour;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * Real dnsmasq 2.90 (Debian 12's dnsmasq-base) as a caching forwarder, in real time with a 4 s
 * Auto TTL, checked against the simulator's dnsmasq-2.90 presets: straight in front of the lab
 * authority (so its own fetches are seen), and in front of a real Unbound 1.17 (the realistic
 * topology, and the "chain of remaining-TTL caches" law of ARCHITECTURE.md), where its forwards
 * are read from its query log.
 *
 * <p>Tolerances come from the clocks: dnsmasq's is whole seconds and drops an entry when it
 * reaches second floor(f) + TTL ({@link TruncatingExpiry}); behind Unbound the chain follows
 * Unbound's ({@link UnboundExpiry}). Nothing here is tuned: every bound is stated with its reason.
 */
class DnsmasqPresetTest {
  private static final Path BINARY = DnsmasqLab.DEFAULT_BINARY;
  private static final Question WWW_A = new Question(WWW, Type.A);

  private static String version;
  private static String unboundVersion;

  private final Account account = LabAccount.account();

  @BeforeAll
  static void requireDnsmasq290AndUnbound117() throws IOException {
    assertThat(Files.isExecutable(BINARY)).as("dnsmasq is not installed at %s; %s", BINARY, DnsmasqLab.INSTALL_HINT)
        .isTrue();
    version = DnsmasqLab.version(BINARY);
    assertThat(version).as("the dnsmasq-2.90 presets cite 2.90 (Debian 12), but %s -v reports %s", BINARY, version)
        .isEqualTo("2.90");
    assertThat(Files.isExecutable(UnboundLab.DEFAULT_BINARY))
        .as("Unbound is not installed at %s; %s", UnboundLab.DEFAULT_BINARY, UnboundLab.INSTALL_HINT).isTrue();
    unboundVersion = UnboundLab.version(UnboundLab.DEFAULT_BINARY);
    assertThat(unboundVersion).as("the chain test uses the unbound-1.17 preset").startsWith("1.17.");
  }

  /**
   * Straight in front of the authority: anycast -> origin as the dnsmasq-2.90 preset (TTL
   * honouring) predicts, within dnsmasq's whole-second clock, which lets go when it reaches the
   * expiry second (like BIND, unlike Unbound) and so never answers TTL 0.
   */
  @Test
  void passesOnTheRemainingTtlAndLetsGoWhenItsClockReachesTheExpirySecond(@TempDir Path dir) throws Exception {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
        DnsmasqLab dnsmasq = DnsmasqLab.start(BINARY, DnsmasqSettings.against(authority), dir)) {
      LabTransition t = LabTransition.observe("dnsmasq " + version, account, authority, dnsmasq.address(), WWW_A, 2,
          (seen, log) -> log.count(WWW_A) >= 2 && last(seen).sentMs() >= seen.get(0).sentMs() + AUTO_TTL_S * 1000,
          AUTO_TTL_S * 1000 + 3 * 1000, dnsmasq::log);
      List<Observation> obs = t.observations();

      assertThat(obs.get(0).ttl()).as(t.says("the first answer carries the full Auto TTL")).isEqualTo(AUTO_TTL_S);
      t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
      t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, AUTO_TTL_S, AUTO_TTL_S);
      assertThat(obs).as(t.says("dnsmasq never answers a cached entry with TTL 0")).allSatisfy(o ->
          assertThat(o.ttl()).isPositive());
      assertThat(t.allQueries()).as(t.says("the authority saw nothing but these fetches (no RA needed)")).hasSize(2);

      List<Prediction> model = ModelReplay.replay(account, WWW_A, LabPresets.preset("dnsmasq-2.90"), false, t.flipMs(), obs);
      assertThat(t.violations(model, AUTO_TTL_S, LetGo.truncating(obs))).as(t.says("dnsmasq-2.90 preset vs real"))
          .isEmpty();
    }
  }

  /**
   * dnsmasq in front of Unbound: each copy it takes carries Unbound's remaining TTL and its clock
   * reaches that expiry when Unbound's does, so it keeps nothing longer than Unbound: the chain's
   * transition ends with Unbound's own expiry (the chain law), including Unbound's extra whole
   * second. In that second Unbound answers TTL 0, which dnsmasq does not cache (cache.c: "we
   * don't cache zero-TTL records unless we're doing stale-caching"), so every client query in it
   * is forwarded. The model (unbound-1.17, then dnsmasq-2.90 forwarding to it) agrees within
   * Unbound's last second.
   */
  @Test
  void inFrontOfUnboundKeepsNothingLongerThanUnboundSoTheChainEndsAtUnboundsExpiry(@TempDir Path dir)
      throws Exception {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
        UnboundLab unbound = UnboundLab.start(UnboundSettings.against(authority, Loopback.v4(54)),
            dir.resolve("unbound"));
        DnsmasqLab dnsmasq = DnsmasqLab.start(BINARY, DnsmasqSettings.inFrontOf(unbound).logQueries(),
            dir.resolve("dnsmasq"))) {
      LabTransition t = LabTransition.observe("dnsmasq " + version + " -> Unbound " + unboundVersion, account,
          authority, dnsmasq.address(), WWW_A, 2, (seen, log) -> log.count(WWW_A) >= 2,
          (AUTO_TTL_S + 1) * 1000 + 3 * 1000, () -> "dnsmasq:\n" + dnsmasq.log() + "unbound:\n" + unbound.log());
      List<Observation> obs = t.observations();

      assertThat(obs.get(0).ttl()).as(t.says("the first answer carries the full Auto TTL")).isEqualTo(AUTO_TTL_S);
      t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
      // The chain's answers follow Unbound's clock: counting down to TTL 0 in its last second.
      t.assertOneFetchPerPeriodCountingDownInWholeSeconds(UnboundExpiry::storedBetween, AUTO_TTL_S, AUTO_TTL_S);

      List<Boolean> forwarded = awaitQueryLog(dnsmasq, obs.size());
      List<Integer> fetching = t.fetchingQueries();
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i < obs.size(); i++) {
        if (fetching.contains(i) || obs.get(i).ttl() == 0) {
          expected.add(i);
        }
      }
      List<Integer> actual = new ArrayList<>();
      for (int i = 0; i < forwarded.size(); i++) {
        if (forwarded.get(i)) {
          actual.add(i);
        }
      }
      assertThat(actual).as(t.says("dnsmasq forwarded the queries that made Unbound fetch, and each one Unbound "
          + "answered with TTL 0 (not cached)")).containsAll(expected);
      // dnsmasq lets go up to 1 s early (its own whole seconds, a finding above): when Unbound's
      // second ticks between its answer and dnsmasq's storing, dnsmasq's copy lapses before
      // Unbound's and it asks Unbound once more in that period, answered from Unbound's cache
      // (not a fetch, TTL above 0). Nothing else is forwarded.
      List<Integer> extra = new ArrayList<>(actual);
      extra.removeAll(expected);
      assertThat(extra.size()).as(t.says("at most one early refresh per Unbound period")).isLessThanOrEqualTo(fetching.size());
      for (int x : extra) {
        assertThat(obs.get(x).ttl()).as(t.says("answer " + x + ", an early refresh from Unbound's cache")).isPositive();
      }
      UnboundExpiry first = UnboundExpiry.storedBetween(t.fetches().get(0).atMillis(), obs.get(0).receivedMs(),
          AUTO_TTL_S);
      if (t.maxPollGapMs() < 1000 && first.loS() == first.hiS()) {
        // Unbound and dnsmasq stored the answer in the same second (known when the fetch and the client's
        // answer fell in one), so dnsmasq's copy expires as Unbound's last second begins: each query in
        // that second is forwarded and answered TTL 0.
        assertThat(expected.size()).as(t.says("polled 5 times a second, Unbound's last second is seen"))
            .isGreaterThan(fetching.size());
      }

      List<Prediction> model = ModelReplay.replay(account, WWW_A, List.of(LabPresets.preset("unbound-1.17"),
          LabPresets.preset("dnsmasq-2.90")), false, t.flipMs(), List.of(), obs);
      assertThat(t.violations(model, AUTO_TTL_S, LetGo.unbound(obs)))
          .as(t.says("unbound-1.17 -> dnsmasq-2.90 chain preset vs real")).isEmpty();
    }
  }

  /**
   * use-stale-cache: an expired entry is answered with TTL 0 and refreshed behind the answer, as
   * the dnsmasq-2.90-use-stale-cache preset says; but dnsmasq only counts an entry stale once its
   * clock is past the expiry second (rfc1035.c crec_isstale: ttd < now), and in that second it
   * answers it with TTL 0 without refreshing. So the old answer is served for every query of the
   * expiry second, then once more to the query that starts the refresh, up to 1 s (+ a round trip
   * and a poll gap) later than the model's single stale answer.
   */
  @Test
  void useStaleCacheAnswersTtl0ThroughTheExpirySecondAndRefreshesOnlyAfterIt(@TempDir Path dir) throws Exception {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
        DnsmasqLab dnsmasq = DnsmasqLab.start(BINARY, DnsmasqSettings.against(authority).useStaleCache(), dir)) {
      LabTransition t = LabTransition.observe("dnsmasq " + version + " use-stale-cache", account, authority,
          dnsmasq.address(), WWW_A, 2,
          (seen, log) -> log.count(WWW_A) >= 2 && last(seen).provenance(account) == Provenance.ORIGIN,
          (AUTO_TTL_S + 1) * 1000 + 3 * 1000, dnsmasq::log);
      List<Observation> obs = t.observations();
      t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
      int origin = t.firstIndex(Provenance.ORIGIN);
      // The refresh goes out behind the stale answer, maybe after the client had it: it belongs to the
      // last query sent before it, and it came before the next query was sent.
      long refreshAt = t.fetches().get(1).atMillis();
      int refreshing = origin - 1;
      assertThat(obs.get(refreshing).sentMs()).as(t.says("the refresh followed the query just before the first "
          + "origin answer")).isLessThanOrEqualTo(refreshAt);
      assertThat(refreshAt).as(t.says("and came before the next query")).isLessThan(obs.get(origin).sentMs());
      assertThat(obs.get(refreshing).ttl()).as(t.says("that query got the stale answer, TTL 0")).isZero();
      int firstZero = 0;
      while (obs.get(firstZero).ttl() > 0) {
        firstZero++;
      }
      for (int i = firstZero; i <= refreshing; i++) {
        assertThat(obs.get(i).ttl()).as(t.says("answer " + i + ": the expired entry, TTL 0")).isZero();
      }
      UnboundExpiry expiry = UnboundExpiry.storedBetween(t.fetches().get(0).atMillis(), obs.get(0).receivedMs(),
          AUTO_TTL_S);
      assertThat(obs.get(firstZero).receivedMs()).as(t.says("TTL 0 from the expiry second on"))
          .isGreaterThanOrEqualTo(expiry.loS() * 1000);
      assertThat(obs.get(refreshing).receivedMs()).as(t.says("no refresh before the expiry second is over"))
          .isGreaterThanOrEqualTo(expiry.refetchedFromMs());
      assertThat(obs.get(refreshing - 1).sentMs()).as(t.says("the refresh comes with the first query after it"))
          .isLessThan(expiry.answeredUntilMs());
      if (t.maxPollGapMs() < 1000 && expiry.loS() == expiry.hiS()) {
        assertThat(refreshing - firstZero).as(t.says("TTL-0 answers before the refresh: the expiry second's"))
            .isPositive();
      }

      ResolverBehaviour stale = LabPresets.preset("dnsmasq-2.90-use-stale-cache");
      List<Prediction> model = ModelReplay.replay(account, WWW_A, stale, false, t.flipMs(), obs);
      int modelOrigin = -1;
      for (int i = 0; i < model.size() && modelOrigin < 0; i++) {
        if (model.get(i).provenance() == Provenance.ORIGIN) {
          modelOrigin = i;
        }
      }
      String modelSays = t.says("model: " + model);
      assertThat(modelOrigin).as(modelSays).isGreaterThan(1);
      assertThat(model.get(modelOrigin - 1)).as(modelSays + "\nthe model's refreshing query got the stale answer, "
          + "TTL 0, as dnsmasq's did").isEqualTo(new Prediction(Provenance.ANYCAST, 0, true));
      assertThat(model.subList(modelOrigin, model.size())).as(modelSays).allSatisfy(p ->
          assertThat(p.provenance()).isEqualTo(Provenance.ORIGIN));
      long modelExpiry = obs.get(0).sentMs() + AUTO_TTL_S * 1000;
      assertThat(obs.get(refreshing).receivedMs()).as(t.says("dnsmasq refreshes no earlier than the model"))
          .isGreaterThanOrEqualTo(modelExpiry - LetGo.unbound(obs).earlyMs());
      assertThat(obs.get(refreshing).sentMs() - modelExpiry)
          .as(t.says("and at most its expiry second (+ round trip + clock lag + poll gap) later"))
          .isLessThanOrEqualTo(LetGo.unbound(obs).lateMs());
    }
  }

  /** dnsmasq writes its log as it goes; waits until it holds a line for each query asked. */
  private static List<Boolean> awaitQueryLog(DnsmasqLab dnsmasq, int queries) {
    List<List<Boolean>> out = new ArrayList<>();
    await("dnsmasq logging " + queries + " queries").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
        .until(() -> {
          List<Boolean> seen = DnsmasqQueries.forwarded(dnsmasq.log(), WWW, "A");
          out.add(seen);
          return seen.size() >= queries;
        });
    List<Boolean> last = out.get(out.size() - 1);
    assertThat(last).as("dnsmasq's log:\n%s", dnsmasq.log()).hasSize(queries);
    return last;
  }

  private static Observation last(List<Observation> seen) {
    return seen.get(seen.size() - 1);
  }
}
