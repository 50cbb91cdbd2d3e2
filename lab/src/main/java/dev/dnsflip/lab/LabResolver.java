package dev.dnsflip.lab;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * A real resolver the lab started as a child process ({@link Daemon}): where it answers, what
 * version it is, its files and log, and how it stops. Each driver ({@link UnboundLab},
 * {@link BindLab}, {@link DnsmasqLab}) says only how to configure and start its own software.
 */
public abstract class LabResolver implements AutoCloseable {
  private final Daemon daemon;

  LabResolver(Daemon daemon) {
    this.daemon = daemon;
  }

  /** Where this resolver answers (UDP and TCP). */
  public InetSocketAddress address() {
    return daemon.address();
  }

  /** The version the binary reports, e.g. "1.17.1". */
  public String version() {
    return daemon.version();
  }

  public Path configFile() {
    return daemon.configFile();
  }

  public Path logFile() {
    return daemon.logFile();
  }

  /** The log so far (for failure messages); empty before the resolver wrote any. */
  public String log() {
    return daemon.log();
  }

  public boolean isRunning() {
    return daemon.isRunning();
  }

  /** Stops the resolver: SIGTERM (it exits cleanly), then SIGKILL if it has not exited within 5 s. */
  @Override
  public void close() {
    daemon.close();
  }
}
