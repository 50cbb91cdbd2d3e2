package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.AUTO_TTL_S;
import static dev.dnsflip.lab.LabAccount.NEGATIVE_TTL_S;
import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Question;
import dev.dnsflip.lab.LabTransition.LetGo;
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
 * Real PowerDNS Recursor 4.8 (Debian 12's pdns-recursor, default settings but for DNSSEC and the
 * security poll) against the lab authority, in real time with a 4 s Auto TTL, checked against the
 * simulator's pdns-recursor-4.8 presets: the same queries at the same instants are replayed
 * through {@code CachingResolver}.
 *
 * <p>Tolerances come from pdns_recursor's whole-second clock, which truncates as BIND's and
 * dnsmasq's do ({@link TruncatingExpiry}: gone as its clock reaches floor(stored) + TTL, never
 * answered with TTL 0), so it lets go up to 1 s before the model (plus a round trip, the clock lag
 * and the gap to the next poll, all measured). Nothing here is tuned: every bound is stated with
 * its reason.
 */
class PdnsPresetTest {
  private static final Path BINARY = PdnsLab.DEFAULT_BINARY;
  private static final Question WWW_A = new Question(WWW, Type.A);
  private static final Question WWW_AAAA = new Question(WWW, Type.AAAA);
  /** A minimum-ttl-override above the Auto TTL (4 s) and the negative TTL (3 s). */
  private static final long MIN_TTL_S = 6;

  private static final Question ROOT_NS = new Question(org.xbill.DNS.Name.root, Type.NS);

  private static String version;

  private final Account account = LabAccount.account();

  @BeforeAll
  static void requirePdns48() throws IOException {
    assertThat(Files.isExecutable(BINARY)).as("PowerDNS Recursor is not installed at %s; %s", BINARY,
        PdnsLab.INSTALL_HINT).isTrue();
    version = PdnsLab.version(BINARY);
    assertThat(version).as("the pdns-recursor-4.8 presets cite 4.8 (Debian 12), but %s --version reports %s",
        BINARY, version).startsWith("4.8.");
  }

  /** Anycast -> origin through the default configuration: the pdns-recursor-4.8 preset. */
  @Test
  void cachesAnycastCountingDownAndKeepsItPastTheSwitchUntilItsExpirySecondBegins(@TempDir Path dir)
      throws Exception {
    // Three fetches: the anycast answer, the origin answer it gave way to, and that one's renewal.
    LabTransition t = transition(dir, s -> s, WWW_A, false, 3, fetchedAndPast(WWW_A, 3, 2 * AUTO_TTL_S),
        2 * AUTO_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("the first answer carries the full Auto TTL")).isEqualTo(AUTO_TTL_S);
    t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, AUTO_TTL_S, AUTO_TTL_S,
        AUTO_TTL_S);
    assertThat(obs).as(t.says("pdns_recursor never answers a cached entry with TTL 0"))
        .allSatisfy(o -> assertThat(o.ttl()).isPositive());
    assertThat(t.allQueries()).extracting(QueryLog.Received::question)
        .as(t.says("the authority saw these fetches and pdns_recursor's own root priming (. NS), nothing else"))
        .containsOnly(WWW_A, ROOT_NS).filteredOn(WWW_A::equals).hasSize(3);

    assertThat(violations(t, LabPresets.preset("pdns-recursor-4.8"), false, AUTO_TTL_S))
        .as(t.says("pdns-recursor-4.8 preset vs real")).isEmpty();
  }

  /** minimum-ttl-override above the TTL: the stale answer is kept, and handed out, with the floor. */
  @Test
  void minimumTtlOverrideKeepsAndHandsOutTheFloor(@TempDir Path dir) throws Exception {
    LabTransition t = transition(dir, s -> s.minimumTtlOverride(MIN_TTL_S), WWW_A, false, 2,
        fetchedAndPast(WWW_A, 2, MIN_TTL_S), MIN_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).ttl()).as(t.says("clients see the floor, not the Auto TTL 4")).isEqualTo(MIN_TTL_S);
    t.assertSwitchesOnce(Provenance.ANYCAST, Provenance.ORIGIN);
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, MIN_TTL_S, MIN_TTL_S);

    ResolverBehaviour floored = LabPresets.withFloor(LabPresets.preset("pdns-recursor-4.8"), MIN_TTL_S);
    assertThat(violations(t, floored, false, MIN_TTL_S))
        .as(t.says("pdns-recursor-4.8 with TtlClamps(6, 86400, 6, 3600) vs real")).isEmpty();
    assertThat(violations(t, LabPresets.preset("pdns-recursor-4.8"), false, AUTO_TTL_S))
        .as(t.says("without the floor the model lets go 2 s early, which the lab must see")).isNotEmpty();
  }

  /** NODATA (AAAA under the switch) is kept min(SOA TTL, MINIMUM) = 3 s, then the anycast AAAA returns. */
  @Test
  void nodataIsNegativeCachedForTheSoaMinimumOfTtlAndMinimum(@TempDir Path dir) throws Exception {
    LabTransition t = transition(dir, s -> s, WWW_AAAA, true, 2, fetchedAndPast(WWW_AAAA, 2, NEGATIVE_TTL_S),
        NEGATIVE_TTL_S * 1000 + 3 * 1000);
    List<Observation> obs = t.observations();

    assertThat(obs.get(0).rcode()).isEqualTo(Rcode.NOERROR);
    assertThat(obs.get(0).ttl()).as(t.says("SOA TTL in the NODATA answer = min(3, 60)")).isEqualTo(NEGATIVE_TTL_S);
    t.assertSwitchesOnce(Provenance.NEGATIVE, Provenance.ANYCAST);
    t.assertOneFetchPerPeriodCountingDownInWholeSeconds(TruncatingExpiry::storedBetween, NEGATIVE_TTL_S, AUTO_TTL_S);

    assertThat(violations(t, LabPresets.preset("pdns-recursor-4.8"), true, NEGATIVE_TTL_S))
        .as(t.says("pdns-recursor-4.8 preset vs real")).isEmpty();
  }

  // --- the run -------------------------------------------------------------------------------

  private LabTransition transition(Path dir, UnaryOperator<PdnsSettings> settings, Question q,
      boolean initiallyEnabled, int expectedFetches, BiPredicate<List<Observation>, QueryLog> done, long limitMs)
      throws IOException, InterruptedException {
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0))) {
      if (initiallyEnabled) {
        authority.enable();
      }
      try (PdnsLab pdns = PdnsLab.start(BINARY, settings.apply(PdnsSettings.against(authority)), dir)) {
        return LabTransition.observe("PowerDNS Recursor " + version, account, authority, pdns.address(), q,
            expectedFetches, done, limitMs, pdns::log);
      }
    }
  }

  private List<String> violations(LabTransition t, ResolverBehaviour behaviour, boolean initiallyEnabled, long keptS) {
    List<Observation> obs = t.observations();
    List<Prediction> model = ModelReplay.replay(account, new Question(WWW, t.questionType()), behaviour,
        initiallyEnabled, t.flipMs(), obs);
    return t.violations(model, keptS, LetGo.truncating(obs));
  }

  /** Done once {@code fetches} fetches were seen and the model's expiry ({@code keptS}) has passed. */
  private static BiPredicate<List<Observation>, QueryLog> fetchedAndPast(Question q, int fetches, long keptS) {
    return LabTransition.fetchedAndPast(q, fetches, keptS * 1000);
  }
}
