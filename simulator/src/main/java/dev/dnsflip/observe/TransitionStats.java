package dev.dnsflip.observe;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.engine.HelperThread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Figures of one switch event from every replication's observations: each metric of the
 * {@link MetricRegistry} per replication first, then {@link Estimates} across replications;
 * series, per-question and blame counts are pooled.
 */
public final class TransitionStats {
  private static final List<MetricDefinition> METRICS = MetricRegistry.all();

  private final int event;
  private final SwitchDirection direction;
  private final long atMs;
  private final long windowEndMs;
  private final long bucketMs;
  private final List<String> questionNames;
  private final List<double[]> samples = new ArrayList<>();
  private final int[] censored = new int[METRICS.size()];
  private final long[] uses;
  private final long[] stale;
  private final long[] questionUses;
  private final long[] questionStale;
  private final long[] questionLastStale;
  private final List<String[]> pairs;
  private final long[] pairUses;
  private final long[] pairStale;
  private final long[] pairLastStale;
  private final double[] shareLow;
  private final double[] shareHigh;
  private final long[] staleAtOrAfter;
  private final long[][] pairBucketUses; // [pair][bucket], summed over runs
  private final long[][] pairBucketStale;
  private long clientsObserved;

  public TransitionStats(int event, SwitchDirection direction, long atMs, long windowEndMs, long bucketMs,
      int buckets, List<String> questionNames) {
    this(event, direction, atMs, windowEndMs, bucketMs, buckets, questionNames, List.<String[]>of());
  }

  /**
   * @param pairs for blame, one {resolver group, resolver kind, client group, client kind} per
   *     pair index of the tallies
   */
  public TransitionStats(int event, SwitchDirection direction, long atMs, long windowEndMs, long bucketMs,
      int buckets, List<String> questionNames, List<String[]> pairs) {
    this.event = event;
    this.direction = direction;
    this.atMs = atMs;
    this.windowEndMs = windowEndMs;
    this.bucketMs = bucketMs;
    this.questionNames = List.copyOf(questionNames);
    uses = new long[buckets];
    stale = new long[buckets];
    questionUses = new long[questionNames.size()];
    questionStale = new long[questionNames.size()];
    questionLastStale = new long[questionNames.size()];
    Arrays.fill(questionLastStale, -1);
    this.pairs = List.copyOf(pairs);
    pairUses = new long[pairs.size()];
    pairStale = new long[pairs.size()];
    pairLastStale = new long[pairs.size()];
    Arrays.fill(pairLastStale, -1);
    shareLow = new double[buckets];
    shareHigh = new double[buckets];
    staleAtOrAfter = new long[buckets];
    pairBucketUses = new long[pairs.size()][buckets];
    pairBucketStale = new long[pairs.size()][buckets];
  }

  /** Adds one replication's observations of this event. */
  public void add(Tally tally, ClientRecord record) {
    add(tally, record, null);
  }

  /**
   * As {@link #add(Tally, ClientRecord)}; given a {@code helper}, the clients' first fresh uses
   * are read there while this thread reads the last stale uses (the same figures: a million
   * clients' two passes, or sorts, are the longest step of the observation). A pool thread kept
   * between runs, not one started per event: starting a thread costs a pass's time on some machines.
   */
  public void add(Tally tally, ClientRecord record, java.util.concurrent.Executor helper) {
    int e = event;
    long[] u = tally.uses(e);
    long[] s = tally.stale(e);
    for (int b = 0; b < u.length; b++) {
      uses[b] += u[b];
      stale[b] += s[b];
      if (u[b] > 0) {
        double share = (double) s[b] / u[b];
        boolean first = uses[b] == u[b]; // no earlier run had a use in this bucket
        shareLow[b] = first ? share : Math.min(shareLow[b], share);
        shareHigh[b] = first ? share : Math.max(shareHigh[b], share);
      }
    }
    for (int q = 0; q < questionNames.size(); q++) {
      questionUses[q] += tally.questionUses(e, q);
      questionStale[q] += tally.questionStale(e, q);
      questionLastStale[q] = Math.max(questionLastStale[q], tally.questionLastStale(e, q));
    }
    for (int p = 0; p < pairs.size(); p++) {
      pairUses[p] += tally.pairUses(e, p);
      pairStale[p] += tally.pairStale(e, p);
      pairLastStale[p] = Math.max(pairLastStale[p], tally.pairLastStale(e, p));
      for (int b = 0; b < u.length; b++) {
        pairBucketUses[p][b] += tally.pairBucketUses(e, b, p);
        pairBucketStale[p][b] += tally.pairBucketStale(e, b, p);
      }
    }
    EventObservation o = observe(tally, record, helper);
    clientsObserved += o.clientsObserved();
    staleAtOrAfter[0] += o.clientsWithStaleUse();
    for (int b = 1; b < staleAtOrAfter.length; b++) {
      staleAtOrAfter[b] += o.lastStale().countAtLeast(b * bucketMs);
    }
    double[] v = new double[METRICS.size()];
    for (int m = 0; m < v.length; m++) {
      MetricDefinition d = METRICS.get(m);
      v[m] = d.value().applyAsDouble(o);
      if (d.censoredWhen().test(o)) {
        censored[m]++;
      }
    }
    samples.add(v);
  }

