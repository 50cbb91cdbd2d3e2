package dev.dnsflip.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One inline SVG chart over time after a switch: step lines, a band, points and vertical markers,
 * with axis titles on both axes and a legend inside the picture (so a printout keeps it). Every
 * series element carries {@code data-series} and the chart {@code data-series-count}, so a test
 * (or a reader's tool) can tell what is drawn. Inline in HTML, so no namespace attribute (and no
 * URL in the page). Coordinates have one decimal in Locale.ROOT: the
 * same input gives the same bytes.
 */
final class SvgChart {
  /** LINEAR and LOG axes hold shares (labelled in %); RATE a linear axis of plain figures (requests/s). */
  enum Scale { LINEAR, LOG, RATE }

  static final int WIDTH = 460;
  static final int HEIGHT = 290;
  private static final int LEFT = 70;
  private static final int RIGHT = 14;
  private static final int TOP = 14;
  private static final int BOTTOM = 58;
  private static final long[] TIME_STEPS_MS = {1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000,
      300_000, 600_000, 900_000, 1_800_000, 3_600_000, 7_200_000, 21_600_000, 43_200_000, 86_400_000};
  private static final double[] SHARE_STEPS = {0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.25};
  private static final int MAX_TICKS = 6;
  /** Height of each legend row past the first. */
  private static final int LEGEND_ROW = 16;

  /** What the legend shows for a series: a line, a filled band, a dot, a dashed marker or a dashed level. */
  private enum Swatch { LINE, BAND, DOT, MARKER, LEVEL }

  private record Entry(String cssClass, String label, Swatch swatch) {}

  private final String title;
  private final long xEndMs;
  private final Scale scale;
  private final double yMax;
  private final double yFloor;
  private final String xTitle;
  private final String yTitle;
  private final StringBuilder body = new StringBuilder();
  private final List<Entry> legend = new ArrayList<>();

  /**
   * @param yMax the top of the y axis (a share)
   * @param yFloor the bottom of a log axis (a power of ten); ignored on a linear axis
   */
  SvgChart(String title, long xEndMs, Scale scale, double yMax, double yFloor, String xTitle, String yTitle) {
    if (xEndMs <= 0) {
      throw new IllegalArgumentException("the x axis needs a positive length: " + xEndMs);
    }
    this.title = title;
    this.xEndMs = xEndMs;
    this.scale = scale;
    this.yMax = yMax;
    this.yFloor = yFloor;
    this.xTitle = xTitle;
    this.yTitle = yTitle;
  }

  /** A value per bucket, flat across the bucket; NaN (no value) breaks the line. Cut at the axis end. */
  SvgChart steps(String cssClass, String label, double[] values, long bucketMs) {
    StringBuilder path = new StringBuilder();
    boolean open = false;
    for (int b = 0; b < values.length; b++) {
      long from = b * bucketMs;
      if (from >= xEndMs) {
        break;
      }
      long to = Math.min(xEndMs, from + bucketMs);
      if (!Double.isFinite(values[b])) {
        open = false;
        continue;
      }
      double y = y(values[b]);
      path.append(String.format(Locale.ROOT, open ? "L%.1f %.1f " : "M%.1f %.1f ", x(from), y));
      path.append(String.format(Locale.ROOT, "L%.1f %.1f ", x(to), y));
      open = true;
    }
    series(cssClass, label, Swatch.LINE, "<path class=\"" + cssClass + "\" d=\"" + path.toString().strip() + "\"");
    return this;
  }

  /** The area between two values per bucket (the runs' spread); buckets without values leave a gap. */
  SvgChart band(String cssClass, String label, double[] low, double[] high, long bucketMs) {
    StringBuilder path = new StringBuilder();
    int b = 0;
    while (b < low.length && b * bucketMs < xEndMs) {
      if (!Double.isFinite(low[b]) || !Double.isFinite(high[b])) {
        b++;
        continue;
      }
      int start = b;
      while (b < low.length && b * bucketMs < xEndMs && Double.isFinite(low[b]) && Double.isFinite(high[b])) {
        b++;
      }
      // Upper edge left to right, lower edge back, as steps.
      StringBuilder upper = new StringBuilder();
      StringBuilder lower = new StringBuilder();
      for (int i = start; i < b; i++) {
        long from = i * bucketMs;
        long to = Math.min(xEndMs, from + bucketMs);
        upper.append(String.format(Locale.ROOT, "%s%.1f %.1f L%.1f %.1f ", i == start ? "M" : "L", x(from),
            y(high[i]), x(to), y(high[i])));
        lower.insert(0, String.format(Locale.ROOT, "L%.1f %.1f L%.1f %.1f ", x(to), y(low[i]), x(from), y(low[i])));
      }
      path.append(upper).append(lower).append("Z ");
    }
    series(cssClass, label, Swatch.BAND, "<path class=\"" + cssClass + "\" d=\"" + path.toString().strip() + "\"");
    return this;
  }

