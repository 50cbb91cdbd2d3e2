package dev.dnsflip.observe;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;

/**
 * The transition after one switch event: its window is [atMs, windowEndMs), up to the next event
 * or the end of the run.
 */
public record EventReport(
    int index,
    SwitchDirection direction,
    long atMs,
    long windowEndMs,
    List<Metric> metrics,
    List<ClosedFormPoint> closedForm,
    List<QuestionStats> questions,
    StaleSeries series) {

  public EventReport {
    metrics = List.copyOf(metrics);
    closedForm = List.copyOf(closedForm);
    questions = List.copyOf(questions);
  }

  public Metric metric(String name) {
    return metrics.stream().filter(m -> m.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no metric " + name));
  }
}
