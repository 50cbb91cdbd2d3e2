package dev.dnsflip.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;

/**
 * A real Knot Resolver ({@code kresd}), started as a child process from {@link KnotSettings}
 * ({@code kresd -n -c FILE DIR}: non-interactive, the Lua config and the LMDB cache in a work
 * directory, so every start begins with an empty cache), ready once it answers a query, stopped on
 * {@link #close()}. It runs as the user that starts it (the config sets no {@code user()}). Its log
 * goes to {@code kresd.log} in the work directory, for failure messages.
 */
public final class KnotLab extends LabResolver {
  /** Where Debian's knot-resolver package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/kresd");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install knot-resolver (Debian 12 ships 5.6.0)";
  /** {@code kresd --version}: "Knot Resolver, version 5.6.0". */
  private static final Pattern VERSION = Pattern.compile("^Knot Resolver, version\\s+(\\S+)", Pattern.MULTILINE);

  private KnotLab(Daemon daemon) {
    super(daemon);
  }

  /** Starts {@link #DEFAULT_BINARY} with {@code settings}, writing its files into {@code workDir}. */
  public static KnotLab start(KnotSettings settings, Path workDir) throws IOException {
    return start(DEFAULT_BINARY, settings, workDir);
  }

  /**
   * Starts {@code binary} and waits until it answers. A port picked here (settings port 0) can be
   * taken by another process before kresd binds it; then kresd exits and another is tried.
   */
  public static KnotLab start(Path binary, KnotSettings settings, Path workDir) throws IOException {
    String version = version(binary);
    return new KnotLab(Daemon.start(new Daemon.Launch("kresd", workDir, "kresd.conf", "kresd.log",
        settings.listen(), settings.port(), port -> settings.render(workDir, port),
        config -> List.of(binary.toString(), "-n", "-c", config.toString(), workDir.toString()),
        log -> log.contains("Address already in use"),
        "version.bind.", daemon -> daemon.equals("Knot Resolver " + version), DClass.IN), version));
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    Daemons.requireBinary("Knot Resolver (kresd)", binary, INSTALL_HINT);
  }

  /** The version {@code binary --version} reports, e.g. "5.6.0". */
  public static String version(Path binary) throws IOException {
    return Daemons.version("Knot Resolver (kresd)", binary, INSTALL_HINT, VERSION, "--version");
  }
}
