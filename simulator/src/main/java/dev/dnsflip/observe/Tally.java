package dev.dnsflip.observe;

/**
 * Counts of uses, summed per switch event and time bucket and per question. One tally per worker
 * chunk, merged at the end: integer sums do not depend on merge order, so reports stay
 * byte-identical whatever the thread count. Serializable: a partition run on another machine
 * sends its tally back.
 */
public final class Tally implements java.io.Serializable {
  private static final long serialVersionUID = 2L; // 2: per-bucket and per-pair sums taken when read

  private final int questions;
  private final long[] questionUses; // [event * questions + q]
  private final long[] questionStale;
  private final long[] questionLastStale;
  private final int pairs;
  private final long[] pairLastStale; // [event * pairs + (resolver group, client group) pair]
  // [event][bucket * pairs + pair]: a use counts here only; the sums per bucket and per pair are
  // taken when read, so a use costs two increments fewer
  private final long[][] pairBucketUses;
  private final long[][] pairBucketStale;
  private final int[] itemOf; // answer id -> revealed item, or -1
  private final int items;
  private final long[][] itemUses; // [event][bucket * items + item]
  private final long[] itemLastUse; // [event * items + item]
  private final long[][] clientsLetGo; // [event][bucket of a client's last use of a revealed answer]
  private final long[][] resolversLetGo; // [event][bucket of a resolver's last hand-out of one]
  private final long[] clientLastLetGo; // [event]: the latest such use of any client, or -1
  private final long[] resolverLastLetGo;
  private final AnswerCounts answers;
  private long queries;
  private long hits;
  private long failed;

  public Tally(int[] bucketsPerEvent, int questions) {
    this(bucketsPerEvent, questions, 1);
  }

  /** {@code pairs}: resolver groups × client groups, for blame. */
  public Tally(int[] bucketsPerEvent, int questions, int pairs) {
    this(bucketsPerEvent, questions, pairs, new int[0], 0);
  }

  /**
   * {@code itemOf}: per answer id, the revealed item it counts for (-1: none), of {@code items};
   * read only, shared by every tally of a run.
   */
  public Tally(int[] bucketsPerEvent, int questions, int pairs, int[] itemOf, int items) {
    this(bucketsPerEvent, questions, pairs, itemOf, items, 0, 0);
  }

  /**
   * As {@link #Tally(int[], int, int, int[], int)}, also counting answered and failed queries per
   * bucket of the whole run ({@code runBuckets}) and per authoritative outage ({@code outages}).
   */
  public Tally(int[] bucketsPerEvent, int questions, int pairs, int[] itemOf, int items, int runBuckets,
      int outages) {
    this.answers = new AnswerCounts(runBuckets, outages, pairs);
    this.questions = questions;
    this.pairs = pairs;
    this.itemOf = itemOf;
    this.items = items;
    int events = bucketsPerEvent.length;
    pairBucketUses = new long[events][];
    pairBucketStale = new long[events][];
    itemUses = new long[events][];
    clientsLetGo = new long[events][];
    resolversLetGo = new long[events][];
    for (int e = 0; e < events; e++) {
      pairBucketUses[e] = new long[bucketsPerEvent[e] * pairs];
      pairBucketStale[e] = new long[bucketsPerEvent[e] * pairs];
      itemUses[e] = new long[bucketsPerEvent[e] * items];
      clientsLetGo[e] = new long[bucketsPerEvent[e]];
      resolversLetGo[e] = new long[bucketsPerEvent[e]];
    }
    itemLastUse = new long[events * items];
    java.util.Arrays.fill(itemLastUse, -1);
    clientLastLetGo = new long[events];
    resolverLastLetGo = new long[events];
    java.util.Arrays.fill(clientLastLetGo, -1);
    java.util.Arrays.fill(resolverLastLetGo, -1);
    questionUses = new long[events * questions];
    questionStale = new long[events * questions];
    questionLastStale = new long[events * questions];
    java.util.Arrays.fill(questionLastStale, -1);
    pairLastStale = new long[events * pairs];
    java.util.Arrays.fill(pairLastStale, -1);
  }

  /** A query observed at or after time 0, before any switch event. */
  public void query(boolean hit) {
    countQuery();
    if (hit) {
      hits++;
    }
  }

  /** A query that got no answer (SERVFAIL, timeout): not a use. */
  public void failure() {
    countQuery();
    failed++;
  }

  /** Progress is told in whole batches: one atomic add per batch, none per query. */
  private void countQuery() {
    if ((++queries & (QueryCounter.BATCH - 1)) == 0) {
      QueryCounter.addBatch();
    }
  }

