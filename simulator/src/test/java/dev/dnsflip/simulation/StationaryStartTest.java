package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Type;

/**
 * Steady starts are stationary in every topology: for each shipped resolver preset (forwarding
 * presets in front of TTL-honouring resolvers), for dnsmasq-2.90 forwarding to
 * unbound-1.17-serve-expired (stale reply TTL 30 s above a 5 s Auto TTL) and for each client preset
 * (its cache, connections, dual stack), a switch at any of four offsets spread over one full cache
 * cycle gives the same distribution of last stale uses. Before client caches were filled, a JVM's
 * fixed 30 s cache switched at 11 s and at 31 s gave p50 21 s and 28 s; before forwarders were
 * filled over the stale reply TTL, the chain switched at 10 s and 25 s gave medians 42 s and 56 s.
 *
 * <p>One value per partition (the latest last-stale use of its clients): partitions are
 * independent, clients of one partition are not, so the values are i.i.d. within a run. Each
 * offset runs on its own seed, so the samples are independent, and each later offset is compared
 * with the first by a two-sample Kolmogorov–Smirnov test (Commons Math). Family-wise α = 1% over
 * every comparison of every case, Bonferroni-corrected: each test at α / comparisons. Each case runs
 * event by event and skipping ahead (where skipping ahead is exact: whole-second caches included),
 * and a whole-second cache's offsets are whole seconds, because such a cache is stationary only
 * from one second to the next: its entries all expire on second boundaries.
 */
class StationaryStartTest {
  private static final long AUTO_TTL_S = 5;
  private static final int ROOTS = 300;
  private static final int CLIENTS = 600;
  private static final double QPS = 1;
  private static final double FAMILY_ALPHA = 0.01;
  /** Offsets per case, as fractions of its cycle; one comparison each after the first. */
  private static final double[] FRACTIONS = {0.1, 0.35, 0.6, 0.85};
  /** Each use simulated, and hits drawn in bulk wherever that is exact (the rest falls back to each use). */
  private static final Mode[] MODES = {Mode.EVENTS, Mode.SKIP};

  /** A topology and its clients, the cycle their entries go through, and the switch offsets tried. */
  record Case(String name, List<ResolverGroup> groups, String clientsAt, long cycleMs, long[] switchAtMs,
      ClientBehaviour clients, Origin clientOrigin) {
    Case(String name, List<ResolverGroup> groups, String clientsAt, long cycleMs, long[] switchAtMs) {
      this(name, groups, clientsAt, cycleMs, switchAtMs, ClientBehaviour.PLAIN, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (ResolverPreset p : Presets.RESOLVERS) {
      ResolverGroup group = new ResolverGroup(p.forwarder() ? "f" : "r", ROOTS, p.behaviour(), p.backends(), p.choice(),
          p.forwarder() ? "up" : null, new Origin(p.name(), true, false));
      List<ResolverGroup> groups = p.forwarder() ? List.of(new ResolverGroup("up", ROOTS), group) : List.of(group);
      long keptMs = p.behaviour().clamps().positiveMs(AUTO_TTL_S * 1000) + (p.behaviour().wholeSecondClock() ? 1000 : 0);
      cases.add(spread(p.name(), groups, group.name(), keptMs, ClientBehaviour.PLAIN, null,
          p.behaviour().wholeSecondClock()));
    }
    ResolverPreset unbound = Presets.resolver("unbound-1.17-serve-expired").orElseThrow();
    ResolverPreset dnsmasq = Presets.resolver("dnsmasq-2.90").orElseThrow();
    List<ResolverGroup> chain = List.of(
        new ResolverGroup("up", ROOTS, unbound.behaviour(), 1, unbound.choice(), null, new Origin(unbound.name(), true, false)),
        new ResolverGroup("f", ROOTS, dnsmasq.behaviour(), 1, dnsmasq.choice(), "up", new Origin(dnsmasq.name(), true, false)));
    // The forwarder keeps a stale reply 30 s, and asks again after Unbound's entry (5 s, up to 1 s more) expired.
    cases.add(new Case("dnsmasq-2.90 -> unbound-1.17-serve-expired", chain, "f", 30_000 + 6_000,
        new long[] {10_000, 25_000, 19_000, 36_000}));
    for (ClientPreset p : Presets.CLIENTS) {
      // Client caches live too: each client preset behind TTL-honouring resolvers, over its own cycle.
      ClientCache cache = p.behaviour().cache();
      long cycle = Math.max(AUTO_TTL_S * 1000, cache.lifetimeMs(AUTO_TTL_S * 1000, false) + cache.graceMs());
      cases.add(spread("clients " + p.name(), List.of(new ResolverGroup("r", ROOTS)), "r", cycle,
          p.behaviour(), new Origin(p.name(), true, false), false));
    }
    return cases;
  }

  /**
   * Switches at four fractions of the cycle. A whole-second cache's entries expire on second
   * boundaries, so its state repeats with a period of 1 s, not at every instant: switches a
   * fraction of a second apart legitimately see different last-stale offsets, and its switches
   * fall on whole seconds (the same phase of the second). Millisecond caches keep fractional
   * offsets, so a fill error at some phase of the second still shows.
   */
  private static Case spread(String name, List<ResolverGroup> groups, String clientsAt, long cycleMs,
      ClientBehaviour clients, Origin clientOrigin, boolean wholeSeconds) {
    long[] at = new long[FRACTIONS.length];
    for (int k = 0; k < at.length; k++) {
      at[k] = 1_000 + (wholeSeconds ? Math.round(FRACTIONS[k] * cycleMs / 1_000) * 1_000 : (long) (FRACTIONS[k] * cycleMs));
    }
    return new Case(name, groups, clientsAt, cycleMs, at, clients, clientOrigin);
  }

  /** Every comparison of every case, in each mode the stationarity check runs in. */
  private static int comparisons() {
    return MODES.length * cases().stream().mapToInt(c -> c.switchAtMs().length - 1).sum();
  }

  static Scenario scenario(Case c, long switchAtMs, long seed) {
    return scenario(c, switchAtMs, seed, InitialCache.STEADY);
  }

  static Scenario scenario(Case c, long switchAtMs, long seed, InitialCache init) {
    Account account = TestScenarios.account(AUTO_TTL_S, List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of());
    long window = c.cycleMs() + 60_000; // past every last stale use: each bound above is under a cycle + d
    return Scenario.builder().name(c.name()).seed(seed).replications(1).durationMs(switchAtMs + window)
        .bucketMs(1_000).initialCache(init).account(account).propagation(new Propagation.Fixed(2_000))
        .schedule(TestScenarios.schedule(switchAtMs)).resolverGroups(c.groups())
        .clientGroups(List.of(clients(c)))
        .build();
  }

  private static ClientGroup clients(Case c) {
    ClientGroup plain = new ClientGroup("c", CLIENTS, QPS, Map.of(c.clientsAt(), 1.0),
        List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)));
    return c.clientOrigin() == null ? plain : plain.withBehaviour(c.clients(), c.clientOrigin());
  }

