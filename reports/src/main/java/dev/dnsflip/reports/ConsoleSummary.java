package dev.dnsflip.reports;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.OriginLoad;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A few lines for the terminal after a run: one row per switch event with the figures an operator
 * asks first (how much traffic still went to the old place, how long until it stopped), then the
 * failed expectations. ASCII only, so any terminal shows it; the full story is in the Markdown.
 */
public final class ConsoleSummary {
  /** A column: header, minimum width, and whether text is left-aligned (numbers align right). */
  private record Column(String header, int minWidth, boolean left) {}

  private static final List<Column> COLUMNS = List.of(
      new Column("switch", 6, false),
      new Column("direction", 9, true),
      new Column("at", 8, false),
      new Column("stale share", 11, false),
      new Column("stale clients", 13, false),
      new Column("lastStale p50", 13, false),
      new Column("p99", 9, false),
      new Column("max", 9, false),
      new Column("<1% after", 10, false),
      new Column("<0.1% after", 11, false),
      new Column("0 after", 9, false));

  /** The metrics after the switch's number, direction and time, one per remaining column. */
  static final List<String> METRICS = List.of("staleShare", "clientsWithStaleUse", "lastStale.p50", "lastStale.p99",
      "lastStale.max", "staleShareBelow1%", "staleShareBelow0.1%", "staleShareZero");

  private static final String GAP = "  ";
  private static final String ABSENT = "-";

  private ConsoleSummary() {}

  public static String render(TransitionReport report) {
    StringBuilder out = new StringBuilder();
    out.append("dnsflip ").append(report.scenario()).append(": seed ").append(report.seed())
        .append(", ").append(report.replications()).append(report.replications() == 1 ? " replication" : " replications")
        .append(", ").append(Durations.format(report.durationMs())).append('\n');
    if (report.accountImport() != null) {
      // The importer's first line: zones and records found; the rest is in report.md.
      String summary = report.accountImport().summary();
      int end = summary.indexOf('\n');
      out.append(end < 0 ? summary : summary.substring(0, end)).append('\n');
    }
    if (report.replications() > 1) {
      out.append("figures are means of ").append(report.replications())
          .append(" runs (max: mean of the runs' maxima); >= marks a figure the window cut short; "
              + "latest stale use: the latest in any run\n");
    }
    List<String[]> rows = new ArrayList<>();
    for (EventReport event : report.events()) {
      rows.add(row(event));
    }
    int[] widths = new int[COLUMNS.size()];
    for (int c = 0; c < widths.length; c++) {
      widths[c] = Math.max(COLUMNS.get(c).minWidth(), COLUMNS.get(c).header().length());
      for (String[] r : rows) {
        widths[c] = Math.max(widths[c], r[c].length());
      }
    }
    if (!rows.isEmpty()) { // a scenario with no switch (outages only) has no table to head
      out.append(line(COLUMNS.stream().map(Column::header).toArray(String[]::new), widths));
    }
    for (String[] r : rows) {
      out.append(line(r, widths));
    }
    for (EventReport event : report.events()) {
      Blame b = event.slowest();
      if (b != null && event.blame().size() > 1) {
        out.append("switch ").append(Figures.number(event)).append(" slowest: ").append(Figures.slowest(b, report.replications()))
            .append('\n');
      }
    }
    readiness(report, out);
    for (dev.dnsflip.observe.OutageAnswers o : report.answering().outages()) {
      out.append("outage ").append(o.number()).append(" (").append(AnsweringView.window(o)).append("): ")
          .append(Figures.percent(o.answeredShare().mean())).append(" of queries answered, ")
          .append(Figures.percent(o.rideThrough().mean())).append(" of clients rode it through\n");
    }
    long failed = 0;
    for (ExpectationResult r : report.expectations()) {
      if (!r.passed()) {
        failed++;
        out.append(failure(r)).append('\n');
      }
    }
    if (!report.expectations().isEmpty() && failed == 0) {
      out.append("all ").append(report.expectations().size()).append(" expectations passed\n");
    }
    return out.toString();
  }

