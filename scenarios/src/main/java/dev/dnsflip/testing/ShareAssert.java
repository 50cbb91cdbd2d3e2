package dev.dnsflip.testing;

import dev.dnsflip.reports.Figures;

/** Bounds on a share after a switch event (a bucket's stale share, the clients still stale after a horizon). */
public final class ShareAssert {
  private final EventFigure figure;

  ShareAssert(EventFigure figure) {
    this.figure = figure;
  }

  public ShareAssert isBelow(double ratio) {
    double value = figure.measured();
    if (!(value < ratio)) {
      throw figure.fail(Figures.percent(value), "below " + Figures.percent(ratio));
    }
    return this;
  }

  public ShareAssert isAtMost(double ratio) {
    double value = figure.measured();
    if (!(value <= ratio)) {
      throw figure.fail(Figures.percent(value), "at most " + Figures.percent(ratio));
    }
    return this;
  }
}
