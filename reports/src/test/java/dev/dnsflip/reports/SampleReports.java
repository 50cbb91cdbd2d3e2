package dev.dnsflip.reports;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.observe.AnswerSeries;
import dev.dnsflip.observe.Answering;
import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.observe.OutageFigures;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.QuestionStats;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.observe.ShareBand;
import dev.dnsflip.observe.LastStaleCurve;
import dev.dnsflip.observe.MetricRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report built by hand: switch 1 (enable) has one sample per metric and no intervals, an empty
 * bucket (NaN share) and a lone straggler at 150 s; switch 2 (disable) has intervals and never
 * reaches zero stale share (censored thresholds).
 */
final class SampleReports {
  private SampleReports() {}

  static TransitionReport twoFlips() {
    return new TransitionReport("two-flips", "Enable during an outage,\nthen disable.", 42L, 1, 600_000, 5_000,
        "warm", new RunSummary(1_200, 8, 4, 2_500, 123_456, 100_308, 0.8125),
        List.of(enableEvent(), disableEvent()),
        List.of(
            new ExpectationResult("suite.yaml:12:5", 0, "lastStale.p99", 60_000.0, null, 12_000, true),
            new ExpectationResult("suite.yaml:14:5", 1, "staleShareZero", 120_000.0, null, 240_000, false)));
  }

  /**
   * Two flips and an outage from 60 s to 180 s (loss 100 %) across the enable, in 30 s buckets over
   * two runs: group isp rides it through from its caches until they expire, group public fails
   * from the start.
   */
  static TransitionReport withOutage() {
    TransitionReport r = twoFlips();
    long[] ispAnswered = {300, 300, 300, 300, 120, 60, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300, 300,
        300};
    long[] ispFailed = new long[20];
    ispFailed[4] = 180;
    ispFailed[5] = 240;
    long[] publicAnswered = {100, 100, 0, 0, 0, 0, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100, 100,
        100};
    long[] publicFailed = new long[20];
    publicFailed[2] = 100;
    publicFailed[3] = 100;
    publicFailed[4] = 100;
    publicFailed[5] = 100;
    long[] answered = new long[20];
    long[] failed = new long[20];
    for (int i = 0; i < 20; i++) {
      answered[i] = ispAnswered[i] + publicAnswered[i];
      failed[i] = ispFailed[i] + publicFailed[i];
    }
    OutageFigures isp = new OutageFigures("isp", "unbound-1.17", 1_380, 420, 400, 240);
    OutageFigures pub = new OutageFigures("public", "public-farm", 0, 400, 200, 0);
    OutageFigures home = new OutageFigures("home", "plain", 1_380, 820, 600, 240);
    Answering answering = new Answering(30_000, new AnswerSeries("all", null, answered, failed),
        List.of(new AnswerSeries("isp", "unbound-1.17", ispAnswered, ispFailed),
            new AnswerSeries("public", "public-farm", publicAnswered, publicFailed)),
        List.of(new AnswerSeries("home", "plain", answered, failed)),
        List.of(new OutageAnswers(1, 60_000, 180_000, 1.0, List.of(), new Estimate(0.627, 0.6, 0.654, 0.61, 0.644, 2, 0),
            new Estimate(0.4, 0.35, 0.45, 0.38, 0.42, 2, 0), home, List.of(isp, pub), List.of(home))));
    return new TransitionReport(r.scenario(), r.description(), r.seed(), 2, r.durationMs(), r.bucketMs(),
        r.initialCache(), null, r.run(), r.events(), r.expectations(), dev.dnsflip.observe.Readiness.NONE, answering,
        List.of());
  }

  /** The same events said to come from three runs, so renderers show means, intervals and ranges. */
  static TransitionReport threeRuns() {
    TransitionReport r = twoFlips();
    return new TransitionReport(r.scenario(), r.description(), r.seed(), 3, r.durationMs(), r.bucketMs(),
        r.initialCache(), r.run(), r.events(), r.expectations());
  }

