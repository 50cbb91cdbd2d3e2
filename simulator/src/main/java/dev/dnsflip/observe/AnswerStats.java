package dev.dnsflip.observe;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the replications' {@link AnswerCounts} into an {@link Answering}: counts pooled over
 * runs, and per outage each run's answered and ride-through shares for the estimates.
 */
public final class AnswerStats {
  /** An outage as the report states it: its window cut to the observed time, nameservers numbered from 1. */
  public record Window(long fromMs, long toMs, double loss, List<Integer> nameservers) {
    public Window {
      nameservers = List.copyOf(nameservers);
    }
  }

  private final long bucketMs;
  private final List<String> resolverGroups;
  private final List<String> resolverKinds;
  private final List<String> clientGroups;
  private final List<String> clientKinds;
  private final List<Window> windows;
  private final AnswerCounts pooled;
  private final List<List<Double>> answeredShares = new ArrayList<>();
  private final List<List<Double>> rideThrough = new ArrayList<>();

  /** Groups as (name, kind) pairs, in the scenario's order. */
  public AnswerStats(long bucketMs, int buckets, List<String[]> resolverGroups, List<String[]> clientGroups,
      List<Window> windows) {
    this.bucketMs = bucketMs;
    this.resolverGroups = resolverGroups.stream().map(g -> g[0]).toList();
    this.resolverKinds = resolverGroups.stream().map(g -> g[1]).toList();
    this.clientGroups = clientGroups.stream().map(g -> g[0]).toList();
    this.clientKinds = clientGroups.stream().map(g -> g[1]).toList();
    this.windows = List.copyOf(windows);
    this.pooled = new AnswerCounts(buckets, windows.size(), resolverGroups.size() * clientGroups.size());
    for (int o = 0; o < windows.size(); o++) {
      answeredShares.add(new ArrayList<>());
      rideThrough.add(new ArrayList<>());
    }
  }

  /** One replication's counts. */
  public void add(Tally tally) {
    AnswerCounts run = tally.answers();
    pooled.mergeFrom(run);
    for (int o = 0; o < windows.size(); o++) {
      OutageFigures f = figures(run, o, "all", null, p -> true);
      if (f.answered() + f.failed() > 0) {
        answeredShares.get(o).add(f.answeredShare());
      }
      if (f.clients() > 0) {
        rideThrough.get(o).add(f.rideThroughShare());
      }
    }
  }

  public Answering report() {
    int cgs = clientGroups.size();
    AnswerSeries total = series(pooled, "all", null, p -> true);
    List<AnswerSeries> byResolver = new ArrayList<>();
    for (int r = 0; r < resolverGroups.size(); r++) {
      int rg = r;
      byResolver.add(series(pooled, resolverGroups.get(r), resolverKinds.get(r), p -> p / cgs == rg));
    }
    List<AnswerSeries> byClient = new ArrayList<>();
    for (int c = 0; c < cgs; c++) {
      int cg = c;
      byClient.add(series(pooled, clientGroups.get(c), clientKinds.get(c), p -> p % cgs == cg));
    }
    List<OutageAnswers> outages = new ArrayList<>();
    for (int o = 0; o < windows.size(); o++) {
      List<OutageFigures> resolverFigures = new ArrayList<>();
      for (int r = 0; r < resolverGroups.size(); r++) {
        int rg = r;
        resolverFigures.add(figures(pooled, o, resolverGroups.get(r), resolverKinds.get(r), p -> p / cgs == rg));
      }
      List<OutageFigures> clientFigures = new ArrayList<>();
      for (int c = 0; c < cgs; c++) {
        int cg = c;
        clientFigures.add(figures(pooled, o, clientGroups.get(c), clientKinds.get(c), p -> p % cgs == cg));
      }
      Window w = windows.get(o);
      outages.add(new OutageAnswers(o + 1, w.fromMs(), w.toMs(), w.loss(), w.nameservers(),
          share(answeredShares.get(o)), share(rideThrough.get(o)), figures(pooled, o, "all", null, p -> true),
          resolverFigures, clientFigures));
    }
    return new Answering(bucketMs, total, byResolver, byClient, outages);
  }

  private static Estimate share(List<Double> runs) {
    return Estimates.of(runs.stream().mapToDouble(Double::doubleValue).toArray(), 0, 0, 1);
  }

  private static AnswerSeries series(AnswerCounts counts, String name, String kind, java.util.function.IntPredicate pairs) {
    long[] answered = new long[counts.buckets()];
    long[] failed = new long[counts.buckets()];
    for (int b = 0; b < answered.length; b++) {
      for (int p = 0; p < counts.pairs(); p++) {
        if (pairs.test(p)) {
          answered[b] += counts.answered(b, p);
          failed[b] += counts.failed(b, p);
        }
      }
    }
    return new AnswerSeries(name, kind, answered, failed);
  }

  private static OutageFigures figures(AnswerCounts counts, int o, String name, String kind,
      java.util.function.IntPredicate pairs) {
    long answered = 0;
    long failed = 0;
    long clients = 0;
    long riders = 0;
    for (int p = 0; p < counts.pairs(); p++) {
      if (pairs.test(p)) {
        answered += counts.outageAnswered(o, p);
        failed += counts.outageFailed(o, p);
        clients += counts.outageClients(o, p);
        riders += counts.outageRiders(o, p);
      }
    }
    return new OutageFigures(name, kind, answered, failed, clients, riders);
  }
}
