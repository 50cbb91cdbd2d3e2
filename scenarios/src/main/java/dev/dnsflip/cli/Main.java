package dev.dnsflip.cli;

import dev.dnsflip.spi.CacheLogicFailure;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code dnsflip} command. Exit codes: 0 ok, 1 a scenario's expected bounds failed, 2 bad
 * input or usage, 3 a bug in dnsflip, 4 a failure of a user's cache logic (resolver SPI). Bad input prints one line to stderr, never a stack trace; a bug prints
 * one line naming the file that holds its stack trace ({@link BugReport}).
 */
@Command(name = "dnsflip", mixinStandardHelpOptions = true, version = "dnsflip 0.1.0",
    description = "Predicts how long stale DNS answers persist after Cloudflare's enforce DNS-only switch.",
    subcommands = {RunCommand.class, SuiteCommand.class, LabCommand.class, CompareCommand.class, ImportCommand.class, ExploreCommand.class, BenchCommand.class, PresetsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  public static final int OK = 0;
  public static final int BOUNDS_FAILED = 1;
  public static final int BAD_INPUT = 2;
  public static final int BUG = 3;
  /** A user's {@code CacheLogic} threw or broke its contract: a bug in that code, named with its class. */
  public static final int CACHE_LOGIC_FAILED = 4;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: run, suite, import, explore, bench, presets or help");
  }

  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      if (ex instanceof UserError ue) {
        commandLine.getErr().println("dnsflip: " + ue.getMessage());
        return BAD_INPUT;
      }
      CacheLogicFailure logic = BugReport.logicFailure(ex);
      if (logic != null) {
        commandLine.getErr().println("dnsflip: " + BugReport.recordLogicFailure(logic, ex,
            String.join(" ", parseResult.originalArgs())));
        commandLine.getErr().flush();
        return CACHE_LOGIC_FAILED;
      }
      // Anything else, IllegalArgumentException included, is the program's fault, not the input's.
      commandLine.getErr().println("dnsflip: " + BugReport.record(ex, String.join(" ", parseResult.originalArgs())));
      commandLine.getErr().flush();
      return BUG;
    });
    return cl;
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }
}
