package dev.dnsflip.reports;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Metric;
import dev.dnsflip.observe.QuestionStats;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.observe.MetricRegistry;
import dev.dnsflip.observe.Unit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report for the operator who flipped the switch: what was simulated, then per switch event
 * how long the old answer lingered and who held on to it, then whether the declared bounds held.
 * Plain GitHub-flavoured Markdown, '\n' line endings, no locale-dependent formatting.
 */
public final class MarkdownReport {
  private static final Comparator<QuestionStats> MOST_STALE_FIRST =
      Comparator.comparingLong(QuestionStats::staleUses).reversed().thenComparing(QuestionStats::question);

  /** The blame table's order, shared with {@link HtmlReport}: the longest tail first. */
  static final Comparator<Blame> SLOWEST_FIRST = Comparator.comparingLong(Blame::lastStaleMaxMs).reversed()
      .thenComparing(Comparator.comparingLong(Blame::staleUses).reversed())
      .thenComparing(Blame::resolverGroup).thenComparing(Blame::clientGroup);

  private final StringBuilder out = new StringBuilder();
  private final int replications;

  private MarkdownReport(int replications) {
    this.replications = replications;
  }

  public static String render(TransitionReport report) {
    MarkdownReport md = new MarkdownReport(report.replications());
    md.header(report);
    md.readiness(report);
    md.answering(report);
    for (EventReport event : report.events()) {
      md.event(event);
    }
    md.expectations(report);
    return md.out.toString();
  }

  private void header(TransitionReport report) {
    line("# dnsflip report: " + inline(report.scenario()));
    if (report.description() != null && !report.description().isBlank()) {
      line();
      line(report.description().strip());
    }
    if (report.accountImport() != null) {
      // First, so a reader checks what was simulated before reading what happened.
      line();
      line("## Account import");
      line();
      line("Files: " + report.accountImport().files().stream().map(f -> "`" + inline(f) + "`")
          .collect(Collectors.joining(", ")));
      line();
      line("```text");
      out.append(report.accountImport().summary().replace("```", "'''"));
      if (!report.accountImport().summary().endsWith("\n")) {
        line();
      }
      line("```");
    }
    line();
    line("## Run");
    line();
    RunSummary run = report.run();
    row("Fact", "Value");
    line("|---|---:|");
    row("Seed", Long.toString(report.seed()));
    row("Replications", Figures.count(report.replications()));
    row("Duration", Durations.format(report.durationMs()));
    row("Time bucket", Durations.format(report.bucketMs()));
    row("Initial cache", report.initialCache());
    row("Clients", Figures.count(run.clients()));
    row("Resolvers", Figures.count(run.resolvers()));
    row("Nameservers", Figures.count(run.nameservers()));
    row("Max propagation delay", Durations.format(run.maxPropagationDelayMs()));
    row("Queries", Figures.count(run.queries()));
    row("Cache hits", Figures.count(run.cacheHits()));
    row("Cache hit ratio", Figures.percent(run.cacheHitRatio()));
    row("Partitions", partitions(run));
    line();
    if (report.replications() > 1) {
      line("Metrics are means of " + report.replications() + " runs (replications) with a 95% confidence interval "
          + "of the mean and the smallest and largest value over runs; a `.max` metric is each run's maximum, so "
          + "its mean is the mean of the runs' maxima. Counts are rounded to whole numbers. A figure the window cut "
          + "short in some run is a lower bound (≥), says in how many runs, and has no interval. \"Latest stale use\" "
          + "(slowest behaviour, blame, questions) is the latest in any run; counts in the blame, question and time "
          + "tables are summed over runs.");
    } else {
      line("One replication: no confidence intervals.");
    }
  }

  /** The readiness section: origin load, exposure, TLS, excluded records and tail causes. */
  private void readiness(TransitionReport report) {
    line();
    line("## Readiness");
    parts(ReadinessView.of(report.readiness(), replications));
  }

  /** Whether client queries were answered over the run and during each outage. */
  private void answering(TransitionReport report) {
    List<ReadinessView.Part> parts = AnsweringView.of(report.answering(), replications);
    if (parts.isEmpty()) {
      return;
    }
    line();
    line("## " + AnsweringView.HEADING);
    parts(parts);
  }

