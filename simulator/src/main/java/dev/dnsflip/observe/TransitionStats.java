package dev.dnsflip.observe;

import dev.dnsflip.authority.SwitchDirection;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures of one switch event from every replication's observations: per replication first, then
 * {@link Estimates} across replications; series and per-question counts are pooled.
 *
 * <p>Population of the last-stale percentiles: every client that used a name inside the event's
 * window; a client whose every use was fresh counts as 0. Threshold times ("stale share stays
 * below 1%") are bucket ends after the last bucket at or above the threshold; a replication in
 * which that bucket is the window's last is censored (the window length is used).
 */
public final class TransitionStats {
  static final String[] NAMES = {"uses", "staleUses", "staleShare", "clientsObserved", "clientsWithStaleUse",
      "lastStale.p50", "lastStale.p90", "lastStale.p99", "lastStale.p99.9", "lastStale.max",
      "firstFresh.p50", "firstFresh.p99", "firstFresh.max",
      "staleShareBelow1%", "staleShareBelow0.1%", "staleShareZero",
      "clientsStaleAfter.1m", "clientsStaleAfter.5m", "clientsStaleAfter.15m", "clientsStaleAfter.1h"};
  private static final long[] STILL_STALE_AT_MS = {60_000, 300_000, 900_000, 3_600_000};
  private static final Unit[] UNITS = {Unit.COUNT, Unit.COUNT, Unit.RATIO, Unit.COUNT, Unit.COUNT,
      Unit.DURATION_MS, Unit.DURATION_MS, Unit.DURATION_MS, Unit.DURATION_MS, Unit.DURATION_MS,
      Unit.DURATION_MS, Unit.DURATION_MS, Unit.DURATION_MS,
      Unit.DURATION_MS, Unit.DURATION_MS, Unit.DURATION_MS,
      Unit.RATIO, Unit.RATIO, Unit.RATIO, Unit.RATIO};
  private static final String[] DESCRIPTIONS = {
      "uses (queries) by clients inside the window",
      "uses whose answer differed in provenance from the intended one",
      "stale uses / uses",
      "clients with at least one use inside the window",
      "clients with at least one stale use",
      "median over observed clients of the last stale use (0 if none)",
      "90th percentile of last stale use", "99th percentile of last stale use",
      "99.9th percentile of last stale use", "latest stale use of any client",
      "median over clients of the first fresh use", "99th percentile of first fresh use",
      "latest first fresh use",
      "time after which every bucket's stale share stays below 1%",
      "time after which every bucket's stale share stays below 0.1%",
      "end of the last bucket with any stale use",
      "share of observed clients with a stale use 1 min or more after the switch",
      "share of observed clients with a stale use 5 min or more after the switch",
      "share of observed clients with a stale use 15 min or more after the switch",
      "share of observed clients with a stale use 1 h or more after the switch"};
  private static final int FIRST_STILL_STALE = 16;
  private static final int FIRST_THRESHOLD = 13;
  private static final double[] THRESHOLDS = {0.01, 0.001, 0.0};

  private final int event;
  private final SwitchDirection direction;
  private final long atMs;
  private final long windowEndMs;
  private final long bucketMs;
  private final List<String> questionNames;
  private final List<double[]> samples = new ArrayList<>();
  private final int[] censored = new int[NAMES.length];
  private final long[] uses;
  private final long[] stale;
  private final long[] questionUses;
  private final long[] questionStale;
  private final long[] questionLastStale;
  private final List<String[]> pairs;
  private final long[] pairUses;
  private final long[] pairStale;
  private final long[] pairLastStale;

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
    java.util.Arrays.fill(questionLastStale, -1);
    this.pairs = List.copyOf(pairs);
    pairUses = new long[pairs.size()];
    pairStale = new long[pairs.size()];
    pairLastStale = new long[pairs.size()];
    java.util.Arrays.fill(pairLastStale, -1);
  }

  /** Adds one replication's observations of this event. */
  public void add(Tally tally, ClientRecord record) {
    int e = event;
    long[] u = tally.uses(e);
    long[] s = tally.stale(e);
    long totalUses = 0;
    long totalStale = 0;
    for (int b = 0; b < u.length; b++) {
      totalUses += u[b];
      totalStale += s[b];
      uses[b] += u[b];
      stale[b] += s[b];
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
    }
    int clients = record.clients();
    long[] last = new long[clients];
    long[] first = new long[clients];
    int observed = 0;
    int withStale = 0;
    int fresh = 0;
    for (int c = 0; c < clients; c++) {
      long ls = record.lastStale(c, e);
      long ff = record.firstFresh(c, e);
      if (ls < 0 && ff < 0) {
        continue;
      }
      last[observed++] = Math.max(ls, 0);
      if (ls >= 0) {
        withStale++;
      }
      if (ff >= 0) {
        first[fresh++] = ff;
      }
    }
    Percentiles lp = new Percentiles(last, observed);
    Percentiles fp = new Percentiles(first, fresh);
    double[] v = {totalUses, totalStale, totalUses == 0 ? 0 : (double) totalStale / totalUses, observed, withStale,
        pct(lp, 50), pct(lp, 90), pct(lp, 99), pct(lp, 99.9), lp.isEmpty() ? 0 : lp.max(),
        pct(fp, 50), pct(fp, 99), fp.isEmpty() ? 0 : fp.max(), 0, 0, 0, 0, 0, 0, 0};
    for (int k = 0; k < STILL_STALE_AT_MS.length; k++) {
      int still = 0;
      for (int c = 0; c < observed; c++) {
        if (last[c] >= STILL_STALE_AT_MS[k]) {
          still++;
        }
      }
      v[FIRST_STILL_STALE + k] = observed == 0 ? 0 : (double) still / observed;
    }
    long windowMs = windowEndMs - atMs;
    for (int k = 0; k < THRESHOLDS.length; k++) {
      int idx = FIRST_THRESHOLD + k;
      int lastAbove = lastBucketAtOrAbove(u, s, THRESHOLDS[k]);
      if (lastAbove == u.length - 1) {
        censored[idx]++;
        v[idx] = windowMs;
      } else {
        v[idx] = lastAbove < 0 ? 0 : Math.min(windowMs, (lastAbove + 1) * bucketMs);
      }
    }
    samples.add(v);
  }

  /** Every metric an event can report, in report order; an event may leave some out. */
  public static List<String> metricNames() {
    return List.of(NAMES);
  }

  /** Every metric an event can report with its unit, in report order. */
  public static java.util.Map<String, Unit> metricUnits() {
    java.util.Map<String, Unit> units = new java.util.LinkedHashMap<>();
    for (int m = 0; m < NAMES.length; m++) {
      units.put(NAMES[m], UNITS[m]);
    }
    return java.util.Collections.unmodifiableMap(units);
  }

  public EventReport report(List<ClosedFormPoint> closedForm) {
    return report(closedForm, null);
  }

  public EventReport report(List<ClosedFormPoint> closedForm, String closedFormNote) {
    List<Metric> metrics = new ArrayList<>();
    long windowMs = windowEndMs - atMs;
    for (int m = 0; m < NAMES.length; m++) {
      int k = m - FIRST_STILL_STALE;
      if (k >= 0 && k < STILL_STALE_AT_MS.length && STILL_STALE_AT_MS[k] >= windowMs) {
        // The window ends before this horizon: no client can be seen stale after it, and a 0
        // here would read as a measurement. Left out; the report says why.
        continue;
      }
      double[] values = new double[samples.size()];
      for (int r = 0; r < values.length; r++) {
        values[r] = samples.get(r)[m];
      }
      metrics.add(new Metric(NAMES[m], UNITS[m], DESCRIPTIONS[m], Estimates.of(values, censored[m])));
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
        new StaleSeries(bucketMs, uses.clone(), stale.clone()));
  }

  /** The pooled series so far, for closed-form comparisons. */
  public StaleSeries series() {
    return new StaleSeries(bucketMs, uses.clone(), stale.clone());
  }

  private static double pct(Percentiles p, double q) {
    return p.isEmpty() ? 0 : p.percentile(q);
  }

  /** Index of the last bucket whose share is >= threshold (> 0 for threshold 0), or -1. */
  static int lastBucketAtOrAbove(long[] uses, long[] stale, double threshold) {
    for (int b = uses.length - 1; b >= 0; b--) {
      if (stale[b] == 0) {
        continue;
      }
      if (threshold == 0 || (double) stale[b] / uses[b] >= threshold) {
        return b;
      }
    }
    return -1;
  }
}
