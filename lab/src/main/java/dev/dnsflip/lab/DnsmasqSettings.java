package dev.dnsflip.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link DnsmasqLab} runs: dnsmasq as a caching forwarder on a loopback address, sending
 * every query to one upstream on loopback (the lab authority, or a lab resolver in front of it —
 * the realistic topology: dnsmasq on a router or laptop in front of a recursive resolver), with
 * the cache options a test sets; the rest stay at dnsmasq 2.90's compiled-in defaults (the
 * dnsmasq-base package ships no configuration of its own). No DHCP (no dhcp-range), no
 * /etc/resolv.conf, no /etc/hosts. Immutable; each {@code with}-style method returns a copy.
 *
 * @param listen the 127.0.0.0/8 address dnsmasq answers on (bound alone: {@code bind-interfaces});
 *     it also sends its queries from it, so it cannot reach anything off the machine
 * @param port the port to answer on; 0 lets {@link DnsmasqLab} pick a free one
 * @param upstream the one server it forwards to
 * @param options options in the order set, as (dnsmasq.conf name, value; "" for a bare flag)
 */
public record DnsmasqSettings(InetAddress listen, int port, InetSocketAddress upstream, List<ConfigOption> options) {

  /** Where the lab's dnsmasq listens unless told: beside the authority (.53), Unbound (.54) and BIND (.1). */
  public static final InetAddress DEFAULT_LISTEN = Loopback.v4(56);
  /** dnsmasq caps min-cache-ttl at 3600 s (silently); refused here instead. */
  public static final long MAX_MIN_CACHE_TTL_S = 3600;

  public DnsmasqSettings {
    Loopback.require(listen);
    Loopback.require(upstream);
    options = List.copyOf(options);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (upstream.getPort() == 0) {
      throw new IllegalArgumentException("the upstream needs its real port: " + upstream);
    }
  }

  /** dnsmasq on {@code listen} (a free port) forwarding to {@code upstream}. */
  public static DnsmasqSettings forwardingTo(InetSocketAddress upstream, InetAddress listen) {
    return new DnsmasqSettings(listen, 0, upstream, List.of());
  }

  /** dnsmasq on {@link #DEFAULT_LISTEN} straight in front of the lab authority (which answers AA, no RA). */
  public static DnsmasqSettings against(LabAuthority authority) {
    return forwardingTo(authority.address(), DEFAULT_LISTEN);
  }

  /** dnsmasq on {@link #DEFAULT_LISTEN} in front of a lab Unbound: a forwarder before a recursive resolver. */
  public static DnsmasqSettings inFrontOf(UnboundLab unbound) {
    return forwardingTo(unbound.address(), DEFAULT_LISTEN);
  }

  /** dnsmasq on {@link #DEFAULT_LISTEN} in front of a lab BIND. */
  public static DnsmasqSettings inFrontOf(BindLab bind) {
    return forwardingTo(bind.address(), DEFAULT_LISTEN);
  }

  public DnsmasqSettings withPort(int newPort) {
    return new DnsmasqSettings(listen, newPort, upstream, options);
  }

  /** Entries kept (default 150; 0 turns caching off). */
  public DnsmasqSettings cacheSize(int entries) {
    return with("cache-size", nonNegative(entries));
  }

  /** A floor on the TTL of cached answers (clients see it too); dnsmasq accepts at most 3600. */
  public DnsmasqSettings minCacheTtl(long seconds) {
    if (seconds > MAX_MIN_CACHE_TTL_S) {
      throw new IllegalArgumentException("dnsmasq caps min-cache-ttl at " + MAX_MIN_CACHE_TTL_S + ", got " + seconds);
    }
    return with("min-cache-ttl", nonNegative(seconds));
  }

  public DnsmasqSettings maxCacheTtl(long seconds) {
    return with("max-cache-ttl", nonNegative(seconds));
  }

  /** Expired entries are answered (TTL 0) and refreshed behind the answer, with no age limit. */
  public DnsmasqSettings useStaleCache() {
    return with("use-stale-cache", "");
  }

  /** As {@link #useStaleCache()}, for entries expired less than {@code maxExpiredS} ago. */
  public DnsmasqSettings useStaleCache(long maxExpiredS) {
    return with("use-stale-cache", nonNegative(maxExpiredS));
  }

  /**
   * Logs every query with its serial number ({@code log-queries=extra}): whether it was answered
   * from the cache or forwarded, which is the only way to see dnsmasq's own upstream queries when
   * the upstream is not the lab authority.
   */
  public DnsmasqSettings logQueries() {
    return with("log-queries", "extra");
  }

  /** A copy with {@code name} set to {@code value}, replacing an earlier value. */
  private DnsmasqSettings with(String name, String value) {
    return new DnsmasqSettings(listen, port, upstream, ConfigOption.replacing(options, name, value));
  }

  private static String nonNegative(long value) {
    return ConfigOption.nonNegative(value, "dnsmasq");
  }

  /** The dnsmasq.conf text for running in {@code directory} on {@code actualPort}. */
  public String render(Path directory, int actualPort) {
    Objects.requireNonNull(directory, "directory");
    String ip = listen.getHostAddress();
    String pidFile = directory.resolve("dnsmasq.pid").toAbsolutePath().toString();
    if (pidFile.contains("\n")) {
      throw new IllegalArgumentException("dnsmasq.conf cannot hold a path with a line break: " + pidFile);
    }
    StringBuilder conf = new StringBuilder();
    conf.append("# Written by dnsflip's lab (DnsmasqLab): a throw-away caching forwarder on loopback.\n")
        .append("port=").append(actualPort).append('\n')
        .append("listen-address=").append(ip).append('\n')
        // Bind the listen address alone, not the wildcard: several labs can share the machine.
        .append("bind-interfaces\n")
        .append("no-resolv\n")
        .append("no-hosts\n")
        // The one upstream, asked from the listen address (server=ADDR#PORT@SOURCE).
        .append("server=").append(upstream.getAddress().getHostAddress()).append('#').append(upstream.getPort())
        .append('@').append(ip).append('\n')
        .append("pid-file=").append(pidFile).append('\n')
        .append("log-facility=-\n");
    for (ConfigOption o : options) {
      conf.append(o.name());
      if (!o.value().isEmpty()) {
        conf.append('=').append(o.value());
      }
      conf.append('\n');
    }
    return conf.toString();
  }
}
