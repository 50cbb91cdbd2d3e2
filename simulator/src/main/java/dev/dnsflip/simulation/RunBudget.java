package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.Locale;
import java.util.Optional;

/**
 * What a run will cost, known before it starts: the memory its arrays take and the queries it
 * simulates. The harness refuses a run past the heap or past a work bound with the reason, instead
 * of failing with an out-of-memory error or running for hours without a word.
 *
 * <p>The memory figure counts the arrays that grow with the scenario (per client, per cache, per
 * bucket and per worker) with a fixed allowance for the rest; it is an estimate of what stays
 * allocated, not of the garbage a run makes on the way. The query figure is the expected number of
 * client queries over the simulated time, settling or warm-up before time 0 included.
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
    return of(simulation.scenario(), simulation.table(), threads, -simulation.startMs());
  }

  /** @param beforeZeroMs simulated time before 0 (settling or a warm-up) */
  static RunBudget of(Scenario s, AnswerTable table, int threads, long beforeZeroMs) {
    long events = Math.max(1, s.schedule().events().size());
    long clients = s.clientGroups().stream().mapToLong(ClientGroup::count).sum();
    long slots = table.slotCount();
    long questions = table.questionCount();
    // Per client: first fresh and last stale per event (two longs), its last use of a revealed
    // answer per event while its partition runs (one long), its resolver, group and place (three
    // ints), and, for clients with caches or connections, four values per question.
    boolean clientState = s.clientGroups().stream().anyMatch(g -> !g.behaviour().isPlain());
    long perClient = 24 * events + 12 + (clientState ? 24 * questions : 0);
    // Per cache: five arrays of a slot each, and an LRU order when capacity is limited.
    long caches = s.resolverGroups().stream().mapToLong(g -> (long) g.count() * g.backends()).sum();
    long perCache = 48 * slots + 64;
    // Per worker chunk and one total: four counters a bucket per event, two per pair and one per
    // revealed answer (at most every answer) a bucket per event, three per question and per
    // (resolver group, client group) pair per event.
    long buckets = (s.durationMs() - 1) / s.bucketMs() + 1;
    long pairs = (long) s.resolverGroups().size() * s.clientGroups().size();
    long perTally = 8 * buckets * events * (4 + 2 * pairs + table.answerCount()) + 24 * events * (questions + pairs);
    long tallies = Math.min((long) threads * 4, Math.max(1, caches)) + 1;
    long bytes = BASE_BYTES + saturating(clients, perClient) + saturating(caches, perCache)
        + saturating(tallies, perTally);
    double span = s.durationMs() + (double) beforeZeroMs;
    double queries = s.replications() * span / 1000.0
        * s.clientGroups().stream().mapToDouble(g -> g.count() * g.queriesPerSecond()).sum();
    return new RunBudget(bytes < 0 ? Long.MAX_VALUE : bytes, queries, clients * events);
  }

  private static long saturating(long count, long each) {
    return count != 0 && each > Long.MAX_VALUE / count ? Long.MAX_VALUE / 4 : count * each;
  }

  /**
   * Why this run cannot go ahead with {@code maxHeapBytes} of heap and at most {@code maxQueries}
   * simulated queries, or empty when it can.
   */
  public Optional<String> refusal(long maxHeapBytes, double maxQueries) {
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
