package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Question;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.ClientState;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Type;

/**
 * What a run will cost, known before it starts: the memory its arrays take and the queries it
 * simulates. The harness refuses a run past the heap or past a work bound with the reason, instead
 * of failing with an out-of-memory error or running for hours without a word.
 *
 * <p>The memory figure counts the arrays that grow with the scenario (per client, per resolver,
 * per cache and per client on a fixed schedule of the partitions running at once, per bucket and per worker) with a fixed allowance
 * for the rest; it is an estimate of the most that is reachable at once, not of the garbage a run
 * makes on the way (the collector reclaims that before it runs out). The query figure is the expected number of
 * client queries over the simulated time, settling or warm-up before time 0 included; settling is
 * counted for every client at the longest any partition settles, so with settling it is an upper
 * bound (each partition settles for its own groups only).
 *
 * @param bytes memory of the run's arrays
 * @param queries expected client queries, all replications
 * @param cells clients × switch events, the largest array (indexed by int)
 */
public record RunBudget(long bytes, double queries, long cells) {
  /** What the engine may use beside the arrays counted here (classes, the answer table, reports). */
  static final long BASE_BYTES = 64L << 20;
  /** Largest Java array. */
  static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The budget of {@code simulation}'s run on {@code threads} workers. */
  public static RunBudget of(Simulation simulation, int threads) {
    return of(simulation.scenario(), simulation.table(), threads, -simulation.startMs(), false);
  }

  /**
   * The budget of {@code simulation}'s partitions run apart and merged here ({@link Simulation#merge},
   * as a Spark driver does): the merged record's cells are longs, gathered to be sorted, whatever
   * the windows.
   */
  public static RunBudget ofMerged(Simulation simulation, int threads) {
    return of(simulation.scenario(), simulation.table(), threads, -simulation.startMs(), true);
  }

  /** Whether every switch window fits an int, so client records keep their cells as ints. */
  private static boolean intCells(Scenario s) {
    var events = s.schedule().events();
    for (int e = 0; e < events.size(); e++) {
      if (!ClientRecord.fitsInts(s.windowEndMs(e) - events.get(e).atMs())) {
        return false;
      }
    }
    return true;
  }

  /** @param beforeZeroMs simulated time before 0 (settling or a warm-up) */
  static RunBudget of(Scenario s, AnswerTable table, int threads, long beforeZeroMs) {
    return of(s, table, threads, beforeZeroMs, false);
  }

