package dev.dnsflip.cli;

import dev.dnsflip.spi.CacheLogicFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the CLI does with an exception that is not the user's mistake: a bug. The user gets one
 * line saying so and where the stack trace is; the trace goes to a file of its own so that it is
 * never mixed into the one-line messages of bad input (exit 2) and can be attached to a report.
 */
final class BugReport {
  /** Where traces go; a system property so tests can keep them in a temporary directory. */
  static final String DIRECTORY_PROPERTY = "dnsflip.bugReportDir";

  private BugReport() {}

  /** Writes the trace and returns the one line for stderr. */
  static String record(Throwable bug, String command) {
    StringWriter trace = new StringWriter();
    try (PrintWriter w = new PrintWriter(trace)) {
      w.println("dnsflip 0.1.0, Java " + System.getProperty("java.version") + ", command: " + command);
      bug.printStackTrace(w);
    }
    String what = bug.getClass().getName() + (bug.getMessage() == null ? "" : ": " + oneLine(bug.getMessage()));
    try {
      String dir = System.getProperty(DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir"));
      Path file = Files.createTempFile(Path.of(dir), "dnsflip-bug-", ".txt");
      Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
      return "internal error (a bug in dnsflip, not a problem with your input): " + what
          + "; the stack trace is in " + file;
    } catch (IOException | RuntimeException e) {
      // Nowhere to put it: the trace itself is the most useful thing left to print.
      return "internal error (a bug in dnsflip, not a problem with your input): " + what
          + "; the stack trace could not be written to a file (" + e.getMessage() + "), so here it is:\n" + trace;
    }
  }

  /** The cache logic failure in {@code ex}'s causes, or null. */
  static CacheLogicFailure logicFailure(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof CacheLogicFailure f) {
        return f;
      }
    }
    return null;
  }

  /** Writes the trace of a failure in a user's cache logic and returns the one line for stderr. */
  static String recordLogicFailure(CacheLogicFailure failure, Throwable whole, String command) {
    String line = oneLine(failure.getMessage()) + " (a bug in that cache logic, not in dnsflip or the scenario)";
    try {
      return line + "; its stack trace is in " + writeTrace(whole, command);
    } catch (IOException | RuntimeException e) {
      return line;
    }
  }

  private static Path writeTrace(Throwable t, String command) throws IOException {
    StringWriter trace = new StringWriter();
    try (PrintWriter w = new PrintWriter(trace)) {
      w.println("dnsflip 0.1.0, Java " + System.getProperty("java.version") + ", command: " + command);
      t.printStackTrace(w);
    }
    String dir = System.getProperty(DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir"));
    Path file = Files.createTempFile(Path.of(dir), "dnsflip-logic-", ".txt");
    Files.writeString(file, trace.toString(), StandardCharsets.UTF_8);
    return file;
  }

  private static String oneLine(String s) {
    return s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
