package dev.dnsflip.testing;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.reports.Figures;
import java.time.Duration;

/**
 * How a failed assertion on a switch event reads: which switch, the figure against its bound, and
 * the behaviour holding the tail, worded as the console summary words it.
 */
final class SwitchText {
  private SwitchText() {}

  static String heading(EventReport event) {
    return "switch " + Figures.number(event) + " (" + event.direction().key() + " at "
        + Durations.format(event.atMs()) + ")";
  }

  /** {@code switch 2 (disable at 31m 0s): <what>; the slowest: ...}. */
  static String failure(EventReport event, String what) {
    Blame slowest = event.slowest();
    // Every metric has one sample per run: the runs the slowest behaviour's latest use is taken over.
    int runs = event.metrics().isEmpty() ? 1 : event.metrics().get(0).estimate().samples();
    return heading(event) + ": " + what + "; " + (slowest == null ? "no client used a stale answer after this switch"
        : "the slowest: " + Figures.slowest(slowest, runs));
  }

  static String duration(Duration d) {
    return Figures.duration(d.toNanos() / 1e6);
  }

  /** A metric's mean as a Duration, to the nanosecond, so a bound equal to it compares equal. */
  static Duration ofMs(double ms) {
    return Duration.ofNanos(Math.round(ms * 1e6));
  }
}