  /** @param merged whether the partitions run apart and their cells are merged into a record of longs */
  static RunBudget of(Scenario s, AnswerTable table, int threads, long beforeZeroMs, boolean merged) {
    long events = Math.max(1, s.schedule().events().size());
    long clients = s.clientGroups().stream().mapToLong(ClientGroup::count).sum();
    long groups = s.clientGroups().size();
    // Per client: first fresh and last stale per event (two ints when every window fits one, else
    // two longs), for each replication held at once (the one observed and the next,
    // PartitionQueue.LIVE); and while an event is observed the sorts' second arrays (two ints) or,
    // with longs, their gathered copies and sorted copies (four longs), one event of one
    // replication at a time.
    long live = Math.min(s.replications(), PartitionQueue.LIVE);
    boolean ints = !merged && intCells(s);
    long perReplication = saturating(clients, (ints ? 8 : 16) * events);
    // Client state: per client of a group that keeps some, a slot per question it can ask.
    boolean caches = s.clientGroups().stream().anyMatch(g -> !(g.behaviour().cache() instanceof ClientCache.None));
    boolean connections = s.clientGroups().stream().anyMatch(g -> g.behaviour().connectionMeanMs() > 0);
    long perSlot = ClientState.bytesPerSlot(caches, connections);
    for (ClientGroup g : s.clientGroups()) {
      perReplication += saturating(g.count(), perSlot * stateQuestions(g));
    }
    // Per resolver: its group, upstream, place in a partition and the sort that finds it (36 bytes),
    // and per (resolver, client group) where its clients and their state start (8 bytes).
    long resolvers = s.resolverGroups().stream().mapToLong(ResolverGroup::count).sum();
    perReplication += saturating(resolvers, 36 + 8 * groups + 32);
    long bytes = BASE_BYTES + saturating(live, perReplication) + saturating(clients, ints ? 8 : 32);
    // With int cells, each worker's counts of their offsets per bin, for each replication held: at
    // most a bin per bucket or the cap, per event (windows of more buckets are sorted instead).
    if (ints) {
      bytes += saturating(threads * live, ClientRecord.BIN_COUNT_BYTES_PER_EVENT * events);
    }
    // Per client, its last use of a revealed answer per event while its partition runs (one long):
    // counted for every client, a bound on the partitions running at once.
    bytes += saturating(clients, 8 * events);
    // Caches live only while their partition runs: one partition per worker, a root and the
    // forwarders that lead to it (twice the mean, for the luck of the draw), five slots of arrays
    // each and an LRU order when capacity is bounded.
    bytes += saturating(threads, liveCachesPerPartition(s) * perCache(table.slotCount(), s));
    bytes += scheduledBytes(s, threads);
    bytes += perClientEntryBytes(s, table, threads);
    // Per worker and one total per replication held: three counters per question and one per
    // (resolver group, client group) pair per event; two per pair a bucket per event (the sums
    // per bucket and per pair are taken when read); the pooled series once more per event. For
    // readiness, two let-go counters and one per revealed answer a bucket per event, and each
    // revealed answer's last use per event.
    long buckets = (s.durationMs() - 1) / s.bucketMs() + 1 + events;
    long pairs = (long) s.resolverGroups().size() * groups;
    long items = Revealed.of(table).count();
    long perTally = 24 * events * table.questionCount() + 8 * events * pairs + 8 * buckets * (2 + 2 * pairs + items)
        + 8 * events * items;
    bytes += saturating(threads + live, perTally) + 40 * buckets;
    // Answered and failed queries per pair a bucket of the run and four counters per pair and
    // outage, in every tally and once pooled; per client a byte per outage while its partition runs.
    long runBuckets = (s.durationMs() - 1) / s.bucketMs() + 1;
    long outages = s.outages().size();
    bytes += saturating(threads + live + 1, saturating(pairs, 16 * runBuckets + 32 * outages));
    bytes += saturating(clients, outages);
    double span = s.durationMs() + (double) beforeZeroMs;
    double queries = s.replications() * span / 1000.0
        * s.clientGroups().stream().mapToDouble(g -> g.count() * g.queriesPerSecond()).sum();
    return new RunBudget(bytes < 0 ? Long.MAX_VALUE : bytes, queries, clients * events);
  }

  /** Questions a client of {@code g} keeps state for: none when plain, both families of each name when dual-stack. */
  static int stateQuestions(ClientGroup g) {
    if (g.behaviour().isPlain()) {
      return 0;
    }
    java.util.Set<Question> questions = new java.util.HashSet<>();
    for (WeightedQuestion wq : g.questions()) {
      questions.add(wq.question());
      if (g.behaviour().dualStack()) {
        questions.add(new Question(wq.question().name(), Type.AAAA));
        questions.add(new Question(wq.question().name(), Type.A));
      }
    }
    return questions.size();
  }

  /**
   * Clients on fixed schedules while their partition runs: a pending event each in the calendar
   * (a long time, a long sequence, two ints, in arrays that double: 48 bytes at worst) and the two
   * ints that name its stream and client. One partition per worker, with twice the mean share of
   * such clients per resolver asking the authority, never more than all of them.
   */
  static long scheduledBytes(Scenario s, int threads) {
    long scheduled = s.clientGroups().stream().filter(ClientGroup::isScheduled).mapToLong(ClientGroup::count).sum();
    if (scheduled == 0) {
      return 0;
    }
    long roots = Math.max(1, s.resolverGroups().stream().filter(g -> !g.isForwarder())
        .mapToLong(ResolverGroup::count).sum());
    long perPartition = 2 * ((scheduled + roots - 1) / roots);
    return saturating(Math.min(scheduled, saturating(threads, perPartition)), 48 + 8);
  }

