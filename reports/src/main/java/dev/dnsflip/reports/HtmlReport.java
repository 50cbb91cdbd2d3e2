package dev.dnsflip.reports;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.RunSummary;
import java.util.List;
import java.util.Optional;

/**
 * One self-contained HTML page (no scripts, no external files) for people who want pictures:
 * per switch event the key figures, the stale share over time on a linear and a logarithmic
 * axis with the closed-form points, and who holds the transition back. Same report, same bytes.
 */
public final class HtmlReport {
  /** The figures shown above each event's charts; the full list is in report.md and report.json. */
  static final List<String> KEY_METRICS = List.of("staleShare", "clientsWithStaleUse", "lastStale.p50",
      "lastStale.p99", "lastStale.max", "staleShareBelow1%", "staleShareBelow0.1%", "staleShareZero",
      "clientsStaleAfter.1m", "clientsStaleAfter.5m", "clientsStaleAfter.15m", "clientsStaleAfter.1h");
  private static final int BLAME_ROWS = 10;
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
      table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ccc;padding:.2rem .5rem}
      td.n{text-align:right}pre{background:#f6f6f6;padding:.5rem;overflow-x:auto}
      svg{display:block;margin:.5rem 0;font-size:11px}svg .grid{stroke:#e3e3e3}
      svg .simulated{fill:none;stroke:#c0392b;stroke-width:1.5}svg .predicted{fill:#2c7fb8}
      .legend .s{color:#c0392b}.legend .p{color:#2c7fb8}.fail{color:#c0392b;font-weight:bold}
      """;

  private final StringBuilder out = new StringBuilder();

  private HtmlReport() {}

  public static String render(TransitionReport report) {
    HtmlReport html = new HtmlReport();
    html.page(report);
    return html.out.toString();
  }

  private void page(TransitionReport report) {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>dnsflip report: ")
        .append(Html.escape(report.scenario())).append("</title>\n<style>\n").append(STYLE).append("</style>\n")
        .append("</head>\n<body>\n");
    out.append("<h1>dnsflip report: ").append(Html.escape(report.scenario())).append("</h1>\n");
    if (report.description() != null && !report.description().isBlank()) {
      out.append("<p>").append(Html.escape(report.description().strip())).append("</p>\n");
    }
    if (report.accountImport() != null) {
      out.append("<h2>Account import</h2>\n<pre>").append(Html.escape(report.accountImport().summary()))
          .append("</pre>\n");
    }
    run(report);
    for (EventReport event : report.events()) {
      event(event);
    }
    expectations(report);
    out.append("</body>\n</html>\n");
  }

  private void run(TransitionReport report) {
    RunSummary run = report.run();
    out.append("<h2>Run</h2>\n<table>\n");
    row("Seed", Long.toString(report.seed()));
    row("Replications", Figures.count(report.replications()));
    row("Duration", Durations.format(report.durationMs()));
    row("Initial cache", report.initialCache());
    row("Clients", Figures.count(run.clients()));
    row("Resolvers", Figures.count(run.resolvers()));
    row("Queries", Figures.count(run.queries()));
    row("Cache hit ratio", Figures.percent(run.cacheHitRatio()));
    out.append("</table>\n");
  }

  private void event(EventReport event) {
    long windowMs = event.windowEndMs() - event.atMs();
    out.append("<h2>Switch ").append(Figures.number(event)).append(": ")
        .append(event.direction() == SwitchDirection.ENABLE ? "enable" : "disable").append(" at ")
        .append(Html.escape(Durations.format(event.atMs()))).append("</h2>\n<p>")
        .append(MarkdownReport.meaning(event.direction())).append(". Window ").append(Html.escape(Durations.format(windowMs))).append(".</p>\n");
    Blame slowest = event.slowest();
    out.append("<p>").append(slowest == null ? "No client used a stale answer after this switch."
        : "<strong>Slowest behaviour:</strong> " + Html.escape(slowest.resolverGroup() + " (" + slowest.resolverKind()
            + ") with " + slowest.clientGroup() + " (" + slowest.clientKind() + "), last stale use "
            + Durations.format(slowest.lastStaleMaxMs()) + " after the switch.")).append("</p>\n");
    out.append("<table>\n");
    for (String name : KEY_METRICS) {
      Optional<Metric> m = event.find(name);
      if (m.isPresent()) {
        row(name, MarkdownReport.value(m.get(), m.get().estimate()));
      }
    }
    out.append("</table>\n");
    String title = "switch " + Figures.number(event);
    out.append("<h3>Stale share of uses over time</h3>\n");
    out.append(StaleChart.render(event.series(), event.closedForm(), windowMs, StaleChart.Scale.LINEAR, title));
    out.append("<h3>The tail, logarithmic (shares under 0.01% sit on the bottom line)</h3>\n");
    out.append(StaleChart.render(event.series(), event.closedForm(), windowMs, StaleChart.Scale.LOG, title + " tail"));
    out.append("<p class=\"legend\"><span class=\"s\">line</span>: simulated share per ")
        .append(Html.escape(Durations.format(event.series().bucketMs()))).append(" bucket; ")
        .append(event.closedForm().isEmpty()
            ? "no closed-form prediction" + (event.closedFormNote() == null ? "" : ": " + Html.escape(event.closedFormNote()))
            : "<span class=\"p\">dots</span>: closed-form prediction for TTL caches under Poisson lookups")
        .append(".</p>\n");
    blame(event);
  }

  private void blame(EventReport event) {
    if (event.blame().isEmpty()) {
      return;
    }
    List<Blame> sorted = event.blame().stream().sorted(MarkdownReport.SLOWEST_FIRST).limit(BLAME_ROWS).toList();
    out.append("<h3>Who holds the transition back</h3>\n<table>\n<tr><th>Resolver group</th><th>Resolver kind</th>"
        + "<th>Client group</th><th>Client kind</th><th>Stale uses</th><th>Last stale</th></tr>\n");
    for (Blame b : sorted) {
      out.append("<tr><td>").append(Html.escape(b.resolverGroup())).append("</td><td>")
          .append(Html.escape(b.resolverKind())).append("</td><td>").append(Html.escape(b.clientGroup()))
          .append("</td><td>").append(Html.escape(b.clientKind())).append("</td><td class=\"n\">")
          .append(Figures.count(b.staleUses())).append("</td><td class=\"n\">")
          .append(b.lastStaleMaxMs() < 0 ? "never" : Html.escape(Durations.format(b.lastStaleMaxMs())))
          .append("</td></tr>\n");
    }
    out.append("</table>\n");
    if (event.blame().size() > BLAME_ROWS) {
      out.append("<p>").append(event.blame().size() - BLAME_ROWS).append(" more pairs in report.md.</p>\n");
    }
  }

  private void expectations(TransitionReport report) {
    List<ExpectationResult> results = report.expectations();
    if (results.isEmpty()) {
      return;
    }
    out.append("<h2>Expectations</h2>\n<table>\n<tr><th>Result</th><th>Switch</th><th>Metric</th><th>Bound</th>"
        + "<th>Actual</th></tr>\n");
    for (ExpectationResult r : results) {
      var unit = Figures.unitOf(r.metric());
      out.append("<tr><td").append(r.passed() ? ">PASS" : " class=\"fail\">FAIL").append("</td><td class=\"n\">")
          .append(r.event() < 0 ? "none matched" : Integer.toString(r.event() + 1)).append("</td><td>")
          .append(Html.escape(r.label())).append("</td><td>").append(Html.escape(MarkdownReport.bound(r, unit)))
          .append("</td><td class=\"n\">").append(Html.escape(Figures.value(unit, r.actual()))).append("</td></tr>\n");
    }
    out.append("</table>\n");
  }

  private void row(String fact, String value) {
    out.append("<tr><td>").append(Html.escape(fact)).append("</td><td class=\"n\">").append(Html.escape(value))
        .append("</td></tr>\n");
  }
}
