package dev.dnsflip.lab;

import java.io.IOException;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real BIND 9 {@code named}, started as a child process from {@link BindSettings} ({@code named
 * -g -4 -n 1 -c FILE}: foreground, every log line to stderr, IPv4 only, one worker thread, with
 * the file and everything named writes — pid file, session key, managed keys — in a work
 * directory), ready once it answers a query, stopped on {@link #close()}. It runs as the user
 * that starts it (no {@code -u}: nothing it writes is outside the work directory). Its log
 * (stdout and stderr) goes to {@code named.log} in the work directory, for failure messages; at
 * named's default severity it includes each serve-stale decision ("stale answer used").
 *
 * <p>QNAME minimisation is left at BIND 9.18's default, {@code relaxed} (Debian's named.conf does
 * not set it), so the lab sees what a stock BIND sends; every lab zone is a static stub, so named
 * starts at the zone's apex and only names below it are minimised.
 */
public final class BindLab extends LabResolver {
  /** Where Debian's package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/named");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install bind9 (Debian 12 ships 9.18)";
  /** {@code named -v}: "BIND 9.18.49-1~deb12u3-Debian (Extended Support Version) <id:>". */
  private static final Pattern VERSION = Pattern.compile("^BIND\\s+(\\S+)", Pattern.MULTILINE);

  private BindLab(Daemon daemon) {
    super(daemon);
  }

  /** Starts {@link #DEFAULT_BINARY} with {@code settings}, writing its files into {@code workDir}. */
  public static BindLab start(BindSettings settings, Path workDir) throws IOException {
    return start(DEFAULT_BINARY, settings, workDir);
  }

  /**
   * Starts {@code binary} and waits until it answers. A port picked here (settings port 0) can be
   * taken by another process before named binds it; then named exits and another is tried.
   */
  public static BindLab start(Path binary, BindSettings settings, Path workDir) throws IOException {
    String version = version(binary);
    requireInterfaceAddress(settings);
    // Ready once it answers version.bind (CHAOS, answered by named itself).
    return new BindLab(Daemon.start(new Daemon.Launch("named", workDir, "named.conf", "named.log",
        settings.listen(), settings.port(), port -> settings.render(workDir, port),
        config -> List.of(binary.toString(), "-g", "-4", "-n", "1", "-c", config.toString()),
        log -> log.contains("unable to listen on any configured interfaces") || log.contains("address in use"),
        "version.bind.", daemon -> daemon.contains(version)), version));
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    Daemons.requireBinary("BIND (named)", binary, INSTALL_HINT);
  }

  /** The version {@code binary -v} reports, e.g. "9.18.49-1~deb12u3-Debian". */
  public static String version(Path binary) throws IOException {
    return Daemons.version("BIND (named)", binary, INSTALL_HINT, VERSION, "-v");
  }

  /** named would start, match no interface and answer nowhere: say so instead. */
  private static void requireInterfaceAddress(BindSettings settings) throws SocketException {
    if (NetworkInterface.getByInetAddress(settings.listen()) == null) {
      throw new IllegalArgumentException("named only listens on addresses an interface carries, and no interface "
          + "has " + settings.listen().getHostAddress() + "; use " + BindSettings.DEFAULT_LISTEN.getHostAddress()
          + " (BindSettings.DEFAULT_LISTEN) with a port of its own");
    }
  }
}
