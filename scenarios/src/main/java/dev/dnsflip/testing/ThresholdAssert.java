package dev.dnsflip.testing;

import java.time.Duration;

/** How soon after a switch event every bucket's stale share stays below a threshold. */
public final class ThresholdAssert {
  private final SwitchAssert owner;
  private final DurationFigureAssert time;

  ThresholdAssert(SwitchAssert owner, DurationFigureAssert time) {
    this.owner = owner;
    this.time = time;
  }

  /** The threshold time is at most {@code bound}; fails when the window closed before it was reached. */
  public SwitchAssert within(Duration bound) {
    time.isAtMost(bound);
    return owner;
  }
}