  static EventReport enableEvent() {
    long[] uses = new long[60];
    long[] stale = new long[60];
    Arrays.fill(uses, 100);
    uses[3] = 0;
    stale[0] = 40;
    stale[1] = 20;
    stale[2] = 10;
    stale[4] = 2;
    stale[5] = 1;
    stale[30] = 1;
    Map<String, Double> means = new LinkedHashMap<>();
    means.put("uses", 5_900.0);
    means.put("staleUses", 85.0);
    means.put("staleShare", 0.0144);
    means.put("clientsObserved", 1_200.0);
    means.put("clientsWithStaleUse", 84.0);
    means.put("lastStale.p50", 0.0);
    means.put("lastStale.p90", 2_500.0);
    means.put("lastStale.p99", 12_000.0);
    means.put("lastStale.p99.9", 30_000.0);
    means.put("lastStale.max", 152_300.0);
    means.put("firstFresh.p50", 4_000.0);
    means.put("firstFresh.p99", 25_000.0);
    means.put("firstFresh.max", 60_000.0);
    means.put("staleShareBelow1%", 30_000.0);
    means.put("staleShareBelow0.1%", 155_000.0);
    means.put("staleShareZero", 155_000.0);
    List<Metric> metrics = new ArrayList<>();
    means.forEach((name, mean) -> metrics.add(metric(name, new Estimate(mean, null, null, mean, mean, 1, 0))));
    return new EventReport(0, SwitchDirection.ENABLE, 60_000, 360_000, metrics,
        List.of(new ClosedFormPoint(0, 0.45, 0.4), new ClosedFormPoint(15_000, 0.3, Double.NaN)),
        List.of(new QuestionStats("www.example.com A", 3_000, 40, 152_300),
            new QuestionStats("mail.example.com MX", 900, 0, -1),
            new QuestionStats("cdn.example.com AAAA", 100, 5, 9_000),
            new QuestionStats("api.example.com A", 2_000, 40, 30_000)),
        new StaleSeries(5_000, uses, stale));
  }

  static EventReport disableEvent() {
    long[] uses = new long[48];
    long[] stale = new long[48];
    Arrays.fill(uses, 10);
    Arrays.fill(stale, 1);
    List<Metric> metrics = new ArrayList<>();
    for (String name : DESCRIPTIONS.keySet()) {
      Estimate e = switch (name) {
        case "staleShare" -> new Estimate(0.00003, 0.00001, 0.0001, 0.00001, 0.00005, 3, 0);
        case "staleShareBelow0.1%" -> new Estimate(200_000, 150_000.0, 250_000.0, 180_000, 240_000, 3, 1);
        case "staleShareZero" -> new Estimate(240_000, 240_000.0, 240_000.0, 240_000, 240_000, 3, 3);
        default -> new Estimate(1_000, 900.0, 1_100.0, 950, 1_050, 3, 0);
      };
      metrics.add(metric(name, e));
    }
    // Runs spread 5% to 15% around the pooled 10%; 40 of 120 pooled clients stale at first, one fewer per bucket.
    double[] low = new double[48];
    double[] high = new double[48];
    Arrays.fill(low, 0.05);
    Arrays.fill(high, 0.15);
    long[] staleAtOrAfter = new long[48];
    for (int b = 0; b < 48; b++) {
      staleAtOrAfter[b] = Math.max(0, 40 - b);
    }
    return new EventReport(1, SwitchDirection.DISABLE, 360_000, 600_000, metrics, List.of(), null,
        List.of(new QuestionStats("www.example.com A", 480, 48, 239_000)),
        List.of(new dev.dnsflip.observe.Blame("isp", "unbound-1.17", "browsers", "chrome", 300, 20, 120_000),
            new dev.dnsflip.observe.Blame("floor", "isp-floor-3600", "browsers", "chrome", 180, 28, 239_000),
            new dev.dnsflip.observe.Blame("public", "public-farm", "browsers", "chrome", 0, 0, -1),
            new dev.dnsflip.observe.Blame("isp", "unbound-1.17", "apps", "go", 100, 5, 60_000)),
        new StaleSeries(5_000, uses, stale), new ShareBand(low, high), new LastStaleCurve(5_000, 120, staleAtOrAfter));
  }

  /**
   * The sample's metrics with short descriptions of their own (the renderers print whatever a
   * metric carries); units come from the registry.
   */
  static final Map<String, String> DESCRIPTIONS = descriptions();

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put("uses", "uses (queries) by clients inside the window");
    d.put("staleUses", "stale uses");
    d.put("staleShare", "stale uses / uses");
    d.put("clientsObserved", "clients with a use");
    d.put("clientsWithStaleUse", "clients with at least one stale use");
    d.put("lastStale.p50", "median last stale use");
    d.put("lastStale.p90", "p90 last stale use");
    d.put("lastStale.p99", "p99 last stale use");
    d.put("lastStale.p99.9", "p99.9 last stale use");
    d.put("lastStale.max", "latest stale use of any client");
    d.put("firstFresh.p50", "median first fresh use");
    d.put("firstFresh.p99", "p99 first fresh use");
    d.put("firstFresh.max", "latest first fresh use");
    d.put("staleShareBelow1%", "stays below 1%");
    d.put("staleShareBelow0.1%", "stays below 0.1%");
    d.put("staleShareZero", "end of the last bucket with any stale use");
    return d;
  }

  static Metric metric(String name, Estimate estimate) {
    return new Metric(name, MetricRegistry.definition(name).unit(), DESCRIPTIONS.get(name), estimate);
  }
}
