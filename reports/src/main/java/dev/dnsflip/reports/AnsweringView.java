package dev.dnsflip.reports;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.AnswerSeries;
import dev.dnsflip.observe.Answering;
import dev.dnsflip.observe.Estimate;
import dev.dnsflip.observe.OutageAnswers;
import dev.dnsflip.observe.OutageFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The section on answers during outages as parts both Markdown and HTML render (the readiness
 * section's parts), so the two say the same in the same words; HTML adds a chart of the answered
 * share over the run after them.
 */
final class AnsweringView {
  static final String HEADING = "Answers during outages";

  private AnsweringView() {}

  /** The section's parts; none when nothing was counted (the lab). */
  static List<ReadinessView.Part> of(Answering answering, int replications) {
    List<ReadinessView.Part> parts = new ArrayList<>();
    if (!answering.counted()) {
      return parts;
    }
    AnswerSeries total = answering.total();
    long answered = 0;
    long failed = 0;
    for (int b = 0; b < total.buckets(); b++) {
      answered += total.answered(b);
      failed += total.failed(b);
    }
    String runs = replications > 1 ? " (counts summed over " + replications + " runs)" : "";
    parts.add(new ReadinessView.Text("Of " + Figures.count(answered + failed) + " client queries" + runs + ", "
        + Figures.count(answered) + " were answered (by a client cache, a connection or a resolver) and "
        + Figures.count(failed) + " got no answer: " + Figures.percent(share(answered, failed)) + " answered."));
    if (answering.outages().isEmpty()) {
      parts.add(new ReadinessView.Text("The scenario declares no authoritative outage (`outages:`)."));
      return parts;
    }
    parts.add(new ReadinessView.Text("Per outage: the answered share of the queries made inside its window, and "
        + "the ride-through share: of the clients that queried inside it, those whose every query there was "
        + "answered. Shares per run, then the mean over runs; the table's counts are summed over runs."));
    for (OutageAnswers o : answering.outages()) {
      parts.add(new ReadinessView.Heading("Outage " + o.number() + ": " + window(o)));
      parts.add(new ReadinessView.Text("Answered share: " + estimate(o.answeredShare(), replications)
          + ". Rode it through: " + estimate(o.rideThrough(), replications) + "."));
      List<List<String>> rows = new ArrayList<>();
      rows.add(row("all", o.total()));
      for (OutageFigures f : o.byResolverGroup()) {
        rows.add(row("resolvers " + f.name() + " (" + f.kind() + ")", f));
      }
      for (OutageFigures f : o.byClientGroup()) {
        rows.add(row("clients " + f.name() + " (" + f.kind() + ")", f));
      }
      parts.add(new ReadinessView.Table(List.of("Who", "Queries", "Answered", "Answered share", "Clients",
          "Rode through", "Ride-through share"), new boolean[] {false, true, true, true, true, true, true}, rows));
    }
    return parts;
  }

  /** "5m 0s – 2h 5m 0s, 100.00% of queries lost at every nameserver". */
  static String window(OutageAnswers o) {
    String where = o.nameservers().isEmpty() ? "every nameserver"
        : (o.nameservers().size() == 1 ? "nameserver " : "nameservers ")
            + o.nameservers().stream().map(String::valueOf).collect(Collectors.joining(", "));
    return Durations.format(o.fromMs()) + " – " + Durations.format(o.toMs()) + ", " + Figures.percent(o.loss())
        + " of queries lost at " + where;
  }

  private static List<String> row(String who, OutageFigures f) {
    return List.of(who, Figures.count(f.answered() + f.failed()), Figures.count(f.answered()),
        Figures.percent(f.answeredShare()), Figures.count(f.clients()), Figures.count(f.riders()),
        Figures.percent(f.rideThroughShare()));
  }

  private static String estimate(Estimate e, int replications) {
    if (e.samples() == 0) {
      return "no query inside it";
    }
    String mean = Figures.percent(e.mean());
    if (replications < 2) {
      return mean;
    }
    String ci = e.ciLow() == null ? "" : "95% CI " + Figures.percent(e.ciLow()) + " – " + Figures.percent(e.ciHigh())
        + ", ";
    return mean + " (" + ci + "runs " + Figures.percent(e.min()) + " – " + Figures.percent(e.max()) + ", "
        + e.samples() + " of " + replications + " runs with a query inside)";
  }

  private static double share(long answered, long failed) {
    return answered + failed == 0 ? Double.NaN : (double) answered / (answered + failed);
  }
}
