package dev.dnsflip.lab;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * A real Unbound, started as a child process from {@link UnboundSettings} ({@code unbound -d -c
 * FILE} with the file written into a work directory), ready once it answers a query, stopped on
 * {@link #close()}. Its log (stdout and stderr) goes to {@code unbound.log} in the work directory,
 * for failure messages.
 */
public final class UnboundLab implements AutoCloseable {
  /** Where Debian's package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/unbound");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install unbound (Debian 12 ships 1.17.1)";
  private static final Duration READY_WITHIN = Duration.ofSeconds(15);
  private static final Duration PROBE_TIMEOUT = Duration.ofMillis(300);
  private static final int START_ATTEMPTS = 3;
  private static final Pattern VERSION = Pattern.compile("^Version\\s+(\\S+)", Pattern.MULTILINE);

  private final Process process;
  private final InetSocketAddress address;
  private final Path configFile;
  private final Path logFile;
  private final String version;

  private UnboundLab(Process process, InetSocketAddress address, Path configFile, Path logFile, String version) {
    this.process = process;
    this.address = address;
    this.configFile = configFile;
    this.logFile = logFile;
    this.version = version;
  }

  /** Starts {@link #DEFAULT_BINARY} with {@code settings}, writing its files into {@code workDir}. */
  public static UnboundLab start(UnboundSettings settings, Path workDir) throws IOException {
    return start(DEFAULT_BINARY, settings, workDir);
  }

  /**
   * Starts {@code binary} and waits until it answers. A port picked here (settings port 0) can be
   * taken by another process before Unbound binds it; then Unbound exits and another is tried.
   */
  public static UnboundLab start(Path binary, UnboundSettings settings, Path workDir) throws IOException {
    String version = version(binary);
    Files.createDirectories(workDir);
    Path config = workDir.resolve("unbound.conf");
    Path log = workDir.resolve("unbound.log");
    for (int attempt = 1; ; attempt++) {
      int port = settings.port() != 0 ? settings.port() : Loopback.freePort(settings.listen());
      Files.writeString(config, settings.render(workDir, port), StandardCharsets.UTF_8);
      Process process = new ProcessBuilder(binary.toString(), "-d", "-c", config.toString())
          .directory(workDir.toFile())
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      UnboundLab lab = new UnboundLab(process, new InetSocketAddress(settings.listen(), port), config, log, version);
      try {
        lab.awaitReady();
        return lab;
      } catch (RuntimeException notReady) {
        lab.close(); // never leave a daemon behind
        boolean portTaken = lab.log().contains("can't bind socket") || lab.log().contains("Address already in use");
        if (!(portTaken && settings.port() == 0 && attempt < START_ATTEMPTS)) {
          throw notReady;
        }
      }
    }
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException("Unbound is not installed (" + binary + " missing): " + INSTALL_HINT);
    }
  }

  /** The version {@code binary -V} reports, e.g. "1.17.1". */
  public static String version(Path binary) throws IOException {
    requireBinary(binary);
    Process p = new ProcessBuilder(binary.toString(), "-V").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!p.waitFor(10, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException(binary + " -V did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + binary + " -V", e);
    }
    Matcher m = VERSION.matcher(out);
    if (!m.find()) {
      throw new IOException(binary + " -V printed no version line:\n" + out);
    }
    return m.group(1);
  }

  /**
   * Polls with a CHAOS-class query that Unbound answers itself ({@code version.server}), so the
   * lab authority sees nothing and no cache entry is made; fails fast if the process exits.
   */
  private void awaitReady() {
    try {
      await("unbound answering on " + describe(address))
          .atMost(READY_WITHIN)
          .pollDelay(Duration.ZERO)
          .pollInterval(Duration.ofMillis(50))
          .until(this::answersVersionQuery);
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException("Unbound did not answer on " + describe(address) + " within "
          + READY_WITHIN.toSeconds() + " s; log:\n" + log(), e);
    }
  }

  private boolean answersVersionQuery() {
    if (!process.isAlive()) {
      throw new IllegalStateException("Unbound exited with code " + process.exitValue() + " before answering on "
          + describe(address) + "; config " + configFile + "; log:\n" + log());
    }
    try {
      SimpleResolver resolver = new SimpleResolver(address);
      resolver.setTimeout(PROBE_TIMEOUT);
      Message response = resolver.send(Message.newQuery(
          Record.newRecord(Name.fromConstantString("version.server."), Type.TXT, DClass.CH)));
      if (response.getRcode() != Rcode.NOERROR) {
        return false;
      }
      List<Record> answers = response.getSection(Section.ANSWER);
      String daemon = answers.isEmpty() ? "" : String.join(" ", ((TXTRecord) answers.get(0)).getStrings());
      if (!daemon.contains(version)) {
        // Another Unbound answered on that address, or the binary is not the one asked for.
        throw new IllegalStateException("the Unbound answering on " + describe(address) + " says '" + daemon
            + "', but " + version + " was started");
      }
      return true;
    } catch (IOException notYet) {
      return false;
    }
  }

  /** Where this Unbound answers (UDP and TCP). */
  public InetSocketAddress address() {
    return address;
  }

  /** Unbound's version as {@code unbound -V} reports it, e.g. "1.17.1". */
  public String version() {
    return version;
  }

  public Path configFile() {
    return configFile;
  }

  public Path logFile() {
    return logFile;
  }

  /** The log so far (for failure messages); empty before Unbound wrote any. */
  public String log() {
    try {
      return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean isRunning() {
    return process.isAlive();
  }

  /** Stops Unbound: SIGTERM (it exits cleanly), then SIGKILL if it has not exited within 5 s. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String describe(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + "@" + a.getPort();
  }
}
