package dev.dnsflip.lab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real dnsmasq, started as a child process from {@link DnsmasqSettings} ({@code dnsmasq
 * --keep-in-foreground --conf-file=FILE}: the file, and only it, is read; its pid file is in the
 * work directory), ready once it answers a query, stopped on {@link #close()}. Started as root it
 * drops to dnsmasq's compiled-in user, nobody, as Debian's own service does to its user; it
 * writes nothing after start. Its log goes to stderr ({@code log-facility=-}) and from there to
 * {@code dnsmasq.log} in the work directory, for failure messages and, with
 * {@link DnsmasqSettings#logQueries()}, for telling its cache hits from its forwards.
 */
public final class DnsmasqLab implements AutoCloseable {
  /** Where Debian's dnsmasq-base package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/dnsmasq");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install dnsmasq-base (Debian 12 ships 2.90)";
  private static final Duration READY_WITHIN = Duration.ofSeconds(15);
  private static final int START_ATTEMPTS = 3;
  /** {@code dnsmasq -v}: "Dnsmasq version 2.90  Copyright (c) 2000-2024 Simon Kelley". */
  private static final Pattern VERSION = Pattern.compile("^Dnsmasq version\\s+(\\S+)", Pattern.MULTILINE);

  private final Process process;
  private final InetSocketAddress address;
  private final Path configFile;
  private final Path logFile;
  private final String version;

  private DnsmasqLab(Process process, InetSocketAddress address, Path configFile, Path logFile, String version) {
    this.process = process;
    this.address = address;
    this.configFile = configFile;
    this.logFile = logFile;
    this.version = version;
  }

  /** Starts {@link #DEFAULT_BINARY} with {@code settings}, writing its files into {@code workDir}. */
  public static DnsmasqLab start(DnsmasqSettings settings, Path workDir) throws IOException {
    return start(DEFAULT_BINARY, settings, workDir);
  }

  /**
   * Starts {@code binary} and waits until it answers. A port picked here (settings port 0) can be
   * taken by another process before dnsmasq binds it; then dnsmasq exits and another is tried.
   */
  public static DnsmasqLab start(Path binary, DnsmasqSettings settings, Path workDir) throws IOException {
    String version = version(binary);
    Files.createDirectories(workDir);
    Path config = workDir.resolve("dnsmasq.conf");
    Path log = workDir.resolve("dnsmasq.log");
    for (int attempt = 1; ; attempt++) {
      int port = settings.port() != 0 ? settings.port() : Loopback.freePort(settings.listen());
      Files.writeString(config, settings.render(workDir, port), StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(binary.toString(), "--keep-in-foreground", "--conf-file=" + config)
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      DnsmasqLab lab = new DnsmasqLab(process, new InetSocketAddress(settings.listen(), port), config, log, version);
      try {
        lab.awaitReady();
        return lab;
      } catch (RuntimeException notReady) {
        lab.close(); // never leave a daemon behind
        boolean portTaken = lab.log().contains("Address already in use");
        if (!(portTaken && settings.port() == 0 && attempt < START_ATTEMPTS)) {
          throw notReady;
        }
      }
    }
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    Daemons.requireBinary("dnsmasq", binary, INSTALL_HINT);
  }

  /** The version {@code binary -v} reports, e.g. "2.90". */
  public static String version(Path binary) throws IOException {
    return Daemons.version("dnsmasq", binary, INSTALL_HINT, VERSION, "-v");
  }

  /** Polls {@code version.bind} (CHAOS, answered by dnsmasq itself); fails fast if the process exits. */
  private void awaitReady() {
    try {
      await("dnsmasq answering on " + Daemons.describe(address))
          .atMost(READY_WITHIN)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(this::answersVersionQuery);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("dnsmasq did not answer on " + Daemons.describe(address) + " within "
          + READY_WITHIN.toSeconds() + " s; log:\n" + log(), e);
    }
  }

  private boolean answersVersionQuery() {
    if (!process.isAlive()) {
      throw new IllegalStateException("dnsmasq exited with code " + process.exitValue() + " before answering on "
          + Daemons.describe(address) + "; config " + configFile + "; log:\n" + log());
    }
    String daemon = Daemons.chaosVersion(address);
    if (daemon == null) {
      return false;
    }
    if (!daemon.equals("dnsmasq-" + version)) {
      // Another server answered on that address, or the binary is not the one asked for.
      throw new IllegalStateException("the server answering on " + Daemons.describe(address) + " says '" + daemon
          + "', but dnsmasq " + version + " was started");
    }
    return true;
  }

  /** Where this dnsmasq answers (UDP and TCP). */
  public InetSocketAddress address() {
    return address;
  }

  /** dnsmasq's version as {@code dnsmasq -v} reports it, e.g. "2.90". */
  public String version() {
    return version;
  }

  public Path configFile() {
    return configFile;
  }

  public Path logFile() {
    return logFile;
  }

  /** The log so far (for failure messages); empty before dnsmasq wrote any. */
  public String log() {
    return Daemons.read(logFile);
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops dnsmasq: SIGTERM (it exits cleanly), then SIGKILL if it has not exited within 5 s. */
  @Override
  public void close() {
    Daemons.stop(process);
  }
}