  /** Headings (one level below the section's), sentences, tables and bullets, as the HTML report words them. */
  private void parts(List<ReadinessView.Part> parts) {
    for (ReadinessView.Part part : parts) {
      if (part instanceof ReadinessView.Heading h) {
        line();
        line("### " + h.text());
      } else if (part instanceof ReadinessView.Text t) {
        line();
        line(t.text());
      } else if (part instanceof ReadinessView.Table t) {
        line();
        row(t.header().toArray(String[]::new));
        StringBuilder rule = new StringBuilder("|");
        for (boolean n : t.numeric()) {
          rule.append(n ? "---:|" : "---|");
        }
        line(rule.toString());
        for (List<String> r : t.rows()) {
          row(r.toArray(String[]::new));
        }
      } else if (part instanceof ReadinessView.Bullets b) {
        line();
        for (String item : b.items()) {
          line("- " + inline(item));
        }
      } // Charts: the HTML report draws them
    }
  }

  private void event(EventReport event) {
    line();
    line("## Switch " + Figures.number(event) + ": " + event.direction().key() + " at "
        + Durations.format(event.atMs()));
    line();
    long windowMs = event.windowEndMs() - event.atMs();
    line(meaning(event.direction()) + ". Window: " + Durations.format(event.atMs()) + " to "
        + Durations.format(event.windowEndMs()) + " (" + Durations.format(windowMs) + ").");
    slowest(event);
    metrics(event);
    closedForm(event);
    blame(event);
    questions(event);
    series(event, windowMs);
  }

  /** What a switch event does, in words (Markdown and HTML say it alike). */
  /** How the partitions ran: "40 skipping ahead past hits, 20 event by event (12: prefetch (...); ...)". */
  static String partitions(RunSummary run) {
    StringBuilder b = new StringBuilder(Figures.count(run.partitionsSkippingAhead()) + " skipping ahead past hits, "
        + Figures.count(run.partitionsEventByEvent()) + " event by event");
    if (!run.eventByEventBecause().isEmpty()) {
      b.append(" (");
      String sep = "";
      for (var e : new java.util.TreeMap<>(run.eventByEventBecause()).entrySet()) {
        b.append(sep).append(Figures.count(e.getValue())).append(": ").append(e.getKey());
        sep = "; ";
      }
      b.append(')');
    }
    return b.toString();
  }

  static String meaning(SwitchDirection direction) {
    return direction == SwitchDirection.ENABLE
        ? "DNS-only enforced: proxied names move from anycast to origin"
        : "DNS-only lifted: proxied names move from origin back to anycast";
  }

  private void metrics(EventReport event) {
    line();
    line("### Metrics");
    line();
    if (replications > 1) {
      row("Metric", Figures.meanLabel(replications), "95% CI", "Min – max over runs", "Description");
      line("|---|---:|---|---|---|");
      for (Metric m : event.metrics()) {
        row(m.name(), Figures.estimate(m), Figures.interval(m), Figures.range(m), m.description());
      }
    } else {
      row("Metric", "Value", "Description");
      line("|---|---:|---|");
      for (Metric m : event.metrics()) {
        row(m.name(), Figures.estimate(m), m.description());
      }
    }
    List<String> missing = MetricRegistry.names().stream().filter(n -> event.find(n).isEmpty()).toList();
    if (!missing.isEmpty()) {
      line();
      line("Not measured: " + missing.stream().map(n -> "`" + n + "`").collect(Collectors.joining(", "))
          + " (the window, " + Durations.format(event.windowEndMs() - event.atMs()) + ", ends before that horizon).");
    }
  }

  /** The one sentence an operator wants first: which behaviour holds the transition back. */
  private void slowest(EventReport event) {
    Blame b = event.slowest();
    line();
    if (b == null) {
      line("No client used a stale answer after this switch.");
      return;
    }
    line("**Slowest behaviour:** resolver group `" + inline(b.resolverGroup()) + "` (" + inline(b.resolverKind())
        + ") with client group `" + inline(b.clientGroup()) + "` (" + inline(b.clientKind()) + "): latest stale use "
        + Durations.format(b.lastStaleMaxMs()) + " after the switch"
        + (replications > 1 ? " (the latest in any of " + replications + " runs)" : "") + ", "
        + Figures.count(b.staleUses()) + " stale uses.");
  }

  /** Stale uses and the last-stale tail by resolver kind, then resolver group and client group, slowest first. */
  private void blame(EventReport event) {
    if (event.blame().isEmpty()) {
      return;
    }
    line();
    line("### Who holds the transition back");
    line();
    row("Resolver kind", "Resolver group", "Client group", "Client kind", "Uses", "Stale uses", "Stale share",
        Figures.latestLabel(replications));
    line("|---|---|---|---|---:|---:|---:|---:|");
    for (BlameByKind kind : BlameByKind.of(event.blame())) {
      if (kind.pairs().size() > 1) {
        // The kind's total first, so a kind behind many client groups reads as one line.
        row("**" + kind.kind() + "**", "**all**", "**all**", "", "**" + Figures.count(kind.uses()) + "**",
            "**" + Figures.count(kind.staleUses()) + "**", "**" + Figures.percent(kind.share()) + "**",
            "**" + latest(kind.latestMs()) + "**");
      }
      for (Blame b : kind.pairs()) {
        row(b.resolverKind(), b.resolverGroup(), b.clientGroup(), b.clientKind(), Figures.count(b.uses()),
            Figures.count(b.staleUses()), Figures.percent(b.uses() == 0 ? Double.NaN : (double) b.staleUses() / b.uses()),
            latest(b.lastStaleMaxMs()));
      }
    }
  }