  /** The readiness findings someone must act on: a capacity passed, uses failing TLS, the last holder. */
  static void readiness(TransitionReport report, StringBuilder out) {
    for (SwitchReadiness s : report.readiness().switches()) {
      String at = "switch " + (s.index() + 1) + " readiness: ";
      for (OriginLoad o : s.originLoad()) {
        // After an enable, as the report's load table: after a disable the load only falls away.
        if (o.firstExceededMs() >= 0 && s.direction() == dev.dnsflip.authority.SwitchDirection.ENABLE) {
          out.append(at).append(o.address()).append(" above its capacity (").append(ReadinessView.rate(o.capacityPerSecond()))
              .append(" req/s) from ").append(Durations.format(o.firstExceededMs())).append(" after the switch, peak ")
              .append(ReadinessView.rate(o.peakPerSecond())).append(" req/s\n");
        }
      }
      if (s.tls().failingUses() > 0) {
        out.append(at).append(Figures.count(s.tls().failingUses())).append(" uses (")
            .append(s.tls().failingShare() == null ? Figures.MISSING : Figures.percent(s.tls().failingShare()))
            .append(") went to an origin with a certificate only Cloudflare trusts and would fail TLS\n");
      }
      if (s.direction() == dev.dnsflip.authority.SwitchDirection.DISABLE && s.clients().lastLetGoMs() >= 0) {
        out.append(at).append("the last client let go of the origin addresses ")
            .append(Durations.format(s.clients().lastLetGoMs())).append(" after the switch")
            .append(s.clients().openAtWindowEnd() ? " (still holding one when the window closed)" : "").append('\n');
      }
    }
  }

  private static String[] row(EventReport e) {
    List<String> cells = new ArrayList<>(List.of(Integer.toString(Figures.number(e)), e.direction().key(),
        Durations.format(e.atMs())));
    METRICS.forEach(name -> cells.add(figure(e, name)));
    return cells.toArray(String[]::new);
  }

  /** A metric's mean, ">=" when censored (a lower bound), "-" when the simulation did not report it. */
  private static String figure(EventReport e, String name) {
    Optional<Metric> metric = e.find(name);
    if (metric.isEmpty()) {
      return ABSENT;
    }
    Estimate est = metric.get().estimate();
    if (!Double.isFinite(est.mean())) {
      return ABSENT;
    }
    String v = Figures.value(metric.get().unit(), est.mean());
    return est.censored() > 0 ? ">=" + v : v;
  }

  /** The line the console prints for a failed bound. */
  public static String failure(ExpectationResult r) {
    return "FAIL " + outcome(r);
  }

  /** A checked bound: the switch, the metric, the figure found, the bound and where it was declared. */
  public static String outcome(ExpectationResult r) {
    Optional<Unit> unit = Figures.unitOf(r.metric());
    StringBuilder sb = new StringBuilder();
    sb.append(r.checked()).append(' ').append(r.label());
    if (Double.isFinite(r.actual())) {
      sb.append(r.censoredRuns() > 0 ? " >= " : " = ").append(Figures.value(unit, r.actual()));
      if (r.censoredRuns() > 0) {
        sb.append(" (the window closed first in ").append(r.censoredRuns()).append(" of ").append(r.runs())
            .append(r.runs() == 1 ? " run" : " runs").append(')');
      }
    }
    sb.append(", expected");
    if (r.atLeast() != null) {
      sb.append(" >= ").append(Figures.value(unit, r.atLeast()));
    }
    if (r.atLeast() != null && r.atMost() != null) {
      sb.append(" and");
    }
    if (r.atMost() != null) {
      sb.append(" <= ").append(Figures.value(unit, r.atMost()));
    }
    if (r.where() != null && !r.where().isBlank()) {
      sb.append(" (").append(r.where()).append(')');
    }
    return sb.toString();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        sb.append(GAP);
      }
      String pad = " ".repeat(widths[c] - cells[c].length());
      sb.append(COLUMNS.get(c).left() ? cells[c] + pad : pad + cells[c]);
    }
    return sb.toString().stripTrailing() + "\n";
  }
}
