package dev.dnsflip.reports;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.KindSeries;
import dev.dnsflip.simulation.ReferenceMark;
import dev.dnsflip.observe.LastStaleCurve;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.observe.ShareBand;
import dev.dnsflip.observe.StaleSeries;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One self-contained HTML page for the people who plan and sign off a switch: a verdict first
 * (bounds passed or failed, the slowest behaviour, key figures per switch), then per switch its
 * figures with intervals, charts (the first minutes beside the whole window with the runs' spread,
 * the clients' last stale uses as a CDF with p50 and p99, the tail on a log axis) and who holds it
 * back, grouped by resolver kind. No scripts, no external files; a Content-Security-Policy of
 * {@code default-src 'none'} forbids any request. Same report, same bytes.
 */
public final class HtmlReport {
  /** The figures in each switch's table; the full list is in report.md and report.json. */
  static final List<String> KEY_METRICS = List.of("staleShare", "clientsObserved", "clientsWithStaleUse",
      "lastStale.p50", "lastStale.p99", "lastStale.max", "clientsNeverFresh", "firstFresh.p50", "firstFresh.max",
      "staleShareBelow1%", "staleShareBelow0.1%", "staleShareZero", "clientsStaleAfter.1m", "clientsStaleAfter.5m",
      "clientsStaleAfter.15m", "clientsStaleAfter.1h");
  /** The zoomed chart spans the first of these that covers the time the stale share first falls under 10%. */
  private static final long[] ZOOM_SPANS_MS = {60_000, 120_000, 300_000, 600_000};
  private static final double ZOOM_SHARE = 0.10;
  private static final int PAIRS_PER_KIND = 8;
  private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'";
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;max-width:64rem;margin:1.5rem auto;padding:0 1rem;color:#222;line-height:1.4}
      h1{font-size:1.6rem;margin-bottom:.3rem}h2{margin-top:2rem;border-bottom:1px solid #ddd}
      table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem;vertical-align:top}
      th{background:#f3f3f3;text-align:left}td.n{text-align:right}table.key{width:100%}
      tr.kind td{background:#f8f8f8;font-weight:bold}tr.pair td:first-child{padding-left:1.5rem}
      pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}
      .verdict{border:3px solid;border-radius:6px;padding:.6rem 1rem;margin:1rem 0}
      .verdict.pass{border-color:#2e7d32;background:#edf7ee}.verdict.fail{border-color:#c62828;background:#fdeeee}
      .verdict.none{border-color:#888;background:#f4f4f4}.verdict .word{font-size:1.4rem;font-weight:bold}
      .verdict.pass .word{color:#2e7d32}.verdict.fail .word{color:#c62828}.verdict table{background:#fff}
      .charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(26rem,1fr));gap:1rem}
      figure{margin:0}figcaption{font-size:.9rem;color:#444}
      svg.chart{width:100%;height:auto;font-size:11px;font-family:system-ui,sans-serif}
      svg .grid{stroke:#e6e6e6}svg .frame{fill:none;stroke:#999}svg .axis-title{font-weight:bold}
      svg .simulated{fill:none;stroke:#c0392b;stroke-width:1.6}svg .spread{fill:#c0392b;fill-opacity:.18;stroke:none}
      svg .predicted{fill:#2c7fb8}svg .cdf{fill:none;stroke:#6a3d9a;stroke-width:1.6}
      svg .tail{fill:none;stroke:#e67e22;stroke-width:1.6}
      svg .s0{fill:none;stroke:#1b9e77;stroke-width:1.6}svg .s1{fill:none;stroke:#d95f02;stroke-width:1.6}
      svg .s2{fill:none;stroke:#7570b3;stroke-width:1.6}svg .s3{fill:none;stroke:#e7298a;stroke-width:1.6}
      svg .s4{fill:none;stroke:#66a61e;stroke-width:1.6}svg .s5{fill:none;stroke:#a6761d;stroke-width:1.6}
      svg .capacity{stroke:#c62828;stroke-dasharray:6 3;stroke-width:1.4}
      svg .reference{fill:#000}svg .outage{fill:#888;fill-opacity:.15;stroke:none}
      svg .p50{stroke:#2c7fb8;stroke-dasharray:4 3;stroke-width:1.4}svg .p99{stroke:#238b45;stroke-dasharray:4 3;stroke-width:1.4}
      .fail{color:#c62828;font-weight:bold}.note{color:#555;font-size:.9rem}
      @media print{body{max-width:none;margin:0;font-size:10pt}h2{break-before:page}h2.first{break-before:avoid}
      .verdict{break-inside:avoid}figure,table{break-inside:avoid}.charts{grid-template-columns:1fr 1fr}}
      """;

  private final StringBuilder out = new StringBuilder();
  private final int replications;
  private final List<ReferenceMark> references;

  private HtmlReport(int replications, List<ReferenceMark> references) {
    this.replications = replications;
    this.references = references;
  }

  public static String render(TransitionReport report) {
    HtmlReport html = new HtmlReport(report.replications(), report.references());
    html.page(report);
    return html.out.toString();
  }

  private void page(TransitionReport report) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>dnsflip report: ")
        .append(Html.escape(report.scenario())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n");
    out.append("<h1>dnsflip report: ").append(Html.escape(report.scenario())).append("</h1>\n");
    if (report.description() != null && !report.description().isBlank()) {
      out.append("<p>").append(Html.escape(report.description().strip())).append("</p>\n");
    }
    verdict(report);
    if (report.accountImport() != null) {
      out.append("<h2>Account import</h2>\n<pre>").append(Html.escape(report.accountImport().summary()))
          .append("</pre>\n");
    }
    run(report);
    readiness(report);
    answering(report);
    for (EventReport event : report.events()) {
      event(event);
    }
    expectations(report);
    out.append("</body>\n</html>\n");
  }

  /** The answer first: did the bounds hold, and per switch how long the old answer lingered and why. */
  private void verdict(TransitionReport report) {
    List<ExpectationResult> results = report.expectations();
    long failed = results.stream().filter(r -> !r.passed()).count();
    String kind = results.isEmpty() ? "none" : failed == 0 ? "pass" : "fail";
    out.append("<section class=\"verdict ").append(kind).append("\" id=\"verdict\">\n<p><span class=\"word\">")
        .append(results.isEmpty() ? "No bounds declared" : failed == 0 ? "PASS" : "FAIL").append("</span> ");
    if (results.isEmpty()) {
      out.append("— the scenario states no <code>expect:</code> bounds; the figures below are for judging by eye.");
    } else if (failed == 0) {
      out.append("— all ").append(results.size()).append(" expected bounds held.");
    } else {
      out.append("— ").append(failed).append(" of ").append(results.size()).append(" expected bounds failed:");
    }
    out.append("</p>\n");
    if (failed > 0) {
      out.append("<ul>\n");
      for (ExpectationResult r : results) {
        if (!r.passed()) {
          out.append("<li>").append(Html.escape(ConsoleSummary.outcome(r))).append("</li>\n");
        }
      }
      out.append("</ul>\n");
    }
    if (!report.events().isEmpty()) {
      out.append("<table class=\"key\">\n<tr><th>Switch</th><th>Stale share of uses below 1% after</th><th>Clients' "
          + "last stale use: p99</th><th>Clients' last stale use: latest client</th><th>Slowest behaviour</th></tr>\n");
      for (EventReport e : report.events()) {
        Blame b = e.slowest();
        out.append("<tr><td>").append(Figures.number(e)).append(": ").append(Html.escape(e.direction().key()))
            .append(" at ").append(Html.escape(Durations.format(e.atMs()))).append("</td><td class=\"n\">")
            .append(Html.escape(figure(e, "staleShareBelow1%"))).append("</td><td class=\"n\">")
            .append(Html.escape(figure(e, "lastStale.p99"))).append("</td><td class=\"n\">")
            .append(Html.escape(figure(e, "lastStale.max"))).append("</td><td>")
            .append(b == null ? "none stale" : Html.escape(Figures.slowest(b, replications))).append("</td></tr>\n");
      }
      out.append("</table>\n");
    }
    out.append("<p class=\"note\">").append(Html.escape(overRuns())).append("</p>\n</section>\n");
  }

  /** What a figure over runs means, said once near the top. */
  private String overRuns() {
    if (replications <= 1) {
      return "One run (replication): figures are that run's, without confidence intervals. "
          + "A figure marked ≥ was cut short by the end of the switch's window: it is a lower bound (details in the "
          + "switch's table).";
    }
    return "Figures are means of " + replications + " runs (replications), with 95% confidence intervals of the mean "
        + "in the tables; \"latest client\" is the mean of the runs' latest stale uses, and the slowest behaviour's "
        + "latest stale use is the latest in any run. A figure marked ≥ was cut short by the end of the switch's "
        + "window in some run: it is a lower bound and has no interval (the switch's table says in how many runs). "
        + "Counts are rounded to whole numbers.";
  }

  private static String figure(EventReport e, String name) {
    return e.find(name).map(Figures::shortEstimate).orElse("not measured");
  }

  private void run(TransitionReport report) {
    RunSummary run = report.run();
    out.append("<h2 class=\"first\">Run</h2>\n<table>\n");
    row("Seed", Long.toString(report.seed()));
    row("Replications (runs)", Figures.count(report.replications()));
    row("Duration", Durations.format(report.durationMs()));
    row("Time bucket", Durations.format(report.bucketMs()));
    row("Initial cache", report.initialCache());
    row("Clients", Figures.count(run.clients()));
    row("Resolvers", Figures.count(run.resolvers()));
    row("Queries (all runs)", Figures.count(run.queries()));
    row("Cache hit ratio", Figures.percent(run.cacheHitRatio()));
    row("Partitions", MarkdownReport.partitions(run));
    out.append("</table>\n");
  }

  /** The readiness section, worded as the Markdown report words it, with its charts. */
  private void readiness(TransitionReport report) {
    out.append("<h2 id=\"readiness\">Readiness</h2>\n");
    parts(ReadinessView.of(report.readiness(), replications), report);
  }

  /** Whether client queries were answered over the run and during each outage, with its chart. */
  private void answering(TransitionReport report) {
    List<ReadinessView.Part> parts = AnsweringView.of(report.answering(), replications);
    if (parts.isEmpty()) {
      return;
    }
    out.append("<h2 id=\"answering\">").append(AnsweringView.HEADING).append("</h2>\n");
    parts(parts, report);
    if (!report.answering().outages().isEmpty()) {
      out.append("<div class=\"charts\">\n");
      figure(answeringChart(report.answering(), report.durationMs()), "The answered share of client queries per "
          + Durations.format(report.answering().bucketMs()) + " over the whole run (counts summed over runs), in "
          + "total and per resolver group" + (report.answering().byResolverGroup().size() > 5 ? " (the first five of "
          + report.answering().byResolverGroup().size() + ", in the scenario's order)" : "")
          + "; shaded: the buckets an outage touches.");
      out.append("</div>\n");
    }
  }

  /** The answered share per bucket of the run: everyone, each resolver group (when several, at most five), the outages shaded. */
  static String answeringChart(dev.dnsflip.observe.Answering a, long durationMs) {
    SvgChart chart = new SvgChart("answered share over the run", durationMs, SvgChart.Scale.LINEAR, 1, 0,
        "time since the start", "answered share of queries");
    int buckets = a.total().buckets();
    double[] low = new double[buckets];
    double[] high = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      long from = b * a.bucketMs();
      long to = from + a.bucketMs();
      boolean inside = a.outages().stream().anyMatch(o -> o.fromMs() < to && o.toMs() > from);
      low[b] = inside ? 0 : Double.NaN;
      high[b] = inside ? 1 : Double.NaN;
    }
    chart.band("outage", "outage windows", low, high, a.bucketMs());
    chart.steps("simulated", "all clients", shares(a.total()), a.bucketMs());
    if (a.byResolverGroup().size() > 1) {
      for (int g = 0; g < Math.min(5, a.byResolverGroup().size()); g++) {
        dev.dnsflip.observe.AnswerSeries s = a.byResolverGroup().get(g);
        chart.steps("s" + g, s.name() + " (" + s.kind() + ")", shares(s), a.bucketMs());
      }
    }
    return chart.render();
  }

  private static double[] shares(dev.dnsflip.observe.AnswerSeries s) {
    double[] shares = new double[s.buckets()];
    for (int b = 0; b < shares.length; b++) {
      shares[b] = s.share(b);
    }
    return shares;
  }

  /** The readiness view's parts: headings, sentences, tables, bullets and the readiness charts. */
  private void parts(List<ReadinessView.Part> parts, TransitionReport report) {
    for (ReadinessView.Part part : parts) {
      if (part instanceof ReadinessView.Heading h) {
        out.append("<h3>").append(Html.escape(h.text())).append("</h3>\n");
      } else if (part instanceof ReadinessView.Text t) {
        out.append("<p>").append(code(t.text())).append("</p>\n");
      } else if (part instanceof ReadinessView.Table t) {
        out.append("<table>\n<tr>");
        for (String h : t.header()) {
          out.append("<th>").append(Html.escape(h)).append("</th>");
        }
        out.append("</tr>\n");
        for (List<String> r : t.rows()) {
          out.append("<tr>");
          for (int i = 0; i < r.size(); i++) {
            out.append(t.numeric()[i] ? "<td class=\"n\">" : "<td>").append(Html.escape(r.get(i))).append("</td>");
          }
          out.append("</tr>\n");
        }
        out.append("</table>\n");
      } else if (part instanceof ReadinessView.Bullets b) {
        out.append("<ul>\n");
        for (String item : b.items()) {
          out.append("<li>").append(code(item)).append("</li>\n");
        }
        out.append("</ul>\n");
      } else if (part instanceof ReadinessView.Charts c) {
        readinessCharts(c.readiness(), report.readiness().bucketMs());
      }
    }
  }

  /** Escaped text with `code` spans as code. */
  private static String code(String text) {
    return Html.escape(text).replaceAll("`([^`]+)`", "<code>$1</code>");
  }

  private void readinessCharts(SwitchReadiness s, long bucketMs) {
    String name = "switch " + (s.index() + 1);
    boolean load = s.direction() == SwitchDirection.ENABLE && !s.originLoad().isEmpty() && s.windowMs() > 0;
    // Who still holds one matters once DNS-only is lifted; while it is enforced every client does.
    boolean holders = s.direction() == SwitchDirection.DISABLE && s.clients().held() > 0 && s.windowMs() > 0;
    if (!load && !holders) {
      return;
    }
    out.append("<div class=\"charts\">\n");
    if (load) {
      double peak = 0;
      for (OriginLoad o : s.originLoad()) {
        peak = Math.max(peak, o.peakPerSecond());
        if (o.capacityPerSecond() != null) {
          peak = Math.max(peak, o.capacityPerSecond());
        }
      }
      SvgChart chart = new SvgChart(name + ": origin load", s.windowMs(), SvgChart.Scale.RATE,
          SvgChart.niceRateCeiling(peak), 0, "time after the switch", "requests per second");
      List<OriginLoad> shown = s.originLoad().subList(0, Math.min(6, s.originLoad().size()));
      for (int i = 0; i < shown.size(); i++) {
        OriginLoad o = shown.get(i);
        chart.steps("s" + i, o.address(), o.requestsPerSecond(), bucketMs);
      }
      double[] capacities = shown.stream().filter(o -> o.capacityPerSecond() != null)
          .mapToDouble(OriginLoad::capacityPerSecond).toArray();
      if (capacities.length > 0) {
        chart.levels("capacity", "stated capacities", capacities);
      }
      figure(chart.render(), "Requests per second reaching each origin address (mean over runs, per "
          + Durations.format(bucketMs) + ")" + (s.originLoad().size() > shown.size() ? ", the first " + shown.size()
          + " of " + s.originLoad().size() + " addresses" : "") + "; dashed: the capacities the scenario states for them.");
    }
    if (holders) {
      long[] c = s.clients().stillHolding();
      long[] r = s.resolvers().stillHolding();
      double[] cs = new double[c.length];
      double[] rs = new double[r.length];
      for (int b = 0; b < c.length; b++) {
        cs[b] = (double) c[b] / s.clients().held();
        rs[b] = s.resolvers().held() == 0 ? Double.NaN : (double) r[b] / s.resolvers().held();
      }
      SvgChart chart = new SvgChart(name + ": origin answers still held", s.windowMs(), SvgChart.Scale.LINEAR, 1, 0,
          "time after the switch", "share still holding one");
      chart.steps("s0", "clients (of " + Figures.count(s.clients().held()) + ")", cs, bucketMs);
      chart.steps("s1", "resolvers (of " + Figures.count(s.resolvers().held()) + ")", rs, bucketMs);
      figure(chart.render(), "Of the clients that used a revealed answer (origin address or CNAME target) in this "
          + "window, the share whose last such use came at or after each time; likewise the resolvers that handed "
          + "one out.");
    }
    out.append("</div>\n");
  }

  private void event(EventReport event) {
    long windowMs = event.windowEndMs() - event.atMs();
    out.append("<h2 id=\"switch-").append(Figures.number(event)).append("\">Switch ").append(Figures.number(event))
        .append(": ").append(Html.escape(event.direction().key())).append(" at ")
        .append(Html.escape(Durations.format(event.atMs()))).append("</h2>\n<p>")
        .append(Html.escape(MarkdownReport.meaning(event.direction()))).append(". Window: ")
        .append(Html.escape(Durations.format(event.atMs()))).append(" to ")
        .append(Html.escape(Durations.format(event.windowEndMs()))).append(" (")
        .append(Html.escape(Durations.format(windowMs))).append(").</p>\n");
    Blame slowest = event.slowest();
    out.append("<p>").append(slowest == null ? "No client used a stale answer after this switch."
        : "<strong>Slowest behaviour:</strong> " + Html.escape(Figures.slowest(slowest, replications)) + ".")
        .append("</p>\n");
    metrics(event);
    charts(event, windowMs);
    blame(event);
  }

  private void metrics(EventReport event) {
    boolean runs = replications > 1;
    out.append("<table>\n<tr><th>Metric</th><th>").append(Html.escape(Figures.meanLabel(replications))).append("</th>")
        .append(runs ? "<th>95% CI</th><th>Min – max over runs</th>" : "").append("<th>What it is</th></tr>\n");
    for (String name : KEY_METRICS) {
      Optional<Metric> found = event.find(name);
      if (found.isEmpty()) {
        continue;
      }
      Metric m = found.get();
      out.append("<tr><td>").append(Html.escape(name)).append("</td><td class=\"n\">")
          .append(Html.escape(Figures.estimate(m))).append("</td>");
      if (runs) {
        out.append("<td class=\"n\">").append(Html.escape(Figures.interval(m))).append("</td><td class=\"n\">")
            .append(Html.escape(Figures.range(m))).append("</td>");
      }
      out.append("<td>").append(Html.escape(m.description())).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void charts(EventReport event, long windowMs) {
    StaleSeries series = event.series();
    if (series.buckets() == 0 || windowMs <= 0) {
      out.append("<p>No time buckets in this window.</p>\n");
      return;
    }
    String name = "switch " + Figures.number(event);
    double[] shares = new double[series.buckets()];
    for (int b = 0; b < shares.length; b++) {
      shares[b] = series.share(b);
    }
    long zoomMs = zoomSpan(series, windowMs);
    out.append("<div class=\"charts\">\n");
    if (zoomMs > 0) {
      figure(shareChart(event, shares, zoomMs, name + ": the first " + Durations.format(zoomMs)),
          "The first " + Durations.format(zoomMs) + " after the switch, enlarged.");
    }
    figure(shareChart(event, shares, windowMs, name + ": the whole window"),
        "The whole window, 0 to " + Durations.format(windowMs) + " after the switch: the x axis ends with it, at the "
            + "next switch or the end of the run." + referenceCaption(event, ReferenceMark.Curve.STALE_SHARE));
    List<KindSeries> kinds = shownKinds(event);
    if (kinds.size() > 1) {
      figure(kindChart(event, kinds, windowMs, name), "The stale share of the uses of the clients behind each resolver "
          + "kind" + (event.kinds().size() > kinds.size() ? " (the " + kinds.size() + " of " + event.kinds().size()
          + " kinds with the most stale uses)" : "") + ": which kinds hold the tail, over time.");
    }
    LastStaleCurve curve = event.lastStaleCurve();
    if (curve != null && curve.clients() > 0) {
      figure(cdfChart(event, curve, windowMs, name),
          "Each observed client's last stale use (0 for clients never stale), pooled over runs: the share of clients "
              + "whose last stale use came before each time; dashed lines mark p50 and p99 of the clients"
              + (replications > 1 ? " (means of " + replications + " runs)." : "."));
      figure(tailChart(event, curve, windowMs, name),
          "The tail: the share of observed clients with a stale use at or after each time, on a logarithmic axis "
              + "(one client is 1 in " + Figures.count(curve.clients()) + (replications > 1 ? ", all runs pooled" : "")
              + ": the lowest step above the axis's floor)." + referenceCaption(event, ReferenceMark.Curve.CLIENTS_STALE));
    }
    out.append("</div>\n");
    if (event.closedForm().isEmpty()) {
      out.append("<p class=\"note\">No closed-form prediction for this switch")
          .append(event.closedFormNote() == null ? "" : ": " + Html.escape(event.closedFormNote())).append(".</p>\n");
    }
  }

  private void figure(String svg, String caption) {
    out.append("<figure>\n").append(svg).append("<figcaption>").append(Html.escape(caption))
        .append("</figcaption>\n</figure>\n");
  }

  /** The stale share of uses per bucket, the runs' spread around it, and the closed-form points. */
  private String shareChart(EventReport event, double[] shares, long endMs, String title) {
    StaleSeries series = event.series();
    int shown = (int) Math.min(series.buckets(), -Math.floorDiv(-endMs, series.bucketMs()));
    ShareBand band = replications > 1 ? event.band() : null;
    double peak = 0;
    for (int b = 0; b < shown; b++) {
      peak = Math.max(peak, finite(shares[b]));
      if (band != null) {
        peak = Math.max(peak, finite(band.high()[b]));
      }
    }
    List<ClosedFormPoint> closedForm = event.closedForm().stream().filter(p -> p.offsetMs() <= endMs).toList();
    for (ClosedFormPoint p : closedForm) {
      peak = Math.max(peak, finite(p.predicted()));
    }
    for (ReferenceMark m : marks(event, ReferenceMark.Curve.STALE_SHARE, endMs)) {
      peak = Math.max(peak, m.value());
    }
    SvgChart chart = new SvgChart(title, endMs, SvgChart.Scale.LINEAR, SvgChart.niceShareCeiling(peak), 0,
        "time after the switch", "stale share of uses");
    if (band != null) {
      // Buckets without uses have no share to spread around.
      double[] low = band.low().clone();
      double[] high = band.high().clone();
      for (int b = 0; b < low.length; b++) {
        if (series.uses()[b] == 0) {
          low[b] = Double.NaN;
          high[b] = Double.NaN;
        }
      }
      chart.band("spread", "range of " + replications + " runs", low, high, series.bucketMs());
    }
    chart.steps("simulated", "simulated, per " + Durations.format(series.bucketMs()), shares, series.bucketMs());
    if (!closedForm.isEmpty()) {
      long[] xs = closedForm.stream().mapToLong(ClosedFormPoint::offsetMs).toArray();
      double[] ys = closedForm.stream().mapToDouble(ClosedFormPoint::predicted).toArray();
      chart.points("predicted", "closed form (TTL caches)", xs, ys);
    }
    references(chart, event, ReferenceMark.Curve.STALE_SHARE, endMs);
    return chart.render();
  }

  /** The scenario's published figures for this switch and curve, within the axis, as one series of points. */
  private void references(SvgChart chart, EventReport event, ReferenceMark.Curve curve, long endMs) {
    List<ReferenceMark> marks = marks(event, curve, endMs);
    if (!marks.isEmpty()) {
      chart.points("reference", "published (references:)", marks.stream().mapToLong(ReferenceMark::atMs).toArray(),
          marks.stream().mapToDouble(ReferenceMark::value).toArray());
    }
  }

  /** The marks a chart of {@code curve} over [0, endMs] after {@code event} draws. */
  static List<ReferenceMark> marks(List<ReferenceMark> references, EventReport event, ReferenceMark.Curve curve,
      long endMs) {
    return references.stream().filter(m -> m.index() == event.index() && m.curve() == curve && m.atMs() <= endMs)
        .toList();
  }

  private List<ReferenceMark> marks(EventReport event, ReferenceMark.Curve curve, long endMs) {
    return marks(references, event, curve, endMs);
  }

  private String referenceCaption(EventReport event, ReferenceMark.Curve curve) {
    List<ReferenceMark> marks = marks(event, curve, event.windowEndMs() - event.atMs());
    if (marks.isEmpty()) {
      return "";
    }
    StringBuilder s = new StringBuilder(" Black dots: published figures the scenario cites —");
    for (ReferenceMark m : marks) {
      s.append(' ').append(m.label()).append(" (").append(Figures.percent(m.value())).append(" at ")
          .append(Durations.format(m.atMs())).append(");");
    }
    s.setLength(s.length() - 1);
    return s.append('.').toString();
  }

  /** Resolver kinds with stale uses, the most first, at most six (one colour each). */
  static List<KindSeries> shownKinds(EventReport event) {
    return event.kinds().stream()
        .sorted(java.util.Comparator.comparingLong((KindSeries k) -> -total(k.staleUses())).thenComparing(KindSeries::resolverKind))
        .limit(6).toList();
  }

  private static long total(long[] values) {
    long t = 0;
    for (long v : values) {
      t += v;
    }
    return t;
  }

  private String kindChart(EventReport event, List<KindSeries> kinds, long windowMs, String title) {
    double peak = 0;
    double[][] shares = new double[kinds.size()][];
    for (int k = 0; k < kinds.size(); k++) {
      int buckets = kinds.get(k).uses().length;
      shares[k] = new double[buckets];
      for (int b = 0; b < buckets; b++) {
        shares[k][b] = kinds.get(k).share(b);
        peak = Math.max(peak, finite(shares[k][b]));
      }
    }
    SvgChart chart = new SvgChart(title + ": by resolver kind", windowMs, SvgChart.Scale.LINEAR,
        SvgChart.niceShareCeiling(peak), 0, "time after the switch", "stale share of the kind's uses");
    for (int k = 0; k < kinds.size(); k++) {
      chart.steps("s" + k, kinds.get(k).resolverKind(), shares[k], event.series().bucketMs());
    }
    return chart.render();
  }

  private String cdfChart(EventReport event, LastStaleCurve curve, long windowMs, String title) {
    double[] letGo = new double[curve.buckets()];
    for (int b = 0; b < letGo.length; b++) {
      // Clients whose last stale use came before the end of bucket b: not stale at or after its end.
      // In the last bucket a client stale there may stay stale past the window: counted as not let go.
      letGo[b] = 1 - curve.stillStale(Math.min(b + 1, letGo.length - 1));
    }
    SvgChart chart = new SvgChart(title + ": clients let go", windowMs, SvgChart.Scale.LINEAR, 1, 0,
        "time after the switch", "share of clients");
    chart.steps("cdf", "last stale use before t", letGo, curve.bucketMs());
    marker(chart, event, "lastStale.p50", "p50", "p50");
    marker(chart, event, "lastStale.p99", "p99", "p99");
    return chart.render();
  }

  private void marker(SvgChart chart, EventReport event, String metric, String cssClass, String label) {
    event.find(metric).ifPresent(m -> {
      if (Double.isFinite(m.estimate().mean())) {
        chart.marker(cssClass, label + " " + Figures.estimate(m), Math.round(m.estimate().mean()));
      }
    });
  }

  private String tailChart(EventReport event, LastStaleCurve curve, long windowMs, String title) {
    double[] still = new double[curve.buckets()];
    for (int b = 0; b < still.length; b++) {
      still[b] = curve.stillStale(b);
    }
    SvgChart chart = new SvgChart(title + ": the tail", windowMs, SvgChart.Scale.LOG, 1,
        SvgChart.logFloor(curve.clients()), "time after the switch", "clients still stale (log)");
    chart.steps("tail", "stale use at or after t", still, curve.bucketMs());
    references(chart, event, ReferenceMark.Curve.CLIENTS_STALE, windowMs);
    return chart.render();
  }

  /** The first nice span covering the time the share first falls under 10%; 0 when it would not enlarge much. */
  static long zoomSpan(StaleSeries series, long windowMs) {
    long under = series.buckets() * series.bucketMs();
    for (int b = 0; b < series.buckets(); b++) {
      double s = series.share(b);
      if (Double.isFinite(s) && s < ZOOM_SHARE) {
        under = b * series.bucketMs();
        break;
      }
    }
    for (long span : ZOOM_SPANS_MS) {
      if (span >= under) {
        return span * 3 <= windowMs ? span : 0;
      }
    }
    return 0;
  }

  private static double finite(double v) {
    return Double.isFinite(v) ? v : 0;
  }

  /** Who holds the switch back, by resolver kind (the software people configure), client kinds nested. */
  private void blame(EventReport event) {
    if (event.blame().isEmpty()) {
      return;
    }
    String latest = Html.escape(Figures.latestLabel(replications));
    out.append("<h3>Who holds the switch back, by resolver kind</h3>\n<table class=\"blame\">\n<tr><th>Resolver kind / "
        + "resolver group + client group (client kind)</th><th>Uses</th><th>Stale uses</th><th>Stale share</th><th>")
        .append(latest).append("</th></tr>\n");
    for (BlameByKind kind : BlameByKind.of(event.blame())) {
      List<Blame> pairs = kind.pairs();
      blameRow("kind", kind.kind(), kind.uses(), kind.staleUses(), kind.latestMs());
      for (Blame b : pairs.subList(0, Math.min(PAIRS_PER_KIND, pairs.size()))) {
        blameRow("pair", b.resolverGroup() + " + " + b.clientGroup() + " (" + b.clientKind() + ")", b.uses(),
            b.staleUses(), b.lastStaleMaxMs());
      }
      if (pairs.size() > PAIRS_PER_KIND) {
        out.append("<tr class=\"pair\"><td colspan=\"5\">").append(pairs.size() - PAIRS_PER_KIND)
            .append(" more pairs in report.md</td></tr>\n");
      }
    }
    out.append("</table>\n");
  }

  private void blameRow(String cssClass, String label, long uses, long stale, long latestMs) {
    out.append("<tr class=\"").append(cssClass).append("\"><td>").append(Html.escape(label))
        .append("</td><td class=\"n\">").append(Figures.count(uses)).append("</td><td class=\"n\">")
        .append(Figures.count(stale)).append("</td><td class=\"n\">")
        .append(Html.escape(Figures.percent(uses == 0 ? Double.NaN : (double) stale / uses)))
        .append("</td><td class=\"n\">").append(latestMs < 0 ? "never" : Html.escape(Durations.format(latestMs)))
        .append("</td></tr>\n");
  }

  private void expectations(TransitionReport report) {
    List<ExpectationResult> results = report.expectations();
    if (results.isEmpty()) {
      return;
    }
    out.append("<h2>Expectations</h2>\n<table>\n<tr><th>Result</th><th>Switch</th><th>Metric</th><th>Bound</th>"
        + "<th>Actual</th><th>Where</th></tr>\n");
    for (ExpectationResult r : results) {
      var unit = Figures.unitOf(r.metric());
      out.append("<tr><td").append(r.passed() ? ">PASS" : " class=\"fail\">FAIL").append("</td><td class=\"n\">")
          .append(MarkdownReport.switchColumn(r)).append("</td><td>")
          .append(Html.escape(r.label())).append("</td><td>").append(Html.escape(MarkdownReport.bound(r, unit)))
          .append("</td><td class=\"n\">").append(Html.escape(r.shownActual())).append("</td><td>")
          .append(r.where() == null ? "" : Html.escape(r.where())).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void row(String fact, String value) {
    out.append("<tr><td>").append(Html.escape(fact)).append("</td><td class=\"n\">").append(Html.escape(value))
        .append("</td></tr>\n");
  }
}
