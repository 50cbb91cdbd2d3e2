package dev.dnsflip.lab;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link KnotLab} runs: where kresd listens, the lab authority every query is sent to
 * ({@code policy.STUB}: kresd asks it with RD=0 for every name, the root included, as a resolver
 * iterating into the lab's zones would), and the cache options a test sets; the rest stay at Knot
 * Resolver 5.6's built-in defaults (Debian's kresd.conf only adds listening on localhost:53, a
 * trust anchor and the cache path, all replaced here). Immutable; each {@code with}-style method
 * returns a copy.
 *
 * <p>The generated Lua also: sends kresd's queries from the listen address ({@code
 * net.outgoing_v4}), so none can leave loopback; turns DNSSEC validation off (the lab's zones are
 * unsigned); unloads the modules that query on their own at start (root priming, the time-skew and
 * time-jump probes), so the authority sees client-driven fetches only; and answers {@code
 * version.bind} TXT in class IN with the version, because kresd answers no CHAOS query itself and
 * {@link KnotLab} needs a question only kresd answers to know it is ready.
 *
 * @param listen the 127.0.0.0/8 address kresd answers on
 * @param port the port to answer on; 0 lets {@link KnotLab} pick a free one
 * @param upstream the lab authority's address and port
 * @param options Lua calls in the order set, as (function, argument): {@code cache.min_ttl(8)}
 */
public record KnotSettings(InetAddress listen, int port, InetSocketAddress upstream, List<ConfigOption> options) {

  /** Where the lab's kresd listens unless told: beside the authority (.53), Unbound (.54), dnsmasq (.56). */
  public static final InetAddress DEFAULT_LISTEN = Loopback.v4(58);

  public KnotSettings {
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

  /** kresd on {@link #DEFAULT_LISTEN} (a free port), asking {@code authority} for every name. */
  public static KnotSettings against(LabAuthority authority) {
    return new KnotSettings(DEFAULT_LISTEN, 0, authority.address(), List.of());
  }

  /** kresd on {@code listen} (a free port), asking {@code upstream} for every name. */
  public static KnotSettings against(InetSocketAddress upstream, InetAddress listen) {
    return new KnotSettings(listen, 0, upstream, List.of());
  }

  public KnotSettings withPort(int newPort) {
    return new KnotSettings(listen, newPort, upstream, options);
  }

  /** {@code cache.min_ttl}: the floor on every cached TTL, positive and negative (default 5 s). */
  public KnotSettings cacheMinTtl(long seconds) {
    return with("cache.min_ttl", ConfigOption.nonNegative(seconds, "kresd"));
  }

  /** {@code cache.max_ttl}: the cap on every cached TTL (default 1 day). */
  public KnotSettings cacheMaxTtl(long seconds) {
    return with("cache.max_ttl", ConfigOption.nonNegative(seconds, "kresd"));
  }

  /** A copy with {@code function} called with {@code argument}, replacing an earlier call. */
  private KnotSettings with(String function, String argument) {
    return new KnotSettings(listen, port, upstream, ConfigOption.replacing(options, function, argument));
  }

  /** The kresd.conf (Lua) text for running in {@code directory} on {@code actualPort}. */
  public String render(Path directory, int actualPort) {
    Objects.requireNonNull(directory, "directory");
    String ip = listen.getHostAddress();
    String stub = upstream.getAddress().getHostAddress() + "@" + upstream.getPort();
    StringBuilder lua = new StringBuilder();
    lua.append("-- Written by dnsflip's lab (KnotLab): a throw-away Knot Resolver on loopback.\n")
        .append("net.ipv6 = false\n")
        .append("net.listen('").append(ip).append("', ").append(actualPort).append(", { kind = 'dns' })\n")
        // Outgoing queries leave from the listen address: the kernel refuses to route them off lo.
        .append("net.outgoing_v4('").append(ip).append("')\n")
        // No DNSSEC validation: the lab's zones are unsigned and have no trust anchor.
        .append("trust_anchors.remove('.')\n")
        // Modules that would query at start: only client queries reach the authority.
        .append("modules.unload('priming')\n")
        .append("modules.unload('detect_time_skew')\n")
        .append("modules.unload('detect_time_jump')\n")
        .append("cache.open(10 * MB, 'lmdb://").append(luaString(directory.resolve("cache"))).append("')\n")
        // Readiness: kresd answers no CHAOS query, so its own version is answered here in IN.
        .append("local version = 'Knot Resolver ' .. package_version()\n")
        .append("policy.add(policy.suffix(policy.ANSWER({ [kres.type.TXT] = ")
        .append("{ rdata = string.char(#version) .. version, ttl = 0 } }), { todname('version.bind.') }))\n");
    for (ConfigOption o : options) {
      lua.append(o.name()).append('(').append(o.value()).append(")\n");
    }
    // Every name, the root included, goes to the lab (RD=0, as iteration would ask it), nowhere else.
    lua.append("policy.add(policy.all(policy.STUB('").append(stub).append("')))\n");
    return lua.toString();
  }

  private static String luaString(Path path) {
    String s = path.toAbsolutePath().toString();
    if (s.contains("'") || s.contains("\\") || s.contains("\n")) {
      throw new IllegalArgumentException("kresd.conf cannot hold this path in a Lua string: " + s);
    }
    return s;
  }
}
