package dev.dnsflip.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * What a {@link PdnsLab} runs: where pdns_recursor listens, the lab authority every zone (and the
 * root) is forwarded to, and the cache options a test sets; the rest stay at PowerDNS Recursor
 * 4.8's built-in defaults (Debian's recursor.conf sets only the listen address, the config
 * directory's Lua files and the user, all replaced here). Immutable; each {@code with}-style
 * method returns a copy.
 *
 * <p>The written recursor.conf: {@code forward-zones} (not {@code -recurse}), so pdns_recursor asks
 * the authority with RD=0, as when iterating; {@code dont-query=} emptied, without which it refuses
 * to send anything to 127.0.0.0/8; {@code query-local-address} the listen address, so nothing can
 * leave loopback; the security poll (a DNS query to PowerDNS's servers) off; one thread; DNSSEC off
 * (the lab's zones are unsigned); control socket in the work directory.
 *
 * @param listen the 127.0.0.0/8 address pdns_recursor answers on, and sends its queries from
 * @param port the port to answer on; 0 lets {@link PdnsLab} pick a free one
 * @param upstream the lab authority's address and port
 * @param zones the zones the authority serves
 * @param options recursor.conf settings in the order set
 */
public record PdnsSettings(InetAddress listen, int port, InetSocketAddress upstream, List<Name> zones,
    List<ConfigOption> options) {

  /** Where the lab's pdns_recursor listens unless told: beside the authority (.53) and the other resolvers. */
  public static final InetAddress DEFAULT_LISTEN = Loopback.v4(57);

  public PdnsSettings {
    Loopback.require(listen);
    Loopback.require(upstream);
    zones = List.copyOf(zones);
    options = List.copyOf(options);
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (upstream.getPort() == 0) {
      throw new IllegalArgumentException("the upstream needs its real port: " + upstream);
    }
    for (Name zone : zones) {
      if (!zone.isAbsolute() || zone.equals(Name.root)) {
        throw new IllegalArgumentException("forwarded zones must be absolute and not the root: " + zone);
      }
    }
  }

  /** pdns_recursor on {@link #DEFAULT_LISTEN} (a free port), every zone of {@code authority} forwarded to it. */
  public static PdnsSettings against(LabAuthority authority) {
    return new PdnsSettings(DEFAULT_LISTEN, 0, authority.address(), authority.zoneApexes(), List.of());
  }

  /** pdns_recursor on {@code listen} (a free port), {@code zones} and the root forwarded to {@code upstream}. */
  public static PdnsSettings against(InetSocketAddress upstream, List<Name> zones, InetAddress listen) {
    return new PdnsSettings(listen, 0, upstream, zones, List.of());
  }

  public PdnsSettings withPort(int newPort) {
    return new PdnsSettings(listen, newPort, upstream, zones, options);
  }

  /** {@code minimum-ttl-override}: the floor on cached TTLs (default 1 s). */
  public PdnsSettings minimumTtlOverride(long seconds) {
    return with("minimum-ttl-override", nonNegative(seconds));
  }

  /** {@code max-cache-ttl}: the cap on cached TTLs (default 86400 s). */
  public PdnsSettings maxCacheTtl(long seconds) {
    return with("max-cache-ttl", nonNegative(seconds));
  }

  /** {@code max-negative-ttl}: the cap on negative answers (default 3600 s). */
  public PdnsSettings maxNegativeTtl(long seconds) {
    return with("max-negative-ttl", nonNegative(seconds));
  }

  /** {@code refresh-on-ttl-perc}: a hit with at most this % of the original TTL left refreshes (default 0: off). */
  public PdnsSettings refreshOnTtlPerc(int percent) {
    return with("refresh-on-ttl-perc", nonNegative(percent));
  }

  /** A copy with {@code name} set to {@code value}, replacing an earlier value. */
  private PdnsSettings with(String name, String value) {
    return new PdnsSettings(listen, port, upstream, zones, ConfigOption.replacing(options, name, value));
  }

  private static String nonNegative(long value) {
    return ConfigOption.nonNegative(value, "recursor.conf");
  }

  /** The recursor.conf text for running in {@code directory} on {@code actualPort}. */
  public String render(Path directory, int actualPort) {
    Objects.requireNonNull(directory, "directory");
    String dir = directory.toAbsolutePath().toString();
    if (dir.contains("\n") || dir.contains(",")) {
      throw new IllegalArgumentException("recursor.conf cannot hold this path: " + dir);
    }
    String ip = listen.getHostAddress();
    String to = upstream.getAddress().getHostAddress() + ":" + upstream.getPort();
    StringBuilder forwards = new StringBuilder();
    for (Name zone : zones) {
      forwards.append(zone.toString(true)).append('=').append(to).append(',');
    }
    // Guard: the root too, so priming and any name outside the lab's zones go to the lab (which refuses it).
    forwards.append(".=").append(to);
    StringBuilder conf = new StringBuilder();
    conf.append("# Written by dnsflip's lab (PdnsLab): a throw-away PowerDNS Recursor on loopback.\n")
        .append("local-address=").append(ip).append('\n')
        .append("local-port=").append(actualPort).append('\n')
        .append("query-local-address=").append(ip).append('\n')
        .append("allow-from=127.0.0.0/8\n")
        // The lab authority is on loopback, which pdns_recursor refuses to query by default.
        .append("dont-query=\n")
        .append("forward-zones=").append(forwards).append('\n')
        .append("security-poll-suffix=\n")
        .append("dnssec=off\n")
        .append("threads=1\n")
        .append("pdns-distributes-queries=no\n")
        .append("socket-dir=").append(dir).append('\n')
        .append("write-pid=no\n")
        .append("daemon=no\n")
        .append("disable-syslog=yes\n")
        .append("log-timestamp=yes\n");
    for (ConfigOption o : options) {
      conf.append(o.name()).append('=').append(o.value()).append('\n');
    }
    return conf.toString();
  }
}