  /** Points at given offsets (ms) and values; points past the axis end are left out. */
  SvgChart points(String cssClass, String label, long[] xs, double[] ys) {
    StringBuilder g = new StringBuilder("<g class=\"" + cssClass + "\"");
    StringBuilder dots = new StringBuilder();
    for (int i = 0; i < xs.length; i++) {
      if (xs[i] <= xEndMs && Double.isFinite(ys[i])) {
        dots.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>", x(xs[i]), y(ys[i])));
      }
    }
    series(cssClass, label, Swatch.DOT, g + " data-series=\"" + Html.escape(label) + "\">" + dots + "</g>");
    return this;
  }

  /** A vertical line across the plot at {@code xMs}, named in the legend (a percentile, say). */
  SvgChart marker(String cssClass, String label, long xMs) {
    double x = x(Math.min(xMs, xEndMs));
    series(cssClass, label, Swatch.MARKER, String.format(Locale.ROOT,
        "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"", cssClass, x, TOP, x, HEIGHT - BOTTOM));
    return this;
  }

  /** Horizontal lines across the plot at each value (stated capacities, say), as one series. */
  SvgChart levels(String cssClass, String label, double[] values) {
    StringBuilder g = new StringBuilder();
    for (double v : values) {
      double y = y(v);
      g.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>", LEFT, y,
          WIDTH - RIGHT, y));
    }
    series(cssClass, label, Swatch.LEVEL, "<g class=\"" + cssClass + "\" data-series=\"" + Html.escape(label) + "\">"
        + g + "</g>");
    return this;
  }

  private void series(String cssClass, String label, Swatch swatch, String element) {
    legend.add(new Entry(cssClass, label, swatch));
    if (element.endsWith("</g>")) {
      body.append(element).append('\n');
    } else {
      body.append(element).append(" data-series=\"").append(Html.escape(label)).append("\"/>\n");
    }
  }

