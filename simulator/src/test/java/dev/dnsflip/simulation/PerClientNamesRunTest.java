package dev.dnsflip.simulation;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Whole runs of clients asking names of their own: the renewal hit share, and memory in proportion to clients. */
class PerClientNamesRunTest {
  /**
   * A wildcard answers probe-{client}.example.com with TTL {@code ttlSeconds}; {@code clients} plain
   * clients in one group ask their own names at {@code perSecond} each, behind {@code resolvers}
   * TTL-honouring caches; no switch.
   */
  static Scenario ownNames(int clients, int resolvers, double perSecond, long ttlSeconds, long durationMs, long seed) {
    return ownNames(clients, resolvers, perSecond, ttlSeconds, durationMs, seed, InitialCache.STEADY);
  }

  static Scenario ownNames(int clients, int resolvers, double perSecond, long ttlSeconds, long durationMs, long seed,
      InitialCache init) {
    Account account = TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
        a("*.example.com", "192.0.2.9", ttlSeconds, false))), List.of());
    return Scenario.builder().name("own-names").seed(seed).replications(1).durationMs(durationMs).bucketMs(60_000)
        .initialCache(init).account(account).propagation(new Propagation.Fixed(0))
        .schedule(TestScenarios.schedule())
        .resolverGroups(List.of(new ResolverGroup("r", resolvers)))
        .clientGroups(List.of(new ClientGroup("probes", clients, perSecond, Map.of(),
            List.of(new WeightedQuestion(question("probe-{client}.example.com", Type.A), 1)))))
        .build();
  }

  /**
   * Renewal: after each miss a client's own entry is fresh for T, in which its Poisson(λ) queries
   * hit; the next query misses. A cycle is 1 miss + K hits, K ~ Poisson(λT), so the hit share is
   * λT/(1+λT). Over C cycles the share K̄/(1+K̄) has, by the delta method, a standard deviation of
   * √(λT/C)/(1+λT)²; a stationary start makes the window's expected counts exact.
   */
  @Test
  void hitShareOfOwnNamesIsTheRenewalShare() {
    double lambda = 1.0 / 30; // per second
    long ttl = 60;
    int clients = 400;
    RunSummary run = new Simulation(ownNames(clients, 1, lambda, ttl, 7_200_000, 20261202), 1, Mode.EVENTS).run()
        .summary();

    double m = lambda * ttl;
    double expected = m / (1 + m);
    double cycles = run.queries() / (1 + m);
    double sd = Math.sqrt(m / cycles) / Math.pow(1 + m, 2);
    double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.001 / 2);
    assertThat(run.cacheHitRatio()).isCloseTo(expected, org.assertj.core.data.Offset.offset(z * sd));
    // Power: were the name shared, the clients' summed rate would give Nλ·T/(1+Nλ·T), far outside.
    double shared = clients * m / (1 + clients * m);
    assertThat(Math.abs(shared - expected)).isGreaterThan(10 * z * sd);
    assertThat(run.eventByEventBecause()).containsOnlyKeys("event by event was asked for");
  }

  /**
   * The stationary start fills each client's own entry with that client's rate: over a window of
   * five TTLs the hit share is already the renewal share. Started cold, each client's first query
   * misses, which the same tolerance tells apart.
   */
  @Test
  void ownEntriesStartStationary() {
    double lambda = 1.0 / 30;
    long ttl = 60;
    double m = lambda * ttl;
    double expected = m / (1 + m);
    double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.001 / 2);
    RunSummary steady = new Simulation(ownNames(2_000, 4, lambda, ttl, 300_000, 7), 2, Mode.EVENTS).run().summary();
    double sd = Math.sqrt(m / (steady.queries() / (1 + m))) / Math.pow(1 + m, 2);
    assertThat(steady.cacheHitRatio()).isCloseTo(expected, org.assertj.core.data.Offset.offset(z * sd));

    RunSummary cold = new Simulation(ownNames(2_000, 4, lambda, ttl, 300_000, 7, InitialCache.COLD), 2, Mode.EVENTS)
        .run().summary();
    assertThat(Math.abs(cold.cacheHitRatio() - expected)).as("cold caches: every client's first query misses")
        .isGreaterThan(z * sd);
  }

  @Test
  void ownNamesMayNotReachCacheLogicThroughTheSpiButMayReachOtherGroups() {
    Scenario s = ownNames(10, 2, 1.0 / 20, 60, 300_000, 3);
    ResolverGroup logic = new ResolverGroup("logic", 1).withLogic(dev.dnsflip.spi.LogicChoice.MODEL);
    ResolverGroup forwarders = new ResolverGroup("fwd", 1).withForwardTo("logic");
    ClientGroup probes = s.clientGroups().get(0);

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> s.toBuilder()
            .resolverGroups(List.of(s.resolverGroups().get(0), logic, forwarders))
            .clientGroups(List.of(probes.withResolverShares(Map.of("fwd", 1.0)))).build())
        .hasMessage("client group 'probes' asks names of each client's own, and its queries reach resolver group "
            + "'logic', whose caches run logic: model (the resolver SPI is handed questions, not clients, so it "
            + "cannot keep each client's name apart); use the built-in cache there");
    assertThat(s.toBuilder().resolverGroups(List.of(s.resolverGroups().get(0), logic, forwarders))
        .clientGroups(List.of(probes.withResolverShares(Map.of("r", 1.0)))).build().clientGroups())
        .as("shares that keep the probes away from the logic").hasSize(1);
  }

  @Test
  void sameSeedSameResultOnOneOrTwoThreads() {
    Scenario s = ownNames(1_000, 6, 1.0 / 20, 60, 300_000, 3);
    assertThat(new Simulation(s, 2, Mode.EVENTS).run()).isEqualTo(new Simulation(s, 1, Mode.EVENTS).run());
  }

  @Test
  void theBudgetCountsOwnEntriesInProportionToClients() {
    Scenario small = ownNames(15_000, 10, 1.0 / 60, 300, 600_000, 1);
    Scenario twice = ownNames(30_000, 10, 1.0 / 60, 300, 600_000, 1);
    long a = RunBudget.perClientEntryBytes(small, new Simulation(small, 1).table(), 1);
    long b = RunBudget.perClientEntryBytes(twice, new Simulation(twice, 1).table(), 1);
    assertThat(a).as("2 x 1,500 clients of the largest partition, one entry each").isEqualTo(
        3_000 * dev.dnsflip.resolver.CachingResolver.bytesPerClientEntry(false));
    assertThat(b).isEqualTo(2 * a);
    Scenario shared = TestScenarios.singleName(300, 10, 15_000, 1.0 / 60, 600_000, TestScenarios.schedule(),
        new Propagation.Fixed(0), InitialCache.STEADY, 1, 1, 60_000);
    assertThat(RunBudget.perClientEntryBytes(shared, new Simulation(shared, 1).table(), 1)).isZero();
  }

  /**
   * 15,000 clients with names of their own in one group (not a group each) run in a heap of what
   * the budget estimates for them, in a JVM of their own: past it the run would fail with an
   * out-of-memory error and a non-zero exit.
   */
  @Test
  void fifteenThousandClientsWithOwnNamesRunInTheEstimatedHeap() throws Exception {
    Scenario s = ownNames(15_000, 1, 1.0 / 60, 300, 600_000, 1);
    long estimate = RunBudget.of(new Simulation(s, 1), 1).bytes();
    assertThat(estimate).as("a small heap").isLessThan(100L << 20);
    long heapMiB = (estimate >> 20) + 1;
    Process p = new ProcessBuilder(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-Xmx" + heapMiB + "m", "-cp", System.getProperty("java.class.path"), OwnNamesRun.class.getName(), "15000")
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    long queries = Long.parseLong(out.strip().replaceAll("(?s).*queries (\\d+)$", "$1"));
    assertThat(queries).as("15,000 clients asking once a minute for 10 minutes").isBetween(145_000L, 155_000L);
  }

  /** The child JVM: runs {@link #ownNames} with the given clients behind one cache and prints its queries. */
  static final class OwnNamesRun {
    public static void main(String[] args) {
      int clients = Integer.parseInt(args[0]);
      Scenario s = ownNames(clients, 1, 1.0 / 60, 300, 600_000, 1);
      RunSummary run = new Simulation(s, 1, Mode.EVENTS).run().summary();
      System.out.println("queries " + run.queries());
    }
  }
}
