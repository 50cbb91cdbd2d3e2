package dev.dnsflip.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs side by side: the first is the reference, every other run's figures are set against it,
 * switch by switch (matched by number and direction) and metric by metric.
 */
public record Comparison(List<ReportFigures> runs, List<Row> rows) {
  /** Figures that describe how much traffic there was, not how well the switch went. */
  private static final Set<String> NEUTRAL = Set.of("uses", "clientsObserved");

  public Comparison {
    runs = List.copyOf(runs);
    rows = List.copyOf(rows);
  }

  /**
   * One figure of one switch in the reference and in another run.
   *
   * @param worse true when the other run's value is worse (later, larger, staler) than the
   *     reference's; always false for figures that only count traffic
   */
  public record Row(int switchNumber, String direction, String metric, String unit, ReportFigures reference,
      ReportFigures.Figure referenceFigure, ReportFigures other, ReportFigures.Figure otherFigure,
      Difference.Verdict verdict, boolean worse) {
    /** A difference beyond the intervals in the worse direction: what a CI gate fails on. */
    public boolean regression() {
      return worse && verdict == Difference.Verdict.BEYOND;
    }
  }

  public static Comparison of(List<ReportFigures> runs) {
    if (runs.size() < 2) {
      throw new IllegalArgumentException("a comparison needs two runs or more, got " + runs.size());
    }
    ReportFigures reference = runs.get(0);
    List<Row> rows = new ArrayList<>();
    for (ReportFigures other : runs.subList(1, runs.size())) {
      for (ReportFigures.SwitchFigures s : reference.switches()) {
        var match = other.switchNumber(s.number()).filter(o -> o.direction().equals(s.direction()));
        if (match.isEmpty()) {
          continue;
        }
        for (ReportFigures.Figure f : s.metrics()) {
          var g = match.get().metric(f.name());
          if (g.isEmpty()) {
            continue;
          }
          Difference.Verdict verdict = Difference.judge(f, g.get());
          boolean worse = !NEUTRAL.contains(f.name()) && f.mean() != null && g.get().mean() != null
              && g.get().mean() > f.mean();
          rows.add(new Row(s.number(), s.direction(), f.name(), f.unit(), reference, f, other, g.get(), verdict, worse));
        }
      }
    }
    return new Comparison(runs, rows);
  }

  /** Switches of the reference that some other run does not have (by number and direction). */
  public List<String> unmatched() {
    List<String> missing = new ArrayList<>();
    ReportFigures reference = runs.get(0);
    for (ReportFigures other : runs.subList(1, runs.size())) {
      for (ReportFigures.SwitchFigures s : reference.switches()) {
        if (other.switchNumber(s.number()).filter(o -> o.direction().equals(s.direction())).isEmpty()) {
          missing.add(other.label() + " has no switch " + s.number() + " (" + s.direction() + ")");
        }
      }
    }
    return missing;
  }

  public List<Row> regressions() {
    return rows.stream().filter(Row::regression).toList();
  }
}