  /** One replication's view of this event, from its tally and client record. */
  private EventObservation observe(Tally tally, ClientRecord record, java.util.concurrent.Executor helper) {
    long[] u = tally.uses(event);
    long[] s = tally.stale(event);
    long totalUses = 0;
    long totalStale = 0;
    for (int b = 0; b < u.length; b++) {
      totalUses += u[b];
      totalStale += s[b];
    }
    int clients = record.clients();
    ReadyOffsets ready = record.readyOffsets();
    // Each array is read by one thread: gathered and sorted (long cells), or, for int cells the
    // partitions made ready and counted, the bins its figures land in taken out in one pass. Given
    // a helper, the first fresh uses are read there.
    java.util.function.Supplier<Gathered> fresh = ready != null
        ? () -> gathered(ready.firstFresh(event), MetricRegistry.FIRST_FRESH_PERCENTILES, true)
        : () -> firstFresh(record, clients);
    HelperThread<Gathered> reader = helper != null ? HelperThread.on(helper, "the first fresh uses", fresh::get) : null;
    Gathered lastStale = ready != null ? gathered(ready.lastStale(event), MetricRegistry.LAST_STALE_PERCENTILES, false)
        : lastStale(record, clients);
    Gathered firstFresh = reader != null ? reader.join() : fresh.get();
    return new EventObservation(windowEndMs - atMs, bucketMs, totalUses, totalStale, u.clone(), s.clone(),
        lastStale.percentiles(), lastStale.counted(), firstFresh.percentiles(), firstFresh.counted());
  }

  /**
   * Whether every offset in the window fits an int (a window shorter than 24.8 days): then they
   * are gathered as ints, half the bytes to move and sort. The choice holds for the whole loop,
   * so the JIT takes it once, outside.
   */
  private boolean intOffsets() {
    return windowEndMs - atMs <= Integer.MAX_VALUE;
  }

  /** Percentiles of one gathered array, and a count of clients that goes with them. */
  private record Gathered(Percentiles percentiles, int counted) {}

  /**
   * A sample of ready cells whose percentiles the metrics read, taken out together on this
   * thread; {@code rankedAfter}: the first fresh uses rank the clients without one after them.
   */
  private static Gathered gathered(ReadyOffsets.Sample sample, double[] percentiles, boolean rankedAfter) {
    Percentiles p = sample.percentiles();
    p.willRead(percentiles, p.size() + (rankedAfter ? (long) sample.counted() : 0));
    return new Gathered(p, sample.counted());
  }

  /**
   * The last stale use of every client that used the answer at all (0 when none was stale), and
   * how many had a stale use.
   */
  private Gathered lastStale(ClientRecord record, int clients) {
    boolean ints = intOffsets();
    int[] asInts = ints ? new int[clients] : null; // filled from the start, sorted in place by the percentiles
    long[] asLongs = ints ? null : new long[clients];
    int observed = 0;
    int withStale = 0;
    long max = 0;
    for (int c = 0; c < clients; c++) {
      long ls = record.lastStale(c, event);
      if (ls < 0 && record.firstFresh(c, event) < 0) {
        continue;
      }
      long v = Math.max(ls, 0);
      if (ints) {
        asInts[observed++] = Math.toIntExact(v); // inside the window: a wider one is a bug
      } else {
        asLongs[observed++] = v;
      }
      max = Math.max(max, v);
      withStale += ls >= 0 ? 1 : 0;
    }
    return new Gathered(percentiles(asInts, asLongs, observed, max), withStale);
  }

