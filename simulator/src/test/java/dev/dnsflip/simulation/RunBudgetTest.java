package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.resolver.InitialCache;
import org.junit.jupiter.api.Test;

/** The cost of a run before it starts, and the refusals at the edge of heap, work and array size. */
class RunBudgetTest {
  private static Scenario scenario(int clients, double qps, InitialCache init, long... switches) {
    return TestScenarios.singleName(300, 10, clients, qps, 600_000, TestScenarios.schedule(switches),
        new Propagation.Fixed(0), init, 1, 2, 5_000);
  }

  private static RunBudget budget(Scenario s) {
    return RunBudget.of(new Simulation(s, 1), 2);
  }

  @Test
  void queriesAreClientsTimesRateTimesSimulatedTimeTimesReplications() {
    // 1,000 clients at 0.5 q/s over 600 s, twice; a cold start simulates nothing before 0, and a
    // plain scenario's stationary start neither.
    assertThat(budget(scenario(1_000, 0.5, InitialCache.COLD, 60_000)).queries()).isCloseTo(600_000, within(1e-6));
    assertThat(budget(scenario(1_000, 0.5, InitialCache.STEADY, 60_000)).queries()).isCloseTo(600_000, within(1e-6));
    // A warm-up of 10 minutes doubles the span.
    assertThat(budget(scenario(1_000, 0.5, InitialCache.warmup(600_000), 60_000)).queries())
        .isCloseTo(1_200_000, within(1e-6));
  }

  @Test
  void memoryGrowsWithClientsAndSwitchEvents() {
    RunBudget one = budget(scenario(100_000, 0.1, InitialCache.COLD, 60_000));
    RunBudget two = budget(scenario(200_000, 0.1, InitialCache.COLD, 60_000));
    RunBudget events = budget(scenario(100_000, 0.1, InitialCache.COLD, 60_000, 120_000));
    // Each client holds two ints per event in each of the two replications held at once (its
    // windows fit an int), two ints while an event is observed (the sorts' second arrays), and one
    // long per event for its last use of a revealed answer.
    assertThat(two.bytes() - one.bytes()).isEqualTo(100_000L * (2 * 8 + 8 + 8));
    assertThat(events.bytes() - one.bytes()).isGreaterThanOrEqualTo(100_000L * (8 + 8));
    assertThat(one.cells()).isEqualTo(100_000);
    assertThat(events.cells()).isEqualTo(200_000);
  }

  @Test
  void aWindowLongerThanAnIntKeepsItsClientsCellsAsLongs() {
    // A window of 2^31 − 1 ms: its markers W and W + 1 no longer fit an int, so two longs a client in
    // each replication held, four while observed (gathered and sorted copies); 1 ms shorter, two
    // ints and the sorts' two second arrays. And one long for its last use of a revealed answer.
    long first = Integer.MAX_VALUE - 1L;
    assertThat(perClient(first, false)).isEqualTo(2 * 16 + 32 + 8);
    assertThat(perClient(first - 1, false)).isEqualTo(2 * 8 + 8 + 8);
    // Partitions run apart are merged into a record of longs, whatever the window.
    assertThat(perClient(first - 1, true)).isEqualTo(2 * 16 + 32 + 8);
  }

  /**
   * Bytes the budget counts for each client more, with one switch at 1 ms and a window of
   * {@code windowMs}, run here or ({@code merged}) apart and merged.
   */
  private static long perClient(long windowMs, boolean merged) {
    java.util.function.ToLongFunction<Integer> bytes = clients -> {
      Simulation sim = new Simulation(TestScenarios.singleName(300, 10, clients, 0.001, 1 + windowMs,
          TestScenarios.schedule(1), new Propagation.Fixed(0), InitialCache.COLD, 1, 2, 3_600_000), 1);
      return (merged ? RunBudget.ofMerged(sim, 2) : RunBudget.of(sim, 2)).bytes();
    };
    return (bytes.applyAsLong(2_000) - bytes.applyAsLong(1_000)) / 1_000;
  }

  private static Scenario withClients(Scenario s, dev.dnsflip.client.ClientBehaviour behaviour) {
    dev.dnsflip.client.ClientGroup g = s.clientGroups().get(0);
    return s.toBuilder().clientGroups(java.util.List.of(g.withBehaviour(behaviour, dev.dnsflip.presets.Origin.of("test"))))
        .build();
  }