  /** Per partition with an observed client, the latest last-stale use of its clients (0 when none was stale). */
  static double[] lastStalePerPartition(Scenario scenario, Mode mode) {
    return lastStalePerPartition(scenario, mode, -1);
  }

  /** The same, over the partitions whose root is of resolver group {@code rootGroup} (-1: all). */
  static double[] lastStalePerPartition(Scenario scenario, Mode mode, int rootGroup) {
    Simulation simulation = new Simulation(scenario, 1, mode);
    RunContext ctx = simulation.context(0);
    Tally tally = new Tally(ctx.buckets, simulation.table().questionCount(), 1);
    ClientRecord record = new ClientRecord(ctx.population.clients(), 1);
    simulation.run(new PartitionRange(0, 0, ctx.partitions.size())).addTo(tally, record);
    double[] values = new double[ctx.partitions.size()];
    int n = 0;
    for (int[] partition : ctx.partitions) {
      if (rootGroup >= 0 && ctx.groupOfResolver[partition[0]] != rootGroup) {
        continue;
      }
      long latest = -1;
      for (int r : partition) {
        for (int client = ctx.population.first(r, 0); client < ctx.population.first(r + 1, 0); client++) {
          long stale = record.lastStale(client, 0);
          if (stale >= 0 || record.firstFresh(client, 0) >= 0) {
            latest = Math.max(latest, Math.max(stale, 0));
          }
        }
      }
      if (latest >= 0) {
        values[n++] = latest;
      }
    }
    return Arrays.copyOf(values, n);
  }

  static Stream<Arguments> everyCaseInEachMode() {
    return Arrays.stream(MODES).flatMap(m -> cases().stream().map(c -> Arguments.of(c, m)));
  }

