package dev.dnsflip.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code dnsflip lab ...}: real resolver software on loopback against a scenario's account. */
@Command(name = "lab", mixinStandardHelpOptions = true,
    description = "Serve a scenario's account on loopback and measure real resolvers through it.",
    subcommands = {LabServeCommand.class, LabRunCommand.class, LabCalibrateCommand.class})
final class LabCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing command: serve, run or calibrate");
  }
}
