package dev.dnsflip.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real Unbound, started as a child process from {@link UnboundSettings} ({@code unbound -d -c
 * FILE} with the file written into a work directory), ready once it answers a query, stopped on
 * {@link #close()}. Its log (stdout and stderr) goes to {@code unbound.log} in the work directory,
 * for failure messages.
 */
public final class UnboundLab extends LabResolver {
  /** Where Debian's package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/unbound");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install unbound (Debian 12 ships 1.17.1)";
  private static final Pattern VERSION = Pattern.compile("^Version\\s+(\\S+)", Pattern.MULTILINE);

  private UnboundLab(Daemon daemon) {
    super(daemon);
  }

  /** Starts {@link #DEFAULT_BINARY} with {@code settings}, writing its files into {@code workDir}. */
  public static UnboundLab start(UnboundSettings settings, Path workDir) throws IOException {
    return start(DEFAULT_BINARY, settings, workDir);
  }

  /**
   * Starts {@code binary} and waits until it answers ({@code version.server}, which Unbound answers
   * itself). A port picked here (settings port 0) can be taken by another process before Unbound
   * binds it; then Unbound exits and another is tried.
   */
  public static UnboundLab start(Path binary, UnboundSettings settings, Path workDir) throws IOException {
    String version = version(binary);
    return new UnboundLab(Daemon.start(new Daemon.Launch("Unbound", workDir, "unbound.conf", "unbound.log",
        settings.listen(), settings.port(), port -> settings.render(workDir, port),
        config -> List.of(binary.toString(), "-d", "-c", config.toString()),
        log -> log.contains("can't bind socket") || log.contains("Address already in use"),
        "version.server.", daemon -> daemon.contains(version)), version));
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    Daemons.requireBinary("Unbound", binary, INSTALL_HINT);
  }

  /** The version {@code binary -V} reports, e.g. "1.17.1". */
  public static String version(Path binary) throws IOException {
    return Daemons.version("Unbound", binary, INSTALL_HINT, VERSION, "-V");
  }
}