  String render() {
    StringBuilder svg = new StringBuilder();
    int rows = legendRows();
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT + LEGEND_ROW * (rows - 1)).append("\" role=\"img\" data-series-count=\"").append(legend.size())
        .append("\">\n");
    svg.append("<title>").append(Html.escape(title)).append("</title>\n");
    axes(svg);
    svg.append(body);
    legend(svg);
    svg.append("</svg>\n");
    return svg.toString();
  }

  private void axes(StringBuilder svg) {
    int plotBottom = HEIGHT - BOTTOM;
    int plotRight = WIDTH - RIGHT;
    svg.append("<g class=\"axes\">\n");
    long step = timeStep(xEndMs);
    for (long t = 0; t <= xEndMs; t += step) {
      tick(svg, t, plotBottom);
    }
    if (xEndMs % step != 0 && (xEndMs % step) * 3 > step) {
      tick(svg, xEndMs, plotBottom); // the axis's end, labelled, so a reader sees where it stops
    }
    for (double share : yTicks()) {
      double y = y(share);
      svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>%n",
          LEFT, y, plotRight, y));
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>%n",
          LEFT - 5, y + 4, Html.escape(scale == Scale.RATE ? rateLabel(share) : shareLabel(share))));
    }
    svg.append(String.format(Locale.ROOT, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>%n",
        LEFT, TOP, plotRight - LEFT, plotBottom - TOP));
    svg.append(String.format(Locale.ROOT,
        "<text class=\"axis-title x\" x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        (LEFT + plotRight) / 2, plotBottom + 32, Html.escape(xTitle)));
    svg.append(String.format(Locale.ROOT,
        "<text class=\"axis-title y\" x=\"%d\" y=\"%d\" text-anchor=\"middle\" transform=\"rotate(-90 %d %d)\">%s</text>%n",
        14, (TOP + plotBottom) / 2, 14, (TOP + plotBottom) / 2, Html.escape(yTitle)));
    svg.append("</g>\n");
  }

  private void tick(StringBuilder svg, long t, int plotBottom) {
    double x = x(t);
    svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>%n",
        x, TOP, x, plotBottom));
    svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>%n",
        x, plotBottom + 14, Html.escape(timeLabel(t))));
  }

  private static double entryWidth(Entry e) {
    return 30 + 6.2 * e.label().length();
  }

  /** Rows the legend needs: a new row when an entry would pass the plot's right edge. */
  private int legendRows() {
    int rows = 1;
    double x = LEFT;
    for (Entry e : legend) {
      if (x > LEFT && x + entryWidth(e) - 6 > WIDTH - RIGHT) {
        rows++;
        x = LEFT;
      }
      x += entryWidth(e);
    }
    return rows;
  }

  /** The legend under the x axis title, one entry after another, wrapped into rows that fit. */
  private void legend(StringBuilder svg) {
    svg.append("<g class=\"legend\">\n");
    double x = LEFT;
    int y = HEIGHT - 8;
    for (Entry e : legend) {
      if (x > LEFT && x + entryWidth(e) - 6 > WIDTH - RIGHT) {
        x = LEFT;
        y += LEGEND_ROW;
      }
      String swatch = switch (e.swatch()) {
        case LINE, LEVEL -> String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
            e.cssClass(), x, y - 4, x + 16, y - 4);
        case MARKER -> String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\"/>",
            e.cssClass(), x + 8, y - 10, x + 8, y + 2);
        case BAND -> String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%d\" width=\"16\" height=\"8\"/>",
            e.cssClass(), x, y - 8);
        case DOT -> String.format(Locale.ROOT, "<g class=\"%s\"><circle cx=\"%.1f\" cy=\"%d\" r=\"3\"/></g>",
            e.cssClass(), x + 8, y - 4);
      };
      svg.append(swatch).append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>%n", x + 20, y,
          Html.escape(e.label())));
      x += entryWidth(e);
    }
    svg.append("</g>\n");
  }

  /** Tick labels in the largest whole unit: 0, 30s, 5m, 1h 30m; an odd axis end in full. */
  static String timeLabel(long ms) {
    if (ms == 0) {
      return "0";
    }
    if (ms % 60_000 != 0) {
      return ms % 1000 == 0 && ms < 60_000 ? ms / 1000 + "s" : dev.dnsflip.engine.Durations.format(ms);
    }
    long minutes = ms / 60_000;
    if (minutes < 60) {
      return minutes + "m";
    }
    return minutes / 60 + "h" + (minutes % 60 == 0 ? "" : " " + minutes % 60 + "m");
  }

  /** Tick labels without trailing zeros: 0%, 0.1%, 25%, 0.001%. */
  static String shareLabel(double share) {
    return BigDecimal.valueOf(share).movePointRight(2).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
        .toPlainString() + "%";
  }

  /** Plain figures without trailing zeros: 0, 50, 1200, 0.5. */
  static String rateLabel(double v) {
    return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** A step of 1, 2 or 5 times a power of ten giving at most {@code MAX_TICKS} steps up to {@code range}. */
  static double rateStep(double range) {
    if (!(range > 0)) {
      return 1;
    }
    double magnitude = Math.pow(10, Math.floor(Math.log10(range / MAX_TICKS)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (range / (m * magnitude) <= MAX_TICKS) {
        return BigDecimal.valueOf(m * magnitude).round(new java.math.MathContext(1)).doubleValue();
      }
    }
    return 10 * magnitude;
  }

  /** The smallest multiple of the rate step at or above {@code peak} (1 for nothing to show). */
  static double niceRateCeiling(double peak) {
    if (!(peak > 0)) {
      return 1;
    }
    double step = rateStep(peak);
    return Math.ceil(peak / step - 1e-9) * step;
  }

  static long timeStep(long rangeMs) {
    for (long s : TIME_STEPS_MS) {
      if (rangeMs / s <= MAX_TICKS) {
        return s;
      }
    }
    long last = TIME_STEPS_MS[TIME_STEPS_MS.length - 1];
    return last * (rangeMs / (MAX_TICKS * last) + 1);
  }

  /** The smallest "nice" share (a tick step times a whole number) at or above the peak. */
  static double niceShareCeiling(double peak) {
    if (!(peak > 0)) {
      return 0.01;
    }
    if (peak >= 1) {
      return 1;
    }
    double step = shareStep(peak);
    return Math.min(1, Math.ceil(peak / step - 1e-9) * step);
  }

  /**
   * The log axis's floor: a power of ten below one client in {@code clients} (at most half of it,
   * so a single client stands clear of the floor), within [1e-6, 1e-2].
   */
  static double logFloor(long clients) {
    if (clients <= 0) {
      return 1e-4;
    }
    double exponent = Math.floor(Math.log10(0.5 / clients));
    return Math.pow(10, Math.max(-6, Math.min(-2, exponent)));
  }

  private static double shareStep(double range) {
    for (double s : SHARE_STEPS) {
      if (range / s <= MAX_TICKS) {
        return s;
      }
    }
    return 0.25;
  }

  private double[] yTicks() {
    if (scale == Scale.LOG) {
      int decades = (int) Math.round(-Math.log10(yFloor));
      double[] ticks = new double[decades + 1];
      for (int i = 0; i <= decades; i++) {
        ticks[i] = BigDecimal.ONE.movePointLeft(decades - i).doubleValue();
      }
      return ticks;
    }
    double step = scale == Scale.RATE ? rateStep(yMax) : shareStep(yMax);
    int n = (int) Math.round(yMax / step);
    double[] ticks = new double[n + 1];
    for (int i = 0; i <= n; i++) {
      ticks[i] = BigDecimal.valueOf(step).multiply(BigDecimal.valueOf(i)).doubleValue();
    }
    return ticks;
  }

  double x(long ms) {
    return LEFT + (double) Math.min(ms, xEndMs) / xEndMs * (WIDTH - LEFT - RIGHT);
  }

  /** Values below a log axis's floor (0 included) sit on the floor; values past the top on the top. */
  double y(double share) {
    double plotHeight = HEIGHT - TOP - BOTTOM;
    double fraction;
    if (scale == Scale.LOG) {
      double clamped = Math.max(yFloor, Math.min(1, share));
      fraction = (Math.log10(clamped) - Math.log10(yFloor)) / -Math.log10(yFloor);
    } else {
      fraction = Math.max(0, Math.min(1, share / yMax));
    }
    return TOP + (1 - fraction) * plotHeight;
  }
}
