package dev.dnsflip.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * What an {@link UnboundLab} runs: where Unbound listens, the lab authority every zone is a
 * stub zone of, and the cache options a test sets (the rest stay at the compiled-in defaults,
 * which are Debian's: its unbound.conf only adds DNSSEC trust anchors and remote control, both
 * off here). Immutable; each {@code with}-style method returns a copy.
 *
 * @param listen the 127.0.0.0/8 address Unbound answers on; it also sends its own queries from
 *     it ({@code outgoing-interface}), so it cannot reach anything off the machine
 * @param port the port to answer on; 0 lets {@link UnboundLab} pick a free one
 * @param upstream the lab authority's address and port
 * @param stubZones the zones the authority serves
 * @param options cache options in the order set, as (unbound.conf name, value)
 */
public record UnboundSettings(InetAddress listen, int port, InetSocketAddress upstream, List<Name> stubZones,
    List<ConfigOption> options) {

  public UnboundSettings {
    Loopback.require(listen);
    Loopback.require(upstream);
    stubZones = List.copyOf(stubZones);
    options = List.copyOf(options);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    for (Name zone : stubZones) {
      if (!zone.isAbsolute() || zone.equals(Name.root)) {
        throw new IllegalArgumentException("stub zones must be absolute and not the root: " + zone);
      }
    }
  }

  /** Unbound on {@code listen} (a free port), every zone of {@code authority} a stub zone of it. */
  public static UnboundSettings against(LabAuthority authority, InetAddress listen) {
    return new UnboundSettings(listen, 0, authority.address(), authority.zoneApexes(), List.of());
  }

  public UnboundSettings withPort(int newPort) {
    return new UnboundSettings(listen, newPort, upstream, stubZones, options);
  }

  public UnboundSettings cacheMinTtl(long seconds) {
    return with("cache-min-ttl", nonNegative(seconds));
  }

  public UnboundSettings cacheMaxTtl(long seconds) {
    return with("cache-max-ttl", nonNegative(seconds));
  }

  public UnboundSettings cacheMaxNegativeTtl(long seconds) {
    return with("cache-max-negative-ttl", nonNegative(seconds));
  }

  public UnboundSettings prefetch(boolean on) {
    return with("prefetch", yesNo(on));
  }

  public UnboundSettings serveExpired(boolean on) {
    return with("serve-expired", yesNo(on));
  }

  public UnboundSettings serveExpiredTtl(long seconds) {
    return with("serve-expired-ttl", nonNegative(seconds));
  }

  public UnboundSettings serveExpiredTtlReset(boolean on) {
    return with("serve-expired-ttl-reset", yesNo(on));
  }

  public UnboundSettings serveExpiredReplyTtl(long seconds) {
    return with("serve-expired-reply-ttl", nonNegative(seconds));
  }

  public UnboundSettings serveExpiredClientTimeoutMs(long ms) {
    return with("serve-expired-client-timeout", nonNegative(ms));
  }

  public UnboundSettings serveOriginalTtl(boolean on) {
    return with("serve-original-ttl", yesNo(on));
  }

  /**
   * QNAME minimisation (on by default since 1.7): before fetching a non-A type for a name it holds
   * nothing for, Unbound first asks the authority for A, so the authority sees an extra query.
   */
  public UnboundSettings qnameMinimisation(boolean on) {
    return with("qname-minimisation", yesNo(on));
  }

  /** Log detail: 1 (the default) logs operational messages; 3 and up log each query's handling. */
  public UnboundSettings verbosity(int level) {
    return with("verbosity", nonNegative(level));
  }

  /** A copy with {@code name} set to {@code value}, replacing an earlier value. */
  private UnboundSettings with(String name, String value) {
    return new UnboundSettings(listen, port, upstream, stubZones, ConfigOption.replacing(options, name, value));
  }

  private static String nonNegative(long value) {
    return ConfigOption.nonNegative(value, "unbound.conf");
  }

  private static String yesNo(boolean on) {
    return on ? "yes" : "no";
  }

  /** The unbound.conf text for running in {@code directory} on {@code actualPort}. */
  public String render(Path directory, int actualPort) {
    Objects.requireNonNull(directory, "directory");
    String ip = listen.getHostAddress();
    String stubAddr = upstream.getAddress().getHostAddress() + "@" + upstream.getPort();
    StringBuilder conf = new StringBuilder();
    conf.append("# Written by dnsflip's lab (UnboundLab): a throw-away Unbound on loopback.\n")
        .append("server:\n")
        .append("    interface: ").append(ip).append('@').append(actualPort).append('\n')
        .append("    port: ").append(actualPort).append('\n')
        // Outgoing queries leave from the listen address: the kernel refuses to route them off lo.
        .append("    outgoing-interface: ").append(ip).append('\n')
        .append("    do-ip4: yes\n")
        .append("    do-ip6: no\n")
        .append("    do-udp: yes\n")
        .append("    do-tcp: yes\n")
        .append("    access-control: 127.0.0.0/8 allow\n")
        .append("    do-daemonize: no\n")
        .append("    chroot: \"\"\n")
        .append("    username: \"\"\n")
        .append("    directory: ").append(quoted(directory)).append('\n')
        .append("    pidfile: ").append(quoted(directory.resolve("unbound.pid"))).append('\n')
        .append("    use-syslog: no\n")
        .append("    logfile: \"\"\n")
        .append("    log-time-ascii: yes\n")
        // The lab authority is on loopback; Unbound refuses to ask 127/8 unless told.
        .append("    do-not-query-localhost: no\n")
        // No DNSSEC validation: the lab's zones are unsigned and have no trust anchor.
        .append("    module-config: \"iterator\"\n");
    for (ConfigOption o : options) {
      conf.append("    ").append(o.name()).append(": ").append(o.value()).append('\n');
    }
    conf.append("remote-control:\n")
        .append("    control-enable: no\n");
    for (Name zone : stubZones) {
      appendStub(conf, zone.toString(), stubAddr);
    }
    // Guard: any name outside the lab's zones also goes to the lab (which refuses it), so Unbound
    // never asks the real root servers.
    appendStub(conf, ".", stubAddr);
    return conf.toString();
  }

  private static void appendStub(StringBuilder conf, String zone, String stubAddr) {
    conf.append("stub-zone:\n")
        .append("    name: \"").append(zone).append("\"\n")
        .append("    stub-addr: ").append(stubAddr).append('\n');
  }

  private static String quoted(Path path) {
    String s = path.toAbsolutePath().toString();
    if (s.contains("\"")) {
      throw new IllegalArgumentException("unbound.conf cannot quote a path holding '\"': " + s);
    }
    return '"' + s + '"';
  }
}
