package dev.dnsflip.reports;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.StaleSeries;
import java.util.List;
import java.util.Locale;

/**
 * The stale share after one switch event as an inline SVG: the simulated share per bucket as a
 * step line, the closed-form prediction as points, on a linear axis (how fast most users move)
 * or a logarithmic one (how long the last ones stay). Coordinates are written with one decimal
 * in Locale.ROOT, so the same report gives the same bytes.
 */
final class StaleChart {
  enum Scale { LINEAR, LOG }

  static final int WIDTH = 720;
  static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 24;
  private static final int TOP = 16;
  private static final int BOTTOM = 40;
  /** The log axis stops at 0.01%: below that a share is noise for any population here. */
  static final double LOG_FLOOR = 1e-4;
  private static final long[] TIME_STEPS_MS = {5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
      900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};
  private static final double[] SHARE_STEPS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25};
  private static final int MAX_TICKS = 8;

  private final StringBuilder svg = new StringBuilder();
  private final Scale scale;
  private final long xMaxMs;
  private final double yMax;

  private StaleChart(Scale scale, long xMaxMs, double yMax) {
    this.scale = scale;
    this.xMaxMs = xMaxMs;
    this.yMax = yMax;
  }

  /**
   * @param windowMs the event's window; the x axis ends at the last stale bucket plus a fifth,
   *     at least one minute, never past the window
   */
  static String render(StaleSeries series, List<ClosedFormPoint> closedForm, long windowMs, Scale scale,
      String title) {
    long xMax = xAxisEnd(series, windowMs);
    double peak = 0;
    for (int b = 0; b < series.buckets(); b++) {
      double s = series.share(b);
      if (Double.isFinite(s)) {
        peak = Math.max(peak, s);
      }
    }
    for (ClosedFormPoint p : closedForm) {
      peak = Math.max(peak, p.predicted());
    }
    double yMax = scale == Scale.LOG ? 1.0 : niceShareCeiling(peak);
    StaleChart chart = new StaleChart(scale, xMax, yMax);
    chart.draw(series, closedForm, title);
    return chart.svg.toString();
  }

  static long xAxisEnd(StaleSeries series, long windowMs) {
    long lastStaleEnd = 0;
    for (int b = 0; b < series.buckets(); b++) {
      if (series.staleUses()[b] > 0) {
        lastStaleEnd = (b + 1) * series.bucketMs();
      }
    }
    long wanted = Math.max(60_000, lastStaleEnd + lastStaleEnd / 5);
    long window = windowMs > 0 ? windowMs : series.buckets() * series.bucketMs();
    return Math.max(series.bucketMs(), Math.min(wanted, window));
  }

  /** The smallest "nice" share (a tick step times a whole number) at or above the peak. */
  static double niceShareCeiling(double peak) {
    if (!(peak > 0)) {
      return 0.01;
    }
    if (peak >= 1) {
      return 1;
    }
    double step = tickStep(peak);
    return Math.min(1, Math.ceil(peak / step - 1e-9) * step);
  }

  private static double tickStep(double range) {
    for (double s : SHARE_STEPS) {
      if (range / s <= MAX_TICKS) {
        return s;
      }
    }
    return 0.25;
  }

  private void draw(StaleSeries series, List<ClosedFormPoint> closedForm, String title) {
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\" role=\"img\">\n");
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    axes();
    stepLine(series);
    points(closedForm);
    svg.append("</svg>\n");
  }

  private void axes() {
    int plotBottom = HEIGHT - BOTTOM;
    int plotRight = WIDTH - RIGHT;
    svg.append("<g class=\"axes\">\n");
    long stepMs = timeStep(xMaxMs);
    for (long t = 0; t <= xMaxMs; t += stepMs) {
      double x = x(t);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>%n",
          x, TOP, x, plotBottom));
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
          x, plotBottom + 16, Html.escape(timeLabel(t))));
    }
    for (double share : yTicks()) {
      double y = y(share);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>%n",
          LEFT, y, plotRight, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT - 6, y + 4, Html.escape(shareLabel(share))));
    }
    svg.append(String.format(Locale.ROOT,
        "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">time after the switch</text>%n",
        (LEFT + plotRight) / 2, HEIGHT - 6));
    svg.append("</g>\n");
  }

  /** Tick labels in the largest whole unit: 0, 30s, 5m, 1h 30m. */
  static String timeLabel(long ms) {
    if (ms == 0) {
      return "0";
    }
    if (ms % 60_000 != 0) {
      return ms % 1000 == 0 ? ms / 1000 + "s" : Durations.format(ms);
    }
    long minutes = ms / 60_000;
    if (minutes < 60) {
      return minutes + "m";
    }
    return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
  }

  /** Tick labels without trailing zeros: 0%, 0.1%, 25%. */
  static String shareLabel(double share) {
    return java.math.BigDecimal.valueOf(share).movePointRight(2).setScale(4, java.math.RoundingMode.HALF_UP)
        .stripTrailingZeros().toPlainString() + "%";
  }

  private static long timeStep(long rangeMs) {
    for (long s : TIME_STEPS_MS) {
      if (rangeMs / s <= MAX_TICKS) {
        return s;
      }
    }
    return TIME_STEPS_MS[TIME_STEPS_MS.length - 1] * (rangeMs / (MAX_TICKS * TIME_STEPS_MS[TIME_STEPS_MS.length - 1]) + 1);
  }

  private double[] yTicks() {
    if (scale == Scale.LOG) {
      return new double[] {1e-4, 1e-3, 1e-2, 1e-1, 1};
    }
    double step = tickStep(yMax);
    int n = (int) Math.round(yMax / step);
    double[] ticks = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      ticks[i] = i * step;
    }
    return ticks;
  }

  /** The simulated share, flat across each bucket; buckets without uses break the line. */
  private void stepLine(StaleSeries series) {
    StringBuilder path = new StringBuilder();
    boolean open = false;
    for (int b = 0; b < series.buckets(); b++) {
      long from = b * series.bucketMs();
      if (from >= xMaxMs) {
        break;
      }
      long to = Math.min(xMaxMs, from + series.bucketMs());
      double share = series.share(b);
      if (!Double.isFinite(share)) {
        open = false;
        continue;
      }
      double y = y(share);
      path.append(String.format(Locale.ROOT, open ? "L%.1f %.1f " : "M%.1f %.1f ", x(from), y));
      path.append(String.format(Locale.ROOT, "L%.1f %.1f ", x(to), y));
      open = true;
    }
    if (path.length() > 0) {
      svg.append("<path class=\"simulated\" d=\"").append(path.toString().strip()).append("\"/>\n");
    }
  }

  private void points(List<ClosedFormPoint> closedForm) {
    for (ClosedFormPoint p : closedForm) {
      if (p.offsetMs() > xMaxMs) {
        continue;
      }
      svg.append(String.format(Locale.ROOT, "<circle class=\"predicted\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>%n",
          x(p.offsetMs()), y(p.predicted())));
    }
  }

  private double x(long ms) {
    return LEFT + (double) ms / xMaxMs * (WIDTH - LEFT - RIGHT);
  }

  /** Shares below the log axis's floor (0 included) sit on the floor. */
  private double y(double share) {
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double fraction;
    if (scale == Scale.LOG) {
      double clamped = Math.max(LOG_FLOOR, Math.min(1, share));
      fraction = (Math.log10(clamped) - Math.log10(LOG_FLOOR)) / -Math.log10(LOG_FLOOR);
    } else {
      fraction = Math.max(0, Math.min(1, share / yMax));
    }
    return TOP + (1 - fraction) * plotHeight;
  }
}