  /**
   * Entries for names of clients' own while their partition runs: one per client and per-client
   * slot it asks (its name, and its CNAME slot when the name has one; both families when dual-stack),
   * in every cache on its way to the authority (each backend of the largest farm, each level of the
   * longest forwarder chain). One partition per worker, with twice the mean share of such clients per
   * resolver asking the authority, never more than all of them.
   */
  static long perClientEntryBytes(Scenario s, AnswerTable table, int threads) {
    long clients = 0;
    long entriesPerClient = 0;
    for (ClientGroup g : s.clientGroups()) {
      java.util.Set<Question> own = new java.util.HashSet<>();
      for (WeightedQuestion wq : g.questions()) {
        if (wq.question().perClient()) {
          own.add(wq.question());
          if (g.behaviour().dualStack()) {
            own.add(new Question(wq.question().name(), Type.AAAA));
            own.add(new Question(wq.question().name(), Type.A));
          }
        }
      }
      long entries = 0;
      for (Question q : own) {
        int i = table.questions().indexOf(q);
        entries += i >= 0 && table.cnameSlotOf(i) >= 0 ? 2 : 1;
      }
      if (entries > 0) {
        clients += g.count();
        entriesPerClient = Math.max(entriesPerClient, entries);
      }
    }
    if (clients == 0) {
      return 0;
    }
    long roots = Math.max(1, s.resolverGroups().stream().filter(g -> !g.isForwarder())
        .mapToLong(ResolverGroup::count).sum());
    long perPartition = Math.min(clients, 2 * ((clients + roots - 1) / roots));
    long caches = (long) s.resolverGroups().stream().mapToInt(ResolverGroup::backends).max().orElse(1)
        * (1 + longestChain(s));
    boolean lru = s.resolverGroups().stream().anyMatch(g -> g.behaviour().capacity() > 0);
    long perClient = saturating(entriesPerClient * caches,
        dev.dnsflip.resolver.CachingResolver.bytesPerClientEntry(lru));
    return saturating(Math.min(clients, saturating(threads, perPartition)), perClient);
  }

  /** Forwarder hops on the longest chain (0 when nothing forwards). */
  private static long longestChain(Scenario s) {
    java.util.Map<String, ResolverGroup> byName = new java.util.HashMap<>();
    s.resolverGroups().forEach(g -> byName.put(g.name(), g));
    long longest = 0;
    for (ResolverGroup g : s.resolverGroups()) {
      long hops = 0;
      for (ResolverGroup at = g; at.isForwarder() && hops <= byName.size(); at = byName.get(at.forwardTo())) {
        hops++;
      }
      longest = Math.max(longest, hops);
    }
    return longest;
  }

  /** Bytes of one cache: five arrays a slot, their headers, and an LRU order when some group bounds capacity. */
  private static long perCache(long slots, Scenario s) {
    boolean lru = s.resolverGroups().stream().anyMatch(g -> g.behaviour().capacity() > 0);
    return 48 * slots + 160 + (lru ? 9 * slots + 80 : 0);
  }

  /** Caches of the largest partition to expect: the largest farm, and twice the mean forwarders per root. */
  private static long liveCachesPerPartition(Scenario s) {
    long roots = 0;
    long forwarders = 0;
    long largestFarm = 1;
    for (ResolverGroup g : s.resolverGroups()) {
      if (g.isForwarder()) {
        forwarders += (long) g.count() * g.backends();
      } else {
        roots += g.count();
      }
      largestFarm = Math.max(largestFarm, g.backends());
    }
    return largestFarm + (roots == 0 ? 0 : 2 * ((forwarders + roots - 1) / roots));
  }

  private static long saturating(long count, long each) {
    return count != 0 && each > Long.MAX_VALUE / count ? Long.MAX_VALUE / 4 : count * each;
  }

  /**
   * Why this run cannot go ahead with {@code maxHeapBytes} of heap and at most {@code maxQueries}
   * simulated queries, or empty when it can.
   */
  public Optional<String> refusal(long maxHeapBytes, double maxQueries) {
    // Int cells are one array of clients per event, but long cells (a longer window, a merged run)
    // one of clients × events: the bound stays for them, and past it memory would refuse the run anyway.
    if (cells > MAX_ARRAY) {
      return Optional.of(String.format(Locale.ROOT, "%,d clients × switch events are more cells than one array "
          + "holds (%,d): use fewer clients or fewer switch events in one scenario", cells, MAX_ARRAY));
    }
    if (bytes > maxHeapBytes) {
      return Optional.of(String.format(Locale.ROOT, "the run needs about %s of memory, more than the %s this Java "
          + "may use; give it more (DNSFLIP_JAVA_OPTS=-Xmx...) or use fewer clients, caches or buckets",
          size(bytes), size(maxHeapBytes)));
    }
    if (queries > maxQueries) {
      return Optional.of(String.format(Locale.ROOT, "the run would simulate about %.3g queries, more than the "
          + "%.3g allowed (--max-queries raises it): a shorter duration, fewer clients or a lower query rate "
          + "says the same", queries, maxQueries));
    }
    return Optional.empty();
  }

  /** "1.5 GiB". */
  public static String size(long bytes) {
    if (bytes >= 1L << 30) {
      return String.format(Locale.ROOT, "%.1f GiB", bytes / (double) (1L << 30));
    }
    return String.format(Locale.ROOT, "%.0f MiB", bytes / (double) (1L << 20));
  }
}
