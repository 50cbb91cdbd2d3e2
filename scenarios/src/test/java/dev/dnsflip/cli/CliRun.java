package dev.dnsflip.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** One run of the command line in this JVM: its exit code and what it printed to stdout and stderr. */
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
    return new CliRun(exit, out.toString(), err.toString());
  }
}
