package dev.dnsflip.reports;

import dev.dnsflip.observe.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison as Markdown (one table per switch: the reference's figures, then each other run's
 * with how it differs) and as one self-contained HTML page with the stale-share curves of every
 * run overlaid per switch.
 */
public final class ComparisonReport {
  private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b",
      "#e377c2", "#17becf"};
  private static final int WIDTH = 720;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 24;
  private static final int TOP = 16;
  private static final int BOTTOM = 44;

  private ComparisonReport() {}

  public static String markdown(Comparison c) {
    StringBuilder md = new StringBuilder("# Comparison\n\n");
    md.append(runsTable(c, false)).append('\n');
    md.append(legend()).append("\n\n");
    for (String m : c.unmatched()) {
      md.append("- not compared: ").append(m).append('\n');
    }
    for (ReportFigures.SwitchFigures s : c.runs().get(0).switches()) {
      List<ReportFigures> present = new ArrayList<>();
      for (ReportFigures r : c.runs()) {
        if (r.switchNumber(s.number()).filter(o -> o.direction().equals(s.direction())).isPresent()) {
          present.add(r);
        }
      }
      md.append("\n## Switch ").append(s.number()).append(" (").append(s.direction()).append(")\n\n");
      md.append("| metric |");
      for (int i = 0; i < present.size(); i++) {
        md.append(' ').append(i == 0 ? "run 1 (reference)" : "run " + (c.runs().indexOf(present.get(i)) + 1)).append(" |");
      }
      md.append("\n|---|");
      md.append("---:|".repeat(present.size())).append('\n');
      for (ReportFigures.Figure f : s.metrics()) {
        md.append("| ").append(f.name()).append(" | ").append(value(f)).append(" |");
        for (ReportFigures other : present.subList(1, present.size())) {
          Comparison.Row row = row(c, other, s.number(), f.name());
          md.append(' ').append(row == null ? Figures.MISSING : value(row.otherFigure()) + " " + mark(row)).append(" |");
        }
        md.append('\n');
      }
    }
    List<Comparison.Row> regressions = c.regressions();
    md.append("\n## Worse beyond the intervals\n\n");
    if (regressions.isEmpty()) {
      md.append("None: no figure got worse by more than the runs' confidence intervals explain.\n");
    }
    for (Comparison.Row r : regressions) {
      md.append("- ").append(describe(r)).append('\n');
    }
    return md.toString();
  }

  /** One line for a regression, as `run --baseline` prints it. */
  public static String describe(Comparison.Row r) {
    return "switch " + r.switchNumber() + " " + r.metric() + ": " + value(r.otherFigure()) + " in "
        + r.other().label() + " against " + value(r.referenceFigure()) + " in " + r.reference().label()
        + " (Welch's t-test, p < " + Difference.ALPHA + ")";
  }

  public static String html(Comparison c) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>dnsflip comparison</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:980px;color:#222}\n")
        .append("table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}\n")
        .append("td:first-child,th:first-child{text-align:left}.beyond{font-weight:bold;color:#b00}\n")
        .append("svg text{font-size:11px}.legend span{display:inline-block;margin-right:1.5em}\n")
        .append("</style>\n</head>\n<body>\n<h1>Comparison</h1>\n");
    h.append(runsTable(c, true));
    h.append("<p>").append(Html.escape(legend())).append("</p>\n");
    for (ReportFigures.SwitchFigures s : c.runs().get(0).switches()) {
      h.append("<h2>Switch ").append(s.number()).append(" (").append(Html.escape(s.direction())).append(")</h2>\n");
      h.append(chart(c, s));
      h.append("<table>\n<tr><th>metric</th><th>run 1 (reference)</th>");
      List<ReportFigures> others = new ArrayList<>();
      for (ReportFigures r : c.runs().subList(1, c.runs().size())) {
        if (r.switchNumber(s.number()).filter(o -> o.direction().equals(s.direction())).isPresent()) {
          others.add(r);
          h.append("<th>run ").append(c.runs().indexOf(r) + 1).append("</th>");
        }
      }
      h.append("</tr>\n");
      for (ReportFigures.Figure f : s.metrics()) {
        h.append("<tr><td>").append(Html.escape(f.name())).append("</td><td>").append(Html.escape(value(f))).append("</td>");
        for (ReportFigures other : others) {
          Comparison.Row row = row(c, other, s.number(), f.name());
          if (row == null) {
            h.append("<td>").append(Figures.MISSING).append("</td>");
          } else {
            h.append("<td").append(row.verdict() == Difference.Verdict.BEYOND ? " class=\"beyond\"" : "").append('>')
                .append(Html.escape(value(row.otherFigure()) + " " + mark(row))).append("</td>");
          }
        }
        h.append("</tr>\n");
      }
      h.append("</table>\n");
    }
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  private static String runsTable(Comparison c, boolean html) {
    StringBuilder t = new StringBuilder(html ? "<table>\n<tr><th>run</th><th>report</th><th>scenario</th><th>seed</th>"
        + "<th>replications</th></tr>\n" : "| run | report | scenario | seed | replications |\n|---|---|---|---:|---:|\n");
    for (int i = 0; i < c.runs().size(); i++) {
      ReportFigures r = c.runs().get(i);
      String run = i == 0 ? "1 (reference)" : Integer.toString(i + 1);
      if (html) {
        t.append("<tr><td>").append(run).append("</td><td>").append(Html.escape(r.label())).append("</td><td>")
            .append(Html.escape(r.scenario())).append("</td><td>").append(r.seed()).append("</td><td>")
            .append(r.replications()).append("</td></tr>\n");
      } else {
        t.append("| ").append(run).append(" | ").append(r.label().replace("|", "\\|")).append(" | ")
            .append(r.scenario().replace("|", "\\|")).append(" | ").append(r.seed()).append(" | ")
            .append(r.replications()).append(" |\n");
      }
    }
    return html ? t.append("</table>\n").toString() : t.toString();
  }

  private static String legend() {
    return "Each run's figure is the mean over its replications. Against the reference: ▲ higher or ▼ lower "
        + "beyond the confidence intervals (Welch's t-test on the two means, 5% level); ≈ within them; "
        + "'no interval' with one replication on a side; 'censored' when a run hit the window's end for "
        + "that figure.";
  }

  private static Comparison.Row row(Comparison c, ReportFigures other, int number, String metric) {
    for (Comparison.Row r : c.rows()) {
      if (r.other() == other && r.switchNumber() == number && r.metric().equals(metric)) {
        return r;
      }
    }
    return null;
  }

  private static String mark(Comparison.Row r) {
    return switch (r.verdict()) {
      case BEYOND -> r.otherFigure().mean() > r.referenceFigure().mean() ? "▲" : "▼";
      case WITHIN -> "≈";
      case NO_INTERVAL -> "(no interval)";
      case CENSORED -> "(censored)";
      case MISSING -> "";
    };
  }

  private static String value(ReportFigures.Figure f) {
    if (f.mean() == null) {
      return Figures.MISSING;
    }
    Unit unit = switch (f.unit()) {
      case "duration_ms" -> Unit.DURATION_MS;
      case "ratio" -> Unit.RATIO;
      default -> Unit.COUNT;
    };
    String v = Figures.value(unit, f.mean());
    if (f.ciLow() != null && f.ciHigh() != null && f.censored() == 0) {
      v += " [" + Figures.value(unit, f.ciLow()) + ", " + Figures.value(unit, f.ciHigh()) + "]";
    }
    return v;
  }

  /** The stale share over each run's window, one polyline per run, on a shared linear axis. */
  private static String chart(Comparison c, ReportFigures.SwitchFigures reference) {
    long maxMs = 1;
    for (ReportFigures r : c.runs()) {
      var s = r.switchNumber(reference.number());
      if (s.isPresent()) {
        maxMs = Math.max(maxMs, s.get().bucketMs() * s.get().staleShare().size());
      }
    }
    int plotW = WIDTH - LEFT - RIGHT;
    int plotH = HEIGHT - TOP - BOTTOM;
    StringBuilder svg = new StringBuilder();
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"stale share over time, every run\">\n");
    svg.append("<rect x=\"").append(LEFT).append("\" y=\"").append(TOP).append("\" width=\"").append(plotW)
        .append("\" height=\"").append(plotH).append("\" fill=\"none\" stroke=\"#999\"/>\n");
    for (int i = 0; i <= 4; i++) {
      double share = i / 4.0;
      int y = TOP + (int) Math.round(plotH * (1 - share));
      svg.append("<text x=\"").append(LEFT - 6).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">")
          .append(Math.round(share * 100)).append("%</text>\n");
      long ms = Math.round(maxMs * i / 4.0);
      int x = LEFT + (int) Math.round(plotW * i / 4.0);
      svg.append("<text x=\"").append(x).append("\" y=\"").append(TOP + plotH + 14).append("\" text-anchor=\"middle\">")
          .append(Html.escape(Figures.duration(ms))).append("</text>\n");
    }
    svg.append("<text x=\"").append(LEFT + plotW / 2).append("\" y=\"").append(HEIGHT - 6)
        .append("\" text-anchor=\"middle\">time after the switch</text>\n");
    svg.append("<text transform=\"rotate(-90)\" x=\"").append(-(TOP + plotH / 2)).append("\" y=\"14\" ")
        .append("text-anchor=\"middle\">stale share of uses</text>\n");
    StringBuilder legend = new StringBuilder("<div class=\"legend\">");
    for (int i = 0; i < c.runs().size(); i++) {
      ReportFigures r = c.runs().get(i);
      var s = r.switchNumber(reference.number()).filter(o -> o.direction().equals(reference.direction()));
      if (s.isEmpty()) {
        continue;
      }
      String colour = COLOURS[i % COLOURS.length];
      svg.append("<polyline class=\"run\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"1.5\" points=\"");
      List<Double> share = s.get().staleShare();
      for (int b = 0; b < share.size(); b++) {
        if (share.get(b) == null) {
          continue;
        }
        double x = LEFT + plotW * ((b + 0.5) * s.get().bucketMs()) / maxMs;
        double y = TOP + plotH * (1 - share.get(b));
        svg.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
      }
      svg.append("\"/>\n");
      legend.append("<span style=\"color:").append(colour).append("\">━ run ").append(i + 1).append(": ")
          .append(Html.escape(r.label())).append("</span>");
    }
    svg.append("</svg>\n");
    return svg + legend.append("</div>\n").toString();
  }
}
