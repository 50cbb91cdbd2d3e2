package dev.dnsflip.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real PowerDNS Recursor, started as a child process from {@link PdnsSettings} ({@code
 * pdns_recursor --config-dir=DIR --daemon=no}: foreground, the recursor.conf and the control
 * socket in a work directory), ready once it answers a query, stopped on {@link #close()}. It runs
 * as the user that starts it (no {@code setuid}). Its log goes to {@code pdns_recursor.log} in the
 * work directory, for failure messages.
 */
public final class PdnsLab extends LabResolver {
  /** Where Debian's pdns-recursor package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/pdns_recursor");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install pdns-recursor (Debian 12 ships 4.8.8)";
  /** {@code pdns_recursor --version}: "... PowerDNS Recursor 4.8.8 (C) 2001-2022 PowerDNS.COM BV". */
  private static final Pattern VERSION = Pattern.compile("PowerDNS Recursor\\s+(\\d\\S*)");

  private PdnsLab(Daemon daemon) {
    super(daemon);
  }

  /** Starts {@link #DEFAULT_BINARY} with {@code settings}, writing its files into {@code workDir}. */
  public static PdnsLab start(PdnsSettings settings, Path workDir) throws IOException {
    return start(DEFAULT_BINARY, settings, workDir);
  }

  /**
   * Starts {@code binary} and waits until it answers ({@code version.bind} in CHAOS, answered by
   * pdns_recursor itself: "PowerDNS Recursor 4.8.8"). A port picked here (settings port 0) can be
   * taken by another process before it binds it; then it exits and another is tried.
   */
  public static PdnsLab start(Path binary, PdnsSettings settings, Path workDir) throws IOException {
    String version = version(binary);
    return new PdnsLab(Daemon.start(new Daemon.Launch("pdns_recursor", workDir, "recursor.conf",
        "pdns_recursor.log", settings.listen(), settings.port(), port -> settings.render(workDir, port),
        config -> List.of(binary.toString(), "--config-dir=" + workDir.toAbsolutePath(), "--daemon=no"),
        log -> log.contains("Address already in use"),
        "version.bind.", daemon -> daemon.equals("PowerDNS Recursor " + version)), version));
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    Daemons.requireBinary("PowerDNS Recursor (pdns_recursor)", binary, INSTALL_HINT);
  }

  /** The version {@code binary --version} reports, e.g. "4.8.8". */
  public static String version(Path binary) throws IOException {
    return Daemons.version("PowerDNS Recursor (pdns_recursor)", binary, INSTALL_HINT, VERSION, "--version");
  }
}
