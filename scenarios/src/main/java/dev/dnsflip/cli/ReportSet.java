package dev.dnsflip.cli;

import dev.dnsflip.reports.CsvReport;
import dev.dnsflip.reports.HtmlReport;
import dev.dnsflip.reports.JsonReport;
import dev.dnsflip.reports.MarkdownReport;
import dev.dnsflip.reports.ReportFiles;
import dev.dnsflip.reports.TransitionReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The four files of a run's report, checked before the run and published whole after it. */
final class ReportSet {
  static final Set<String> NAMES = Set.of("report.json", "report.md", "report.html", "series.csv");

  private ReportSet() {}

  /** Refuses, before any work, a directory the set could not be published to. */
  static void checkPublishable(Path dir) {
    try {
      ReportFiles.checkPublishable(dir, NAMES);
    } catch (IOException e) {
      throw IoProblem.of("write the report to", dir, e);
    }
  }

  static void publish(Path dir, TransitionReport report) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("report.json", JsonReport.render(report));
    files.put("report.md", MarkdownReport.render(report));
    files.put("report.html", HtmlReport.render(report));
    files.put("series.csv", CsvReport.render(report));
    try {
      ReportFiles.publish(dir, files);
    } catch (IOException e) {
      throw IoProblem.of("write the report to", dir, e);
    }
  }
}
