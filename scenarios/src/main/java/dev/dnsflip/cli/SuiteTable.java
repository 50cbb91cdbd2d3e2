package dev.dnsflip.cli;

import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.reports.ConsoleSummary;
import dev.dnsflip.reports.Figures;
import dev.dnsflip.reports.ExpectationResult;
import dev.dnsflip.reports.JunitReport;
import dev.dnsflip.reports.TransitionReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The suite's terminal table: one row per scenario in the order they ran, then each failed bound
 * worded as {@code dnsflip run} words it. ASCII only, like the run summary.
 */
final class SuiteTable {
  private static final String[] HEADERS = {"scenario", "switches", "passed", "failed", "slowest", "time"};
  /** Numbers align right, text left. */
  private static final boolean[] LEFT = {true, false, false, false, true, false};
  private static final String GAP = "  ";

  private SuiteTable() {}

  static String render(List<JunitReport.Entry> entries) {
    List<String[]> rows = new ArrayList<>();
    rows.add(HEADERS);
    long passed = 0;
    long failed = 0;
    for (JunitReport.Entry e : entries) {
      TransitionReport r = e.report();
      long bad = r.expectations().stream().filter(x -> !x.passed()).count();
      long good = r.expectations().size() - bad;
      passed += good;
      failed += bad;
      rows.add(new String[] {r.scenario(), Integer.toString(r.events().size()), Long.toString(good),
          Long.toString(bad), slowest(r), String.format(Locale.ROOT, "%.1f s", e.seconds())});
    }
    int[] widths = new int[HEADERS.length];
    for (String[] row : rows) {
      for (int c = 0; c < widths.length; c++) {
        widths[c] = Math.max(widths[c], row[c].length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (String[] row : rows) {
      out.append(line(row, widths));
    }
    for (JunitReport.Entry e : entries) {
      for (ExpectationResult x : e.report().expectations()) {
        if (!x.passed()) {
          out.append(e.report().scenario()).append(": FAIL ").append(ConsoleSummary.outcome(x)).append('\n');
        }
      }
    }
    out.append(entries.size()).append(entries.size() == 1 ? " scenario, " : " scenarios, ").append(passed)
        .append(" expectations passed, ").append(failed).append(" failed\n");
    return out.toString();
  }

  /** Over all switches, the behaviour that kept clients stale longest; "-" when none was stale. */
  private static String slowest(TransitionReport r) {
    EventReport where = null;
    Blame worst = null;
    for (EventReport event : r.events()) {
      Blame b = event.slowest();
      if (b != null && (worst == null || b.lastStaleMaxMs() > worst.lastStaleMaxMs())) {
        worst = b;
        where = event;
      }
    }
    return worst == null ? "-" : "switch " + (where.index() + 1) + ": " + Figures.slowest(worst, r.replications());
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < cells.length; c++) {
      if (c > 0) {
        sb.append(GAP);
      }
      String pad = " ".repeat(widths[c] - cells[c].length());
      sb.append(LEFT[c] ? cells[c] + pad : pad + cells[c]);
    }
    return sb.toString().stripTrailing() + "\n";
  }
}
