package dev.dnsflip.presets;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import dev.dnsflip.simulation.TestScenarios;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * The two published experiments the internet mix is fitted to and checked against, as scenarios of
 * the mix with given {@link InternetMix.Parameters}. docs/POPULATION.md explains each replay and its
 * limits; the fit, the calibration guards, the out-of-sample prediction and the sensitivity runs
 * all build their scenarios here so they measure the same thing.
 */
final class FieldReplays {
  private FieldReplays() {}

  /** Flavel, Mani and Maltz (LANMAN 2014): a 20 s TTL name changes at 10 min; 40 min observed. */
  static Scenario flavel(InternetMix.Parameters p, int clients, int scale, long seed) {
    return transition(p, clients, scale, seed, 20, 1.0 / 60);
  }

  /** A switch of one proxied name with Auto TTL {@code ttl}, clients of the mix at {@code qps} each. */
  static Scenario transition(InternetMix.Parameters p, int clients, int scale, long seed, long ttl, double qps) {
    Account account = new Account(List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), ttl, Account.defaultAnycastV4(),
        Account.defaultAnycastV6(), new SwitchSettings(true, false), List.of());
    List<WeightedQuestion> questions = List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1));
    return new Scenario("flavel-2014", "", seed, 1, 2_400_000, 5_000, InitialCache.STEADY, account, 2,
        new Propagation.Fixed(0), TestScenarios.schedule(600_000), InternetMix.resolvers(scale, p),
        InternetMix.clients(clients, qps, questions, p), List.of());
  }

  /** Stale share of requests in the bucket [60 s, 65 s) after the change. */
  static double staleAt60s(EventReport e) {
    return e.series().share(12);
  }

  /** The RIPE Atlas probes' interval in Moura et al. (IMC 2018): 10 minutes. */
  static final long PROBE_INTERVAL_MS = 600_000;
  /**
   * When the attack starts: 10 minutes, after round 0, in which every probe asked once and filled
   * its cache ("100% Packet loss after t=10min", the figure's caption in the authors' IETF 104
   * DNSOP slides; the arrow drawn at 5 minutes sits between the bars of rounds 0 and 10).
   */
  static final long ATTACK_MS = PROBE_INTERVAL_MS;

  /**
   * Moura et al. (IMC 2018): every probe asks a name of its own (a wildcard answers them all, with
   * TTL {@code ttl}) every 10 minutes at a phase of its own, as Atlas probes do, through a resolver
   * of the mix, cold caches; from {@link #ATTACK_MS} to the end both nameservers lose each query
   * with probability {@code loss}. A switch at the attack (the records are DNS-only, so it changes
   * no answer) makes the window whose 10-minute buckets are the rounds: each holds exactly one
   * query a probe.
   */
  static Scenario outage(InternetMix.Parameters p, int probes, int scale, long seed, long ttl, double loss,
      long durationMs) {
    DnsRecord wildcard = TestScenarios.a("*.example.com", "192.0.2.10", ttl, false);
    Account account = TestScenarios.account(300, List.of(TestScenarios.zone("example.com", wildcard)), List.of());
    List<ClientGroup> groups = new ArrayList<>();
    for (int i = 0; i < probes; i++) {
      groups.add(new ClientGroup("probe-" + i, 1, 1000.0 / PROBE_INTERVAL_MS, Map.of(),
          List.of(new WeightedQuestion(TestScenarios.question("p" + i + ".example.com", Type.A), 1)))
          .withEvery(PROBE_INTERVAL_MS));
    }
    return Scenario.builder().name("moura-2018").seed(seed).replications(1).durationMs(durationMs)
        .bucketMs(PROBE_INTERVAL_MS).initialCache(InitialCache.COLD).account(account)
        .propagation(new Propagation.Fixed(0)).schedule(TestScenarios.schedule(ATTACK_MS))
        .resolverGroups(InternetMix.resolvers(scale, p)).clientGroups(groups)
        .outages(List.of(new Outage(ATTACK_MS, durationMs, loss, List.of()))).build();
  }

  /**
   * Answered queries per 10-minute round after the attack starts, relative to round 0 (before the
   * attack, with nothing lost, every probe got its answer): the paper's "OK count relative to the
   * round before the attack". Each round holds one query a probe, so round 0's count is the probes.
   */
  static double[] relativeAnswered(Scenario s, RunResult r) {
    long[] uses = r.events().get(0).series().uses();
    double probes = r.summary().clients();
    double[] relative = new double[uses.length];
    for (int k = 0; k < uses.length; k++) {
      relative[k] = uses[k] / probes;
    }
    return relative;
  }

  /** Answered share of every query during the attack (the drafts' "got an answer"): one query a probe a round. */
  static double answeredDuringAttack(Scenario s, RunResult r) {
    long answered = 0;
    for (long u : r.events().get(0).series().uses()) {
      answered += u;
    }
    double rounds = (double) (s.durationMs() - ATTACK_MS) / PROBE_INTERVAL_MS;
    return answered / (r.summary().clients() * rounds);
  }

  static RunResult run(Scenario s) {
    return new Simulation(s, 2).run();
  }
}
