package dev.dnsflip.observe;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;

/**
 * The transition after one switch event: its window is [atMs, windowEndMs), up to the next event
 * or the end of the run. {@code closedFormNote} says why there is no closed-form comparison, when
 * there is none (null otherwise). {@code band} (the runs' spread per bucket) and
 * {@code lastStaleCurve} (clients still stale over time) are null in reports built without them;
 * {@code kinds} (uses and stale uses per resolver kind over time) is then empty.
 */
public record EventReport(
    int index,
    SwitchDirection direction,
    long atMs,
    long windowEndMs,
    List<Metric> metrics,
    List<ClosedFormPoint> closedForm,
    String closedFormNote,
    List<QuestionStats> questions,
    List<Blame> blame,
    StaleSeries series,
    ShareBand band,
    LastStaleCurve lastStaleCurve,
    List<KindSeries> kinds) {

  /** Without the series per resolver kind. */
  public EventReport(int index, SwitchDirection direction, long atMs, long windowEndMs, List<Metric> metrics,
      List<ClosedFormPoint> closedForm, String closedFormNote, List<QuestionStats> questions, List<Blame> blame,
      StaleSeries series, ShareBand band, LastStaleCurve lastStaleCurve) {
    this(index, direction, atMs, windowEndMs, metrics, closedForm, closedFormNote, questions, blame, series, band,
        lastStaleCurve, List.of());
  }

  /** Without the runs' spread and the clients' curve. */
  public EventReport(int index, SwitchDirection direction, long atMs, long windowEndMs, List<Metric> metrics,
      List<ClosedFormPoint> closedForm, String closedFormNote, List<QuestionStats> questions, List<Blame> blame,
      StaleSeries series) {
    this(index, direction, atMs, windowEndMs, metrics, closedForm, closedFormNote, questions, blame, series, null,
        null);
  }

  /** Without a blame breakdown. */
  public EventReport(int index, SwitchDirection direction, long atMs, long windowEndMs, List<Metric> metrics,
      List<ClosedFormPoint> closedForm, List<QuestionStats> questions, StaleSeries series) {
    this(index, direction, atMs, windowEndMs, metrics, closedForm, null, questions, List.of(), series);
  }

  /** Without a note on the closed form. */
  public EventReport(int index, SwitchDirection direction, long atMs, long windowEndMs, List<Metric> metrics,
      List<ClosedFormPoint> closedForm, List<QuestionStats> questions, List<Blame> blame, StaleSeries series) {
    this(index, direction, atMs, windowEndMs, metrics, closedForm, null, questions, blame, series);
  }

  public EventReport {
    metrics = List.copyOf(metrics);
    closedForm = List.copyOf(closedForm);
    questions = List.copyOf(questions);
    blame = List.copyOf(blame);
    kinds = List.copyOf(kinds);
  }

  /** The pair with the latest stale use (then the most stale uses), or null when nothing was stale. */
  public Blame slowest() {
    Blame best = null;
    for (Blame b : blame) {
      if (b.staleUses() == 0) {
        continue;
      }
      if (best == null || b.lastStaleMaxMs() > best.lastStaleMaxMs()
          || (b.lastStaleMaxMs() == best.lastStaleMaxMs() && b.staleUses() > best.staleUses())) {
        best = b;
      }
    }
    return best;
  }

  public Metric metric(String name) {
    return find(name).orElseThrow(() -> new IllegalArgumentException("no metric " + name));
  }

  /** Empty for a metric this event could not measure (a horizon past the end of its window). */
  public java.util.Optional<Metric> find(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
  }
}