  /** The first fresh use of every client that had one, and how many clients used only stale answers. */
  private Gathered firstFresh(ClientRecord record, int clients) {
    boolean ints = intOffsets();
    int[] asInts = ints ? new int[clients] : null;
    long[] asLongs = ints ? null : new long[clients];
    int fresh = 0;
    int neverFresh = 0;
    long max = 0;
    for (int c = 0; c < clients; c++) {
      long ff = record.firstFresh(c, event);
      if (ff >= 0) {
        if (ints) {
          asInts[fresh++] = Math.toIntExact(ff);
        } else {
          asLongs[fresh++] = ff;
        }
        max = Math.max(max, ff);
      } else if (record.lastStale(c, event) >= 0) {
        neverFresh++;
      }
    }
    return new Gathered(percentiles(asInts, asLongs, fresh, max), neverFresh);
  }

  /** Percentiles of the first {@code count} gathered values, ints when there are, longs else. */
  private static Percentiles percentiles(int[] asInts, long[] asLongs, int count, long max) {
    return asInts != null ? Percentiles.takingInts(asInts, count, (int) max) : Percentiles.taking(asLongs, count);
  }

  public EventReport report(List<ClosedFormPoint> closedForm) {
    return report(closedForm, null);
  }

  public EventReport report(List<ClosedFormPoint> closedForm, String closedFormNote) {
    List<Metric> metrics = new ArrayList<>();
    long windowMs = windowEndMs - atMs;
    for (int m = 0; m < METRICS.size(); m++) {
      MetricDefinition d = METRICS.get(m);
      if (!d.measurableIn(windowMs)) {
        continue; // left out; the report says why
      }
      double[] values = new double[samples.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = samples.get(r)[m];
      }
      metrics.add(d.estimated(Estimates.of(values, censored[m], 0, upperBound(d.unit(), windowMs))));
    }
    List<QuestionStats> questions = new ArrayList<>();
    for (int q = 0; q < questionNames.size(); q++) {
      if (questionUses[q] > 0) {
        questions.add(new QuestionStats(questionNames.get(q), questionUses[q], questionStale[q], questionLastStale[q]));
      }
    }
    List<Blame> blame = new ArrayList<>();
    for (int p = 0; p < pairs.size(); p++) {
      if (pairUses[p] > 0) {
        String[] k = pairs.get(p);
        blame.add(new Blame(k[0], k[1], k[2], k[3], pairUses[p], pairStale[p], pairLastStale[p]));
      }
    }
    return new EventReport(event, direction, atMs, windowEndMs, metrics, closedForm, closedFormNote, questions, blame,
        series(), new ShareBand(shareLow.clone(), shareHigh.clone()),
        new LastStaleCurve(bucketMs, clientsObserved, staleAtOrAfter.clone()), kinds());
  }

  /** The pairs' series summed per resolver kind, kinds in the order their groups are declared. */
  private List<KindSeries> kinds() {
    java.util.Map<String, long[][]> byKind = new java.util.LinkedHashMap<>();
    for (int p = 0; p < pairs.size(); p++) {
      long[][] sums = byKind.computeIfAbsent(pairs.get(p)[1], k -> new long[2][uses.length]);
      for (int b = 0; b < uses.length; b++) {
        sums[0][b] += pairBucketUses[p][b];
        sums[1][b] += pairBucketStale[p][b];
      }
    }
    List<KindSeries> kinds = new ArrayList<>();
    byKind.forEach((kind, sums) -> kinds.add(new KindSeries(kind, sums[0], sums[1])));
    return kinds;
  }

  /** The largest value a metric of this unit can take in the window, so no interval reaches past it. */
  private static double upperBound(Unit unit, long windowMs) {
    return switch (unit) {
      case COUNT -> Double.POSITIVE_INFINITY;
      case RATIO -> 1;
      case DURATION_MS -> windowMs;
    };
  }

  /** The pooled series so far, for closed-form comparisons. */
  public StaleSeries series() {
    return new StaleSeries(bucketMs, uses.clone(), stale.clone());
  }
}