  @Test
  void clientStateIsCountedPerQuestionTheGroupCanAskAndOnlyForWhatItKeeps() {
    Scenario plain = scenario(100_000, 0.1, InitialCache.COLD, 60_000);
    var cache = dev.dnsflip.client.ClientBehaviour.PLAIN.withCache(new dev.dnsflip.client.ClientCache.Fixed(60, 60));
    long base = budget(plain).bytes();
    // One question, a cache only: an answer (int) and its expiry (long) per client, in each of the
    // two replications held at once.
    assertThat(budget(withClients(plain, cache)).bytes() - base).isEqualTo(2 * 100_000L * 12);
    // A cache and connections: twice that.
    assertThat(budget(withClients(plain, cache.withConnectionMeanMs(60_000))).bytes() - base)
        .isEqualTo(2 * 100_000L * 24);
    // Dual stack keeps A and AAAA of its one name apart in its cache (beside a table that now holds AAAA).
    long dual = budget(withClients(plain, dev.dnsflip.client.ClientBehaviour.PLAIN.withDualStack(true))).bytes();
    assertThat(budget(withClients(plain, cache.withDualStack(true))).bytes() - dual).isEqualTo(2 * 100_000L * 2 * 12);
  }

  @Test
  void cachesCountOnlyForThePartitionsRunningAtOnce() {
    Scenario ten = scenario(1_000, 0.1, InitialCache.COLD, 60_000);
    Scenario many = ten.toBuilder().resolverGroups(java.util.List.of(
        new dev.dnsflip.resolver.ResolverGroup("r", 1_000_010))).build();
    // Per resolver its bookkeeping only (36 bytes, 8 per client group, 32 for its partition, in
    // each of the two replications held at once): its cache lives while its partition runs.
    assertThat(budget(many).bytes() - budget(ten).bytes()).isEqualTo(2 * 1_000_000L * (36 + 8 + 32));
  }

  @Test
  void oneReplicationHoldsItsClientsOnce() {
    Scenario two = scenario(100_000, 0.1, InitialCache.COLD, 60_000);
    Scenario one = two.withReplications(1);
    Scenario three = two.withReplications(3);
    // The second replication held: its client cells (two ints) and each of the two workers' counts
    // of them per bin (4,097 slots for each kind of cell), its 10 resolvers' bookkeeping, and its total
    // tally (three counters for the question and one for the pair; two for the pair a bucket, of
    // 120 buckets and one more, and for readiness two let-go counters and one for the one revealed
    // answer a bucket, and that answer's last use; answered and failed queries of the pair for
    // each of the run's 120 buckets).
    assertThat(budget(two).bytes() - budget(one).bytes())
        .isEqualTo(100_000L * 8 + 2 * 8 * 4097 + 10 * (36 + 8 + 32) + (24 + 8) + 8 * 121 * (2 + 2 + 1) + 8 + 16 * 120);
    assertThat(budget(three).bytes()).as("never more than two replications at once").isEqualTo(budget(two).bytes());
  }

  @Test
  void refusesAtTheEdgeOfHeapWorkAndArraySize() {
    RunBudget b = new RunBudget(1_000, 5e9, RunBudget.MAX_ARRAY);
    assertThat(b.refusal(1_000, 5e9)).isEmpty();
    assertThat(b.refusal(999, 5e9)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("the run needs about 0 MiB of memory, more than the 0 MiB this Java may use"));
    assertThat(b.refusal(1_000, 4.99e9)).hasValueSatisfying(r -> assertThat(r)
        .startsWith("the run would simulate about 5.00e+09 queries, more than the 4.99e+09 allowed"));
    assertThat(new RunBudget(1_000, 1, RunBudget.MAX_ARRAY + 1).refusal(1_000, 5e9)).hasValueSatisfying(r ->
        assertThat(r).startsWith("2,147,483,640 clients × switch events are more cells than one array holds"));
  }

  @Test
  void sizesAreWrittenInTheLargestFittingUnit() {
    assertThat(RunBudget.size(3L << 29)).isEqualTo("1.5 GiB");
    assertThat(RunBudget.size(200L << 20)).isEqualTo("200 MiB");
  }

  @Test
  void clientsOnFixedSchedulesCountOneQueryAPeriodAndAnEventEachWhileTheirPartitionRuns() {
    Scenario poisson = scenario(100_000, 0.1, InitialCache.COLD, 60_000);
    dev.dnsflip.client.ClientGroup g = poisson.clientGroups().get(0);
    // One use every 10 minutes: 600 s of run and 2 replications give exactly two uses a client.
    Scenario scheduled = poisson.toBuilder().clientGroups(java.util.List.of(g.withEvery(600_000))).build();
    assertThat(budget(scheduled).queries()).isCloseTo(200_000, within(1e-6));
    // 10 resolvers asking the authority, 2 workers: each partition holds twice the mean 10,000
    // clients' events, 56 bytes each.
    assertThat(budget(scheduled).bytes() - budget(poisson).bytes()).isEqualTo(2 * 20_000L * 56);
    // One resolver: a partition holds every client, and two workers cannot hold more than all of them.
    assertThat(RunBudget.scheduledBytes(scheduled.toBuilder().resolverGroups(java.util.List.of(
        new dev.dnsflip.resolver.ResolverGroup("r", 1))).build(), 2)).isEqualTo(100_000L * 56);
  }
}
