package dev.dnsflip.lab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.xbill.DNS.DClass;

/**
 * One resolver daemon the lab runs, whatever the software: written config, a foreground child
 * process with its output in a log file, a readiness wait on a query the daemon answers itself
 * (a CHAOS version query for the drivers) (so no upstream sees it and no cache entry is made), a retry when a port picked
 * here was taken before the daemon bound it, and a clean stop. {@link UnboundLab},
 * {@link BindLab} and {@link DnsmasqLab} say only what differs: file names, command line, the
 * words of a taken port, the CHAOS name, and how the answer names the version.
 */
final class Daemon implements AutoCloseable {
  /**
   * What differs between daemons.
   *
   * @param name as messages call it ("Unbound", "named", "dnsmasq")
   * @param port the settings' port; 0 picks a free one (and allows retries)
   * @param config the config text for a port
   * @param command the command line for the written config file
   * @param portTaken true when the log says the port was taken
   * @param answer asks the daemon something it answers itself (so no upstream sees it and no cache
   *     entry is made): its answer, naming its version, or null while it does not answer
   * @param runsVersion true when the answer names the version that was started
   */
  record Launch(String name, Path workDir, String configName, String logName, InetAddress listen, int port,
      IntFunction<String> config, Function<Path, List<String>> command,
      Predicate<String> portTaken, Function<InetSocketAddress, String> answer, Predicate<String> runsVersion) {

    /** Ready once it answers the TXT {@code chaosName} in class CHAOS ("version.server.", "version.bind."). */
    Launch(String name, Path workDir, String configName, String logName, InetAddress listen, int port,
        IntFunction<String> config, Function<Path, List<String>> command,
        Predicate<String> portTaken, String chaosName, Predicate<String> runsVersion) {
      this(name, workDir, configName, logName, listen, port, config, command, portTaken, chaosName, runsVersion,
          DClass.CH);
    }

    /**
     * Ready once it answers the TXT {@code chaosName} in {@code versionClass}: CHAOS, or IN for a
     * daemon that answers no CHAOS query (Knot Resolver, whose config answers the name in IN itself).
     */
    Launch(String name, Path workDir, String configName, String logName, InetAddress listen, int port,
        IntFunction<String> config, Function<Path, List<String>> command,
        Predicate<String> portTaken, String chaosName, Predicate<String> runsVersion, int versionClass) {
      this(name, workDir, configName, logName, listen, port, config, command, portTaken,
          address -> Daemons.chaosVersion(address, chaosName, versionClass), runsVersion);
    }
  }

  private static final Duration READY_WITHIN = Duration.ofSeconds(15);
  private static final int START_ATTEMPTS = 3;

  private final Launch launch;
  private final Process process;
  private final InetSocketAddress address;
  private final Path configFile;
  private final Path logFile;
  private final String version;

  private Daemon(Launch launch, Process process, InetSocketAddress address, Path configFile, Path logFile,
      String version) {
    this.launch = launch;
    this.process = process;
    this.address = address;
    this.configFile = configFile;
    this.logFile = logFile;
    this.version = version;
  }

  /** Starts the daemon and waits until it answers; never leaves one behind when it fails. */
  static Daemon start(Launch launch, String version) throws IOException {
    Files.createDirectories(launch.workDir());
    Path config = launch.workDir().resolve(launch.configName());
    Path log = launch.workDir().resolve(launch.logName());
    for (int attempt = 1; ; attempt++) {
      int port = launch.port() != 0 ? launch.port() : Loopback.freePort(launch.listen());
      Files.writeString(config, launch.config().apply(port), StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(launch.command().apply(config))
          .directory(launch.workDir().toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      Daemon daemon = new Daemon(launch, process, new InetSocketAddress(launch.listen(), port), config, log, version);
      try {
        daemon.awaitReady();
        return daemon;
      } catch (RuntimeException notReady) {
        daemon.close();
        boolean retry = launch.portTaken().test(daemon.log()) && launch.port() == 0 && attempt < START_ATTEMPTS;
        if (!retry) {
          throw notReady;
        }
      }
    }
  }

  /** Polls the CHAOS version query; fails fast if the process exits. */
  private void awaitReady() {
    try {
      await(launch.name() + " answering on " + Daemons.describe(address))
          .atMost(READY_WITHIN)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(this::answersVersionQuery);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(launch.name() + " did not answer on " + Daemons.describe(address) + " within "
          + READY_WITHIN.toSeconds() + " s; log:\n" + log(), e);
    }
  }

  private boolean answersVersionQuery() {
    if (!process.isAlive()) {
      throw new IllegalStateException(launch.name() + " exited with code " + process.exitValue()
          + " before answering on " + Daemons.describe(address) + "; config " + configFile + "; log:\n" + log());
    }
    String daemon = launch.answer().apply(address);
    if (daemon == null) {
      return false;
    }
    if (!launch.runsVersion().test(daemon)) {
      // Another server answered on that address, or the binary is not the one asked for.
      throw new IllegalStateException("the server answering on " + Daemons.describe(address) + " says '" + daemon
          + "', but " + launch.name() + " " + version + " was started");
    }
    return true;
  }

  InetSocketAddress address() {
    return address;
  }

  String version() {
    return version;
  }

  Path configFile() {
    return configFile;
  }

  Path logFile() {
    return logFile;
  }

  /** The log so far (for failure messages); empty before the daemon wrote any. */
  String log() {
    return Daemons.read(logFile);
  }

  boolean isRunning() {
    return process.isAlive();
  }

  /** SIGTERM (each daemon exits cleanly on it), then SIGKILL if it has not exited within 5 s. */
  @Override
  public void close() {
    Daemons.stop(process);
  }
}