  /** {@code n} queries answered from cache at or after time 0, before any switch event. */
  public void hits(long n) {
    countQueries(n);
    hits += n;
  }

  private void countQueries(long n) {
    long before = queries / QueryCounter.BATCH;
    queries += n;
    long batches = queries / QueryCounter.BATCH - before;
    if (batches > 0) {
      QueryCounter.addBatches(batches);
    }
  }

  /**
   * {@code n} uses answered from cache in one bucket of event {@code e}'s window, of one question
   * by one (resolver group, client group) pair, all stale or all fresh: hits drawn in bulk. Their
   * instants are not known one by one; {@link #lastStale} takes the last stale one.
   */
  public void hits(int e, int bucket, int question, int pair, boolean stale, long n) {
    countQueries(n);
    hits += n;
    pairBucketUses[e][bucket * pairs + pair] += n;
    questionUses[e * questions + question] += n;
    if (stale) {
      pairBucketStale[e][bucket * pairs + pair] += n;
      questionStale[e * questions + question] += n;
    }
  }

  /** A stale use of {@code question} by {@code pair} at {@code offsetMs} after event {@code e}: the latest one counts. */
  public void lastStale(int e, int question, int pair, long offsetMs) {
    int qi = e * questions + question;
    questionLastStale[qi] = Math.max(questionLastStale[qi], offsetMs);
    int pi = e * pairs + pair;
    pairLastStale[pi] = Math.max(pairLastStale[pi], offsetMs);
  }

  /** A stale use of {@code question} at {@code offsetMs} after event {@code e}, for the question only. */
  public void questionLastStale(int e, int question, long offsetMs) {
    int qi = e * questions + question;
    questionLastStale[qi] = Math.max(questionLastStale[qi], offsetMs);
  }

  /** A use inside event {@code e}'s window, {@code offsetMs} after the event. */
  public void use(int e, long offsetMs, int bucket, int question, boolean stale, boolean hit) {
    use(e, offsetMs, bucket, question, stale, hit, 0);
  }

  /** As {@link #use(int, long, int, int, boolean, boolean)}, attributed to a (resolver group, client group) pair. */
  public void use(int e, long offsetMs, int bucket, int question, boolean stale, boolean hit, int pair) {
    use(e, offsetMs, bucket, question, stale, hit, pair, -1);
  }

  /**
   * As {@link #use(int, long, int, int, boolean, boolean, int)}, with the terminal answer the
   * client got ({@code answer}, -1 when not told): a revealed one counts as a request to its origin.
   */
  public void use(int e, long offsetMs, int bucket, int question, boolean stale, boolean hit, int pair, int answer) {
    query(hit);
    int item = answer < 0 ? -1 : itemOf.length == 0 ? -1 : itemOf[answer];
    if (item >= 0) {
      itemUses[e][bucket * items + item]++;
      int ii = e * items + item;
      if (offsetMs > itemLastUse[ii]) {
        itemLastUse[ii] = offsetMs;
      }
    }
    int pb = bucket * pairs + pair;
    pairBucketUses[e][pb]++;
    if (stale) {
      pairBucketStale[e][pb]++;
      int pi = e * pairs + pair;
      if (offsetMs > pairLastStale[pi]) {
        pairLastStale[pi] = offsetMs;
      }
    }
    int qi = e * questions + question;
    questionUses[qi]++;
    if (stale) {
      questionStale[qi]++;
      if (offsetMs > questionLastStale[qi]) {
        questionLastStale[qi] = offsetMs;
      }
    }
  }

  /** Skipping ahead: {@code n} uses that got revealed item {@code item} in bucket b after event e (counted as hits elsewhere). */
  public void itemHits(int e, int bucket, int item, long n) {
    itemUses[e][bucket * items + item] += n;
  }

  /** Skipping ahead: a use of revealed item {@code item}, {@code offsetMs} after event e, told in any order. */
  public void itemUse(int e, int item, long offsetMs) {
    int ii = e * items + item;
    if (offsetMs > itemLastUse[ii]) {
      itemLastUse[ii] = offsetMs;
    }
  }

  /**
   * One client's ({@code resolver}: one resolver's) last use (hand-out) of a revealed answer after
   * event e: partitions tell it once each, when they finish.
   */
  public void letGo(boolean resolver, int e, long offsetMs, long bucketMs) {
    long[] histogram = resolver ? resolversLetGo[e] : clientsLetGo[e];
    histogram[(int) Math.min(offsetMs / bucketMs, histogram.length - 1)]++;
    long[] last = resolver ? resolverLastLetGo : clientLastLetGo;
    last[e] = Math.max(last[e], offsetMs);
  }

