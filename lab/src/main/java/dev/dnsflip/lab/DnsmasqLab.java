package dev.dnsflip.lab;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real dnsmasq, started as a child process from {@link DnsmasqSettings} ({@code dnsmasq
 * --keep-in-foreground --conf-file=FILE}: the file, and only it, is read; its pid file is in the
 * work directory), ready once it answers a query, stopped on {@link #close()}. Started as root it
 * drops to dnsmasq's compiled-in user, nobody, as Debian's own service does to its user; it
 * writes nothing after start. Its log goes to stderr ({@code log-facility=-}) and from there to
 * {@code dnsmasq.log} in the work directory, for failure messages and, with
 * {@link DnsmasqSettings#logQueries()}, for telling its cache hits from its forwards.
 */
public final class DnsmasqLab extends LabResolver {
  /** Where Debian's dnsmasq-base package installs the daemon. */
  public static final Path DEFAULT_BINARY = Path.of("/usr/sbin/dnsmasq");
  /** Said whenever the binary is missing, so the fix is one step away. */
  public static final String INSTALL_HINT =
      Daemons.RUN_TESTS + ", or install it with: apt-get install dnsmasq-base (Debian 12 ships 2.90)";
  /** {@code dnsmasq -v}: "Dnsmasq version 2.90  Copyright (c) 2000-2024 Simon Kelley". */
  private static final Pattern VERSION = Pattern.compile("^Dnsmasq version\\s+(\\S+)", Pattern.MULTILINE);

  private DnsmasqLab(Daemon daemon) {
    super(daemon);
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
    // Ready once it answers version.bind (CHAOS, answered by dnsmasq itself: "dnsmasq-2.90").
    return new DnsmasqLab(Daemon.start(new Daemon.Launch("dnsmasq", workDir, "dnsmasq.conf", "dnsmasq.log",
        settings.listen(), settings.port(), port -> settings.render(workDir, port),
        config -> List.of(binary.toString(), "--keep-in-foreground", "--conf-file=" + config),
        log -> log.contains("Address already in use"),
        "version.bind.", daemon -> daemon.equals("dnsmasq-" + version)), version));
  }

  /** Refuses to go on without the binary, saying how to get it. */
  public static void requireBinary(Path binary) {
    Daemons.requireBinary("dnsmasq", binary, INSTALL_HINT);
  }

  /** The version {@code binary -v} reports, e.g. "2.90". */
  public static String version(Path binary) throws IOException {
    return Daemons.version("dnsmasq", binary, INSTALL_HINT, VERSION, "-v");
  }
}