  private static String latest(long ms) {
    return ms < 0 ? "never" : Durations.format(ms);
  }

  private void closedForm(EventReport event) {
    line();
    line("### Closed form vs simulated");
    line();
    if (event.closedForm().isEmpty()) {
      line(event.closedFormNote() == null ? "No closed-form prediction for this event."
          : "No closed-form prediction for this event: " + inline(event.closedFormNote()) + ".");
      return;
    }
    row("After switch", "Predicted", "Simulated");
    line("|---:|---:|---:|");
    for (ClosedFormPoint p : event.closedForm()) {
      row(Durations.format(p.offsetMs()), Figures.percent(p.predicted()), Figures.percent(p.simulated()));
    }
  }

  private void questions(EventReport event) {
    line();
    line("### Questions");
    line();
    if (event.questions().isEmpty()) {
      line("No question was asked in this window.");
      return;
    }
    row("Question", "Uses", "Stale uses", "Stale share", Figures.latestLabel(replications));
    line("|---|---:|---:|---:|---:|");
    List<QuestionStats> sorted = event.questions().stream().sorted(MOST_STALE_FIRST).collect(Collectors.toList());
    for (QuestionStats q : sorted) {
      row(q.question(), Figures.count(q.uses()), Figures.count(q.staleUses()),
          Figures.percent(q.uses() == 0 ? Double.NaN : (double) q.staleUses() / q.uses()),
          q.lastStaleMaxMs() < 0 ? "never" : Durations.format(q.lastStaleMaxMs()));
    }
  }

  private void series(EventReport event, long windowMs) {
    line();
    line("### Stale share over time");
    line();
    List<SeriesDigest.Row> rows = SeriesDigest.rows(event.series(), windowMs);
    if (rows.isEmpty()) {
      line("No time buckets in this window.");
      return;
    }
    row("After switch", "Uses", "Stale uses", "Stale share");
    line("|---|---:|---:|---:|");
    for (SeriesDigest.Row r : rows) {
      row(Durations.format(r.fromMs()) + " – " + Durations.format(r.toMs()), Figures.count(r.uses()),
          Figures.count(r.staleUses()), Figures.percent(r.share()));
    }
  }

  private void expectations(TransitionReport report) {
    line();
    line("## Expectations");
    line();
    List<ExpectationResult> results = report.expectations();
    if (results.isEmpty()) {
      line("No expectations declared.");
      return;
    }
    long failed = results.stream().filter(r -> !r.passed()).count();
    line(failed == 0 ? "All " + results.size() + " expectations passed."
        : failed + " of " + results.size() + " expectations failed.");
    line();
    row("Result", "Switch", "Metric", "Bound", "Actual", "Where");
    line("|---|---:|---|---|---:|---|");
    for (ExpectationResult r : results) {
      Optional<Unit> unit = Figures.unitOf(r.metric());
      row(r.passed() ? "PASS" : "FAIL", switchColumn(r),
          r.label(), bound(r, unit), r.shownActual(), r.where() == null ? "" : r.where());
    }
  }

  /** The expectations table's "Switch" cell: the switch's number, "outage N", or "none matched". */
  static String switchColumn(ExpectationResult r) {
    return r.outage() != null ? "outage " + r.outage() : r.event() < 0 ? "none matched" : Integer.toString(r.event() + 1);
  }

  static String bound(ExpectationResult r, Optional<Unit> unit) {
    String least = r.atLeast() == null ? null : "≥ " + Figures.value(unit, r.atLeast());
    String most = r.atMost() == null ? null : "≤ " + Figures.value(unit, r.atMost());
    if (least != null && most != null) {
      return least + " and " + most;
    }
    return least != null ? least : most == null ? "" : most;
  }

  private void row(String... cells) {
    StringBuilder sb = new StringBuilder("|");
    for (String cell : cells) {
      sb.append(' ').append(cell(cell)).append(" |");
    }
    line(sb.toString());
  }

  /** A pipe or line break inside a cell would end it early and break the table. */
  private static String cell(String text) {
    return text == null ? "" : inline(text).replace("|", "\\|");
  }

  private static String inline(String text) {
    return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private void line() {
    out.append('\n');
  }
}