  public void mergeFrom(Tally other) {
    for (int e = 0; e < clientsLetGo.length; e++) {
      for (int b = 0; b < clientsLetGo[e].length; b++) {
        clientsLetGo[e][b] += other.clientsLetGo[e][b];
        resolversLetGo[e][b] += other.resolversLetGo[e][b];
      }
      add(pairBucketUses[e], other.pairBucketUses[e]);
      add(pairBucketStale[e], other.pairBucketStale[e]);
      add(itemUses[e], other.itemUses[e]);
      clientLastLetGo[e] = Math.max(clientLastLetGo[e], other.clientLastLetGo[e]);
      resolverLastLetGo[e] = Math.max(resolverLastLetGo[e], other.resolverLastLetGo[e]);
    }
    for (int i = 0; i < itemLastUse.length; i++) {
      itemLastUse[i] = Math.max(itemLastUse[i], other.itemLastUse[i]);
    }
    for (int i = 0; i < questionUses.length; i++) {
      questionUses[i] += other.questionUses[i];
      questionStale[i] += other.questionStale[i];
      questionLastStale[i] = Math.max(questionLastStale[i], other.questionLastStale[i]);
    }
    for (int i = 0; i < pairLastStale.length; i++) {
      pairLastStale[i] = Math.max(pairLastStale[i], other.pairLastStale[i]);
    }
    answers.mergeFrom(other.answers);
    queries += other.queries;
    hits += other.hits;
    failed += other.failed;
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  /** Uses by the pair's clients in bucket b after event e. */
  public long pairBucketUses(int e, int b, int pair) {
    return pairBucketUses[e][b * pairs + pair];
  }

  public long pairBucketStale(int e, int b, int pair) {
    return pairBucketStale[e][b * pairs + pair];
  }

  public int items() {
    return items;
  }

  /** Uses that got revealed item {@code item} in bucket b after event e. */
  public long itemUses(int e, int b, int item) {
    return itemUses[e][b * items + item];
  }

  /** Offset of the last use of the item after event e, or -1. */
  public long itemLastUse(int e, int item) {
    return itemLastUse[e * items + item];
  }

  /** Clients ({@code resolver}: resolvers) whose last use of a revealed answer fell in bucket b. */
  public long letGo(boolean resolver, int e, int b) {
    return (resolver ? resolversLetGo : clientsLetGo)[e][b];
  }

  /** The latest last use of a revealed answer by any client (resolver) after event e, or -1. */
  public long lastLetGo(boolean resolver, int e) {
    return (resolver ? resolverLastLetGo : clientLastLetGo)[e];
  }

  public long pairUses(int e, int pair) {
    return pairSum(pairBucketUses[e], pair);
  }

  public long pairStale(int e, int pair) {
    return pairSum(pairBucketStale[e], pair);
  }

  /** One pair's counts summed over its buckets. */
  private long pairSum(long[] perBucket, int pair) {
    long sum = 0;
    for (int i = pair; i < perBucket.length; i += pairs) {
      sum += perBucket[i];
    }
    return sum;
  }

  /** Per bucket, the counts summed over the pairs. */
  private long[] bucketSums(long[] perPair) {
    long[] sums = new long[perPair.length / pairs];
    for (int b = 0; b < sums.length; b++) {
      long sum = 0;
      for (int p = b * pairs; p < (b + 1) * pairs; p++) {
        sum += perPair[p];
      }
      sums[b] = sum;
    }
    return sums;
  }

  public long pairLastStale(int e, int pair) {
    return pairLastStale[e * pairs + pair];
  }

  public long failed() {
    return failed;
  }

  /** Answered and failed queries per run bucket and outage (counting nothing when built without run buckets). */
  public AnswerCounts answers() {
    return answers;
  }

  /** Uses per bucket after event e (a new array). */
  public long[] uses(int e) {
    return bucketSums(pairBucketUses[e]);
  }

  /** Stale uses per bucket after event e (a new array). */
  public long[] stale(int e) {
    return bucketSums(pairBucketStale[e]);
  }

  public long questionUses(int e, int q) {
    return questionUses[e * questions + q];
  }

  public long questionStale(int e, int q) {
    return questionStale[e * questions + q];
  }

  /** Offset of the question's last stale use after event e, or -1. */
  public long questionLastStale(int e, int q) {
    return questionLastStale[e * questions + q];
  }

  public long queries() {
    return queries;
  }

  public long hits() {
    return hits;
  }
}
