package dev.dnsflip.cli;

import dev.dnsflip.reports.ReportSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import picocli.CommandLine;

/**
 * One run of the command line in this JVM: its exit code and what it printed to stdout and stderr.
 * Every report.json the run wrote under {@code --out} is checked against the published schema, so
 * no test writes a report the schema does not describe.
 */
public record CliRun(int exit, String out, String err) {
  /** {@code dnsflip ARGS} as a user would type it. */
  public static CliRun of(String... args) {
    return of(Main.commandLine(), args);
  }

  /** ARGS on a command line set up by the caller (e.g. with a factory that plants a component). */
  public static CliRun of(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int exit = cl.execute(args);
    List<String> args1 = List.of(args);
    int o = args1.indexOf("--out");
    if (o >= 0 && o + 1 < args1.size()) {
      checkReports(Path.of(args1.get(o + 1)));
    }
    return new CliRun(exit, out.toString(), err.toString());
  }

  private static void checkReports(Path dir) {
    if (!Files.isDirectory(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir, 2)) {
      for (Path report : files.filter(p -> p.getFileName().toString().equals("report.json")).toList()) {
        List<String> problems = ReportSchema.problems(Files.readString(report));
        if (!problems.isEmpty()) {
          throw new AssertionError(report + " does not conform to docs/report-schema.json: " + problems);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
