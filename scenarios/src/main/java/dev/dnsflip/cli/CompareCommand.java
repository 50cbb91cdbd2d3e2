package dev.dnsflip.cli;

import dev.dnsflip.compare.ReportFiguresReader;
import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.Comparison;
import dev.dnsflip.reports.ComparisonReport;
import dev.dnsflip.reports.ReportFigures;
import dev.dnsflip.reports.ReportFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code dnsflip compare A.json B.json ...}: the same figures side by side, differences judged. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Compare report.json files: the first is the reference; each figure of the others is marked "
        + "when it differs beyond the runs' confidence intervals. Prints Markdown; --out also writes "
        + "compare.md and compare.html (curves overlaid).")
final class CompareCommand implements Callable<Integer> {
  static final Set<String> NAMES = Set.of("compare.md", "compare.html");

  @Parameters(paramLabel = "REPORT", arity = "2..*", description = "report.json files; the first is the reference")
  List<Path> reports;

  @Option(names = "--out", paramLabel = "DIR", description = "also write compare.md and compare.html to DIR")
  Path out;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    if (out != null) {
      checkPublishable(out);
    }
    List<ReportFigures> runs = new ArrayList<>();
    for (Path p : reports) {
      try {
        runs.add(ReportFiguresReader.read(p));
      } catch (InputException e) {
        throw new UserError(e.getMessage());
      }
    }
    Comparison comparison = Comparison.of(runs);
    String md = ComparisonReport.markdown(comparison);
    if (out != null) {
      publish(out, comparison, md);
    }
    PrintWriter w = spec.commandLine().getOut();
    w.print(md);
    w.flush();
    return Main.OK;
  }

  static void checkPublishable(Path dir) {
    try {
      ReportFiles.checkPublishable(dir, NAMES);
    } catch (IOException e) {
      throw IoProblem.of("write the comparison to", dir, e);
    }
  }

  static void publish(Path dir, Comparison comparison, String markdown) {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("compare.md", markdown);
    files.put("compare.html", ComparisonReport.html(comparison));
    try {
      ReportFiles.publish(dir, files);
    } catch (IOException e) {
      throw IoProblem.of("write the comparison to", dir, e);
    }
  }
}
