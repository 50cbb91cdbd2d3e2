package dev.dnsflip.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * What a {@link BindLab} runs: where named listens, the lab authority that every zone (and the
 * root) is a static stub of, and the cache options a test sets; the rest stay at BIND 9.18's
 * built-in defaults ({@code named -C}), which Debian's named.conf.options leaves alone but for
 * DNSSEC validation and IPv6 listening, both off here. Immutable; each {@code with}-style method
 * returns a copy.
 *
 * <p>Two things differ from {@link UnboundSettings}, both forced by BIND 9.18:
 * <ul>
 *   <li>named listens only on addresses configured on an interface (it scans them and matches
 *       {@code listen-on} against them), and {@code lo} carries just 127.0.0.1/8: any other
 *       127.0.0.x matches nothing and named would answer nowhere. So BIND listens on 127.0.0.1
 *       ({@link #DEFAULT_LISTEN}) on its own port; {@link BindLab} refuses an address no interface has.
 *   <li>{@code static-stub} zones take {@code server-addresses} without a port (the grammar has
 *       none; {@code named-checkconf} rejects "port"), and named sends every query to the port set
 *       by the global {@code port} option. So {@code port} is the lab authority's port and
 *       {@code listen-on port} is named's own. Static stubs rather than forward zones: named then
 *       iterates (RD=0 queries to an authoritative server), as the presets' resolvers do.
 * </ul>
 *
 * @param listen the interface address named answers on; it also sends its queries from it
 *     ({@code query-source}), so it cannot reach anything off the machine
 * @param port the port to answer on; 0 lets {@link BindLab} pick a free one
 * @param upstream the lab authority's address and port
 * @param stubZones the zones the authority serves
 * @param options cache options in the order set, as (named.conf name, value)
 */
public record BindSettings(InetAddress listen, int port, InetSocketAddress upstream, List<Name> stubZones,
    List<ConfigOption> options) {

  /** The one loopback address {@code lo} carries, so the one named can listen on. */
  public static final InetAddress DEFAULT_LISTEN = Loopback.v4(1);
  /** BIND 9.18 refuses min-cache-ttl and min-ncache-ttl above 90 s. */
  public static final long MAX_MIN_TTL_S = 90;

  /** BIND's {@code qname-minimization} modes. */
  public enum QnameMinimization { STRICT, RELAXED, OFF, DISABLED }

  public BindSettings {
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

  /** named on 127.0.0.1 (a free port), every zone of {@code authority} a static stub of it. */
  public static BindSettings against(LabAuthority authority) {
    return new BindSettings(DEFAULT_LISTEN, 0, authority.address(), authority.zoneApexes(), List.of());
  }

  public BindSettings withPort(int newPort) {
    return new BindSettings(listen, newPort, upstream, stubZones, options);
  }

  public BindSettings maxCacheTtl(long seconds) {
    return with("max-cache-ttl", nonNegative(seconds));
  }

  /** A floor on positive answers only (negative ones have {@link #minNcacheTtl}); at most 90 s. */
  public BindSettings minCacheTtl(long seconds) {
    return with("min-cache-ttl", atMost90(seconds));
  }

  public BindSettings maxNcacheTtl(long seconds) {
    return with("max-ncache-ttl", nonNegative(seconds));
  }

  public BindSettings minNcacheTtl(long seconds) {
    return with("min-ncache-ttl", atMost90(seconds));
  }

  /**
   * {@code prefetch TRIGGER ELIGIBILITY} (default 2 9): a hit with at most {@code trigger} seconds
   * left refreshes the entry, if its original TTL was at least {@code eligibility}; trigger 0 turns
   * prefetch off.
   */
  public BindSettings prefetch(long trigger, long eligibility) {
    return with("prefetch", nonNegative(trigger) + " " + nonNegative(eligibility));
  }

  public BindSettings staleAnswerEnable(boolean on) {
    return with("stale-answer-enable", yesNo(on));
  }

  public BindSettings staleCacheEnable(boolean on) {
    return with("stale-cache-enable", yesNo(on));
  }

  public BindSettings staleAnswerTtl(long seconds) {
    return with("stale-answer-ttl", nonNegative(seconds));
  }

  public BindSettings staleRefreshTime(long seconds) {
    return with("stale-refresh-time", nonNegative(seconds));
  }

  public BindSettings maxStaleTtl(long seconds) {
    return with("max-stale-ttl", nonNegative(seconds));
  }

  /** Answer stale after this many ms of a refresh still running (0: at once, refreshing behind it). */
  public BindSettings staleAnswerClientTimeoutMs(long ms) {
    return with("stale-answer-client-timeout", nonNegative(ms));
  }

  /** The 9.18 default: answer stale only once the refresh has failed. */
  public BindSettings staleAnswerClientTimeoutOff() {
    return with("stale-answer-client-timeout", "off");
  }

  /** BIND 9.18's default is relaxed: see {@link BindLab} for what it sends to the lab. */
  public BindSettings qnameMinimization(QnameMinimization mode) {
    return with("qname-minimization", mode.name().toLowerCase(Locale.ROOT));
  }

  /** A copy with {@code name} set to {@code value}, replacing an earlier value. */
  private BindSettings with(String name, String value) {
    return new BindSettings(listen, port, upstream, stubZones, ConfigOption.replacing(options, name, value));
  }

  private static String nonNegative(long value) {
    return ConfigOption.nonNegative(value, "named.conf");
  }

  private static String atMost90(long seconds) {
    if (seconds > MAX_MIN_TTL_S) {
      throw new IllegalArgumentException("BIND 9.18 accepts at most " + MAX_MIN_TTL_S + " s here, got " + seconds);
    }
    return nonNegative(seconds);
  }

  private static String yesNo(boolean on) {
    return on ? "yes" : "no";
  }

  /** The named.conf text for running in {@code directory} on {@code actualPort}. */
  public String render(Path directory, int actualPort) {
    Objects.requireNonNull(directory, "directory");
    String ip = listen.getHostAddress();
    String authority = upstream.getAddress().getHostAddress();
    StringBuilder conf = new StringBuilder();
    conf.append("# Written by dnsflip's lab (BindLab): a throw-away BIND on loopback.\n")
        .append("options {\n")
        .append("    directory ").append(quoted(directory)).append(";\n")
        .append("    pid-file ").append(quoted(directory.resolve("named.pid"))).append(";\n")
        .append("    session-keyfile ").append(quoted(directory.resolve("session.key"))).append(";\n")
        .append("    managed-keys-directory ").append(quoted(directory)).append(";\n")
        // Where named sends its queries: static-stub server-addresses take no port.
        .append("    port ").append(upstream.getPort()).append(";\n")
        .append("    listen-on port ").append(actualPort).append(" { ").append(ip).append("; };\n")
        .append("    listen-on-v6 { none; };\n")
        // Outgoing queries leave from the listen address: the kernel keeps them on lo.
        .append("    query-source address ").append(ip).append(";\n")
        .append("    recursion yes;\n")
        .append("    allow-query { 127.0.0.0/8; };\n")
        .append("    allow-recursion { 127.0.0.0/8; };\n")
        .append("    allow-query-cache { 127.0.0.0/8; };\n")
        // No DNSSEC validation: the lab's zones are unsigned and have no trust anchor.
        .append("    dnssec-validation no;\n")
        .append("    notify no;\n");
    for (ConfigOption o : options) {
      conf.append("    ").append(o.name()).append(' ').append(o.value()).append(";\n");
    }
    conf.append("};\n")
        // No rndc channel: named would otherwise listen on 127.0.0.1#953 with Debian's rndc.key.
        .append("controls { };\n");
    for (Name zone : stubZones) {
      appendStub(conf, zone.toString(), authority);
    }
    // Guard: any name outside the lab's zones also goes to the lab (which refuses it), so named
    // never asks the real root servers.
    appendStub(conf, ".", authority);
    return conf.toString();
  }

  private static void appendStub(StringBuilder conf, String zone, String authority) {
    conf.append("zone \"").append(zone).append("\" { type static-stub; server-addresses { ")
        .append(authority).append("; }; };\n");
  }

  private static String quoted(Path path) {
    String s = path.toAbsolutePath().toString();
    if (s.contains("\"") || s.contains("\\")) {
      throw new IllegalArgumentException("named.conf cannot quote a path holding '\"' or '\\': " + s);
    }
    return '"' + s + '"';
  }
}