  @ParameterizedTest(name = "{0}, {1}")
  @MethodSource("everyCaseInEachMode")
  void lastStaleDistributionDoesNotDependOnWhereTheSwitchFalls(Case c, Mode mode) {
    double alpha = FAMILY_ALPHA / comparisons();
    long seedBase = 7919L * (1 + cases().indexOf(c)) + (mode == Mode.SKIP ? 104_729 : 0);
    double[] first = lastStalePerPartition(scenario(c, c.switchAtMs()[0], seedBase), mode);
    assertThat(first.length).as("independent samples").isGreaterThan(150);
    KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
    for (int k = 1; k < c.switchAtMs().length; k++) {
      double[] other = lastStalePerPartition(scenario(c, c.switchAtMs()[k], seedBase + k), mode);
      double p = ks.kolmogorovSmirnovTest(first, other);
      assertThat(p).as("%s: switch at %d ms vs %d ms (medians %.0f vs %.0f ms), KS p", c.name(), c.switchAtMs()[0],
          c.switchAtMs()[k], median(first), median(other)).isGreaterThan(alpha);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
  }

  /** The check can fail: cold caches fill together at time 0 and stay in phase, and it tells. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("lockedWhenCold")
  void coldCachesFailTheSameCheck(String name) {
    Case c = cases().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
    double[] first = lastStalePerPartition(scenario(c, c.switchAtMs()[0], 1, InitialCache.COLD), Mode.EVENTS);
    double[] second = lastStalePerPartition(scenario(c, c.switchAtMs()[1], 2, InitialCache.COLD), Mode.EVENTS);
    assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(first, second)).isLessThan(FAMILY_ALPHA / comparisons());
  }

  static Stream<String> lockedWhenCold() {
    return Stream.of("dnsmasq-2.90 -> unbound-1.17-serve-expired", "clients jvm", "unbound-1.17");
  }

  /**
   * Each partition settles for its own groups only: beside a group with an hour's TTL floor (two
   * hours of settling), Unbound's partitions start where they would with no floor in the scenario,
   * and their last stale uses are distributed as they are there (KS at α = 0.001, fixed seeds).
   */
  @Test
  void eachPartitionSettlesForItsOwnGroupsOnly() {
    Case unbound = cases().stream().filter(x -> x.name().equals("unbound-1.17")).findFirst().orElseThrow();
    ResolverPreset floor = Presets.resolver("isp-floor-3600").orElseThrow();
    List<ResolverGroup> groups = new ArrayList<>(unbound.groups());
    groups.add(new ResolverGroup("floor", ROOTS, floor.behaviour(), 1, floor.choice(), null,
        new Origin(floor.name(), true, false)));
    Scenario alone = scenario(unbound, unbound.switchAtMs()[0], 11);
    ClientGroup behindFloor = new ClientGroup("f", CLIENTS, QPS, Map.of("floor", 1.0),
        List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1)));
    Scenario mixed = alone.toBuilder().seed(12).resolverGroups(groups)
        .clientGroups(List.of(clients(unbound), behindFloor)).build();
    long aloneStart = new Simulation(alone, 1).startMs();
    assertThat(aloneStart).as("Unbound's whole-second fill settles").isNegative();
    assertThat(new Simulation(mixed, 1).startMs()).as("the floor's partitions settle two hours")
        .isEqualTo(-StationaryStart.MAX_SETTLE_MS).isLessThan(aloneStart);
    RunContext ctx = new Simulation(mixed, 1).context(0);
    for (int[] p : ctx.partitions) {
      assertThat(ctx.startOf(p)).isEqualTo(ctx.groupOfResolver[p[0]] == 0 ? aloneStart : -StationaryStart.MAX_SETTLE_MS);
    }
    for (Mode mode : MODES) {
      double[] beside = lastStalePerPartition(mixed, mode, 0);
      double[] without = lastStalePerPartition(alone, mode, 0);
      assertThat(beside.length).as("independent samples").isGreaterThan(150);
      assertThat(new KolmogorovSmirnovTest().kolmogorovSmirnovTest(beside, without)).as("%s, KS p", mode)
          .isGreaterThan(0.001);
    }
  }

  /** The fills draw from each partition's own streams: the same result on any thread count. */
  @Test
  void filledStartsGiveTheSameResultOnAnyThreadCount() {
    Case chain = cases().stream().filter(x -> x.name().startsWith("dnsmasq-2.90 ->")).findFirst().orElseThrow();
    ClientBehaviour chrome = Presets.client("chrome").orElseThrow().behaviour();
    Case withClientCaches = new Case(chain.name(), chain.groups(), chain.clientsAt(), chain.cycleMs(), chain.switchAtMs(),
        chrome.withDualStack(true), new Origin("chrome", true, true));
    Scenario scenario = scenario(withClientCaches, 25_000, 3).toBuilder().replications(2).build();
    assertThat(new Simulation(scenario, 4).run()).isEqualTo(new Simulation(scenario, 1).run());
  }

  @Test
  void theFamilyIsEveryPresetAndTheChain() {
    assertThat(cases()).hasSize(Presets.RESOLVERS.size() + 1 + Presets.CLIENTS.size());
    assertThat(comparisons()).isEqualTo(MODES.length * 3 * cases().size());
  }
}
