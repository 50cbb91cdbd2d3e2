package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.ModelReplay.Prediction;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ServeStale;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * A forwarder chain of real software: dnsmasq 2.90 forwarding to Unbound 1.17.1 with {@code
 * serve-expired: yes}, against the simulator's chain of the same presets ({@code
 * unbound-1.17-serve-expired}, then {@code dnsmasq-2.90} forwarding to it, as a scenario's
 * {@code forwardTo} builds it). Where caches compound: Unbound answers the expired entry once with
 * its reply TTL and refreshes, and dnsmasq keeps that stale answer for the whole reply TTL, so the
 * chain lets go of the old answer a reply TTL after Unbound alone would.
 *
 * <p>Compressed time: Auto TTL 4 s, and {@code serve-expired-reply-ttl} 8 s (not the default 30 s,
 * to keep the test short), the model given the same 8 s.
 *
 * <p>The tolerance, from the clocks and the probe interval: the model keeps Unbound's whole
 * seconds (its preset's clock), measured on the test's clock where Unbound's lags by up to
 * {@link WholeSecondExpiry#CLOCK_LAG_MS} and stores within the first answer's round trip; dnsmasq
 * truncates (gone as its whole-second clock reaches floor(stored) + TTL), up to 1 s + the clock lag
 * before the model's millisecond expiry. So the real letting-go instant lies within [-(1000 + lag),
 * rtt + lag] of the model's, and the first real origin answer within that plus one probe gap of the
 * model's first origin answer on the same queries.
 */
class ForwarderChainTest {
  private static final Question WWW_A = new Question(WWW, Type.A);
  private static final long REPLY_TTL_S = 8;
  /**
   * How long to keep asking after the first origin answer: dnsmasq may let go up to 1 s (+ clock
   * lag) before the model, whose change must fall inside the run to be compared; two polls more.
   */
  private static final long MODEL_MAY_LAG_MS = 1000 + WholeSecondExpiry.CLOCK_LAG_MS + 2 * LabTransition.POLL_MS;

  private final Account account = LabAccount.account();

  @BeforeAll
  static void requireBoth() throws IOException {
    assertThat(Files.isExecutable(DnsmasqLab.DEFAULT_BINARY)).as(DnsmasqLab.INSTALL_HINT).isTrue();
    assertThat(Files.isExecutable(UnboundLab.DEFAULT_BINARY)).as(UnboundLab.INSTALL_HINT).isTrue();
    assertThat(UnboundLab.version(UnboundLab.DEFAULT_BINARY)).startsWith("1.17.");
    assertThat(DnsmasqLab.version(DnsmasqLab.DEFAULT_BINARY)).isEqualTo("2.90");
  }

  /** Enable (anycast -> origin) and disable (origin -> anycast): the chain keeps the old answer alike. */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void dnsmasqKeepsUnboundsStaleAnswerForItsReplyTtlAsTheModelledChainDoes(boolean initiallyEnabled, @TempDir Path dir)
      throws Exception {
    Provenance before = initiallyEnabled ? Provenance.ORIGIN : Provenance.ANYCAST;
    Provenance after = initiallyEnabled ? Provenance.ANYCAST : Provenance.ORIGIN;
    try (LabAuthority authority = startAuthority(initiallyEnabled);
        UnboundLab unbound = UnboundLab.start(UnboundSettings.against(authority, Loopback.v4(54)).serveExpired(true)
            .serveExpiredReplyTtl(REPLY_TTL_S), dir.resolve("unbound"));
        DnsmasqLab dnsmasq = DnsmasqLab.start(DnsmasqSettings.inFrontOf(unbound), dir.resolve("dnsmasq"))) {
      // Three fetches: the old answer; the refresh behind Unbound's stale answer (the new one); and, when
      // dnsmasq's stale copy runs out (8 s later, past the new entry's 4 s), the refresh behind
      // Unbound's stale new answer, which is the first new answer clients get.
      LabTransition t = LabTransition.observe("dnsmasq -> Unbound serve-expired", account, authority,
          dnsmasq.address(), WWW_A, 3,
          (seen, log) -> log.count(WWW_A) >= 3 && pastFirst(after, seen, MODEL_MAY_LAG_MS),
          (AUTO_TTL_S + 1 + REPLY_TTL_S + 1) * 1000 + 3 * 1000 + MODEL_MAY_LAG_MS,
          () -> "dnsmasq:\n" + dnsmasq.log() + "unbound:\n" + unbound.log());
      List<Observation> obs = t.observations();
      t.assertSwitchesOnce(before, after);
      int stale = firstWithTtlAbove(obs, AUTO_TTL_S);
      assertThat(stale).as(t.says("Unbound's stale answer passes through dnsmasq")).isPositive();
      assertThat(obs.get(stale).ttl()).as(t.says("with the reply TTL")).isEqualTo(REPLY_TTL_S);
      assertThat(obs.get(stale).provenance(account)).isEqualTo(before);
      int origin = t.firstIndex(after);
      long staleWindowMs = obs.get(origin).sentMs() - obs.get(stale).sentMs();
      assertThat(staleWindowMs).as(t.says("dnsmasq keeps the stale answer for the reply TTL (truncating: up to 1 s "
          + "less), plus a probe gap")).isBetween((REPLY_TTL_S - 1) * 1000 - WholeSecondExpiry.CLOCK_LAG_MS,
          REPLY_TTL_S * 1000 + t.maxPollGapMs() + WholeSecondExpiry.CLOCK_LAG_MS);

      List<Prediction> model = ModelReplay.replay(account, WWW_A, List.of(unboundServeExpired(REPLY_TTL_S),
          preset("dnsmasq-2.90")), initiallyEnabled, t.flipMs(), List.of(), obs);
      int modelOrigin = firstWith(after, model);
      String modelSays = t.says("model: " + model);
      assertThat(modelOrigin).as(modelSays).isPositive();
      assertThat(model.get(firstWithTtlAboveMs(model, AUTO_TTL_S * 1000)).ttlMs()).as(modelSays)
          .isEqualTo(REPLY_TTL_S * 1000);
      long rtt = obs.stream().mapToLong(Observation::roundTripMs).max().orElseThrow();
      long gap = t.maxPollGapMs();
      long lag = WholeSecondExpiry.CLOCK_LAG_MS;
      long diff = obs.get(origin).sentMs() - obs.get(modelOrigin).sentMs();
      System.out.printf("chain dnsmasq 2.90 -> Unbound 1.17 serve-expired, %s: new answer from +%d ms after the "
          + "switch (real), +%d ms (model); stale reply TTL %d s%n", initiallyEnabled ? "disable" : "enable",
          obs.get(origin).sentMs() - t.flipMs(), obs.get(modelOrigin).sentMs() - t.flipMs(), REPLY_TTL_S);
      assertThat(diff).as(modelSays + "\nreal minus model first new answer, within [-(1000 + lag + gap), rtt + lag "
          + "+ gap]").isBetween(-(1000 + lag + gap), rtt + lag + gap);

      List<Prediction> plain = ModelReplay.replay(account, WWW_A, List.of(preset("unbound-1.17"),
          preset("dnsmasq-2.90")), initiallyEnabled, t.flipMs(), List.of(), obs);
      assertThat(obs.get(origin).sentMs() - obs.get(firstWith(after, plain)).sentMs())
          .as(t.says("a chain without serve-expired lets go a reply TTL earlier, which the lab must see"))
          .isGreaterThan(rtt + lag + gap);
    }
  }

  private LabAuthority startAuthority(boolean enabled) throws IOException {
    LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
    if (enabled) {
      authority.enable();
    }
    return authority;
  }

  /** Whether the last query came {@code ms} or more after the first answer of provenance {@code p}. */
  private boolean pastFirst(Provenance p, List<Observation> seen, long ms) {
    for (Observation o : seen) {
      if (o.provenance(account) == p) {
        return seen.get(seen.size() - 1).sentMs() >= o.sentMs() + ms;
      }
    }
    return false;
  }

  /** The unbound-1.17-serve-expired preset with {@code serve-expired-reply-ttl} set as the lab's Unbound has it. */
  private static ResolverBehaviour unboundServeExpired(long replyTtlS) {
    ResolverBehaviour b = preset("unbound-1.17-serve-expired");
    ServeStale s = b.serveStale();
    return b.withServeStale(new ServeStale(s.enabled(), replyTtlS, s.maxStaleS(), s.clientTimeoutMs(),
        s.refreshRetryMs(), s.resetOnFailure(), s.replyTtlCappedByOriginal()));
  }

  private static int firstWithTtlAbove(List<Observation> obs, long ttlS) {
    for (int i = 0; i < obs.size(); i++) {
      if (obs.get(i).ttl() > ttlS) {
        return i;
      }
    }
    return -1;
  }

  private static int firstWithTtlAboveMs(List<Prediction> model, long ttlMs) {
    for (int i = 0; i < model.size(); i++) {
      if (model.get(i).ttlMs() > ttlMs) {
        return i;
      }
    }
    throw new AssertionError("the model never answered stale: " + model);
  }

  private static int firstWith(Provenance p, List<Prediction> model) {
    for (int i = 0; i < model.size(); i++) {
      if (model.get(i).provenance() == p) {
        return i;
      }
    }
    return -1;
  }

  private static ResolverBehaviour preset(String name) {
    return Presets.resolver(name).orElseThrow().behaviour();
  }
}
