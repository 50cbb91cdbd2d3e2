package dev.dnsflip.scenarios;

import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.CacheClock;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.Restarts;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import dev.dnsflip.spi.LogicChoice;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One item of {@code resolvers:}: a preset (default ttl-honouring), the policy keys that override
 * it, the farm topology and the group it forwards to. Forwarding is checked across the groups
 * once all are read, so a group may forward to one declared after it.
 */
final class ResolverMapping {
  private static final String[] KEYS = {"name", "count", "preset", "forwardTo", "backends", "choice", "clamps", "serveStale",
      "prefetch", "passOriginalTtl", "capacity", "clock", "logic", "restarts"};
  /** Keys that set the built-in cache's policies: meaningless beside a user's own logic. */
  private static final String[] POLICY_KEYS = {"preset", "clamps", "serveStale", "prefetch", "passOriginalTtl",
      "capacity", "clock"};
  private static final String DEFAULT_PRESET = "ttl-honouring";
  private static final String[] CLAMP_KEYS = {"minTtl", "maxTtl", "minNegativeTtl", "maxNegativeTtl"};
  private static final String[] SERVE_STALE_KEYS = {"replyTtl", "maxStale", "clientTimeout", "refreshRetry",
      "resetOnFailure", "replyTtlCappedByOriginal"};
  /** Serve-stale settings for a preset that has it off: Unbound's reply TTL, a day's window, stale at once. */
  private static final ServeStale SERVE_STALE_DEFAULTS = new ServeStale(true, 30, 86_400, 0, 0, false, false);

  /** A group as read, with where its {@code forwardTo} was written (null when it has none). */
  record Read(ResolverGroup group, Node forwardTo) {}

  private ResolverMapping() {}

  /** Entries per cache, least recently used evicted first; 0 = unlimited. */
  private static int capacity(Node node, int fallback) throws InputException {
    if (node == null) {
      return fallback;
    }
    int capacity = node.parse(Quantities::count);
    if (capacity < 0) {
      throw node.error("capacity must be >= 0 (0 = unlimited), got " + capacity);
    }
    return capacity;
  }

  /** @param durationMs the run's length, within which restart instants must fall */
  static Read group(Node item, Map<String, Node> names, long durationMs) throws InputException {
    Fields f = Fields.of(item, KEYS);
    String name = PopulationMapping.uniqueName(f.required("name"), names, "resolver group");
    int count = PopulationMapping.count(f.required("count"));
    Node presetNode = f.optional("preset");
    ResolverPreset preset = presetNode == null
        ? Presets.resolver(DEFAULT_PRESET).orElseThrow() : presetNode.parse(ResolverMapping::preset);
    ResolverBehaviour base = preset.behaviour();
    ResolverBehaviour behaviour = new ResolverBehaviour(
        f.optional("clamps") == null ? base.clamps() : clamps(f.optional("clamps"), preset),
        f.optional("serveStale") == null ? base.serveStale() : serveStale(f.optional("serveStale"), base.serveStale()),
        f.optional("prefetch") == null ? base.prefetch() : Registry.PREFETCH.read(f.optional("prefetch"), null),
        f.optional("passOriginalTtl", Quantities::bool, base.passOriginalTtl()),
        capacity(f.optional("capacity"), base.capacity()),
        f.optional("clock", ResolverMapping::clock, base.clock()));
    int backends = preset.backends();
    Node backendsNode = f.optional("backends");
    if (backendsNode != null) {
      backends = backendsNode.parse(Quantities::count);
      if (backends < 1) {
        throw backendsNode.error("backends must be >= 1, got " + backends);
      }
    }
    BackendChoice choice = f.optional("choice", ResolverMapping::choice, preset.choice());
    Node forwardTo = f.optional("forwardTo");
    String target = null;
    if (forwardTo != null) {
      target = forwardTo.text().strip();
      if (target.equals(name)) {
        throw forwardTo.error("resolver group '" + name + "' cannot forward to itself");
      }
    }
    Origin origin = new Origin(preset.name(), presetNode != null, !behaviour.equals(base));
    int farm = backends;
    String upstream = target;
    LogicChoice logic = logic(f);
    Restarts restarts = f.optional("restarts") == null ? Restarts.NONE : restarts(f.optional("restarts"), durationMs);
    ResolverGroup group = item.build(() -> new ResolverGroup(name, count, behaviour, farm, choice, upstream, origin,
        logic, restarts));
    return new Read(group, forwardTo);
  }

  /**
   * {@code restarts: [ { at: 30m }, { at: 2h } ]}, instants inside the run in increasing order, or
   * {@code restarts: { every: 6h }}.
   */
  private static Restarts restarts(Node node, long durationMs) throws InputException {
    if (node.kind() == Node.Kind.MAP) {
      Node every = Fields.of(node, "every").required("every");
      long everyMs = every.parse(Quantities::durationMs);
      if (everyMs <= 0) {
        throw every.error("restarts every must be > 0, got " + every.text().strip());
      }
      return Restarts.every(everyMs);
    }
    List<Long> instants = new ArrayList<>();
    for (Node item : node.items()) {
      Node at = Fields.of(item, "at").required("at");
      long atMs = at.parse(Quantities::durationMs);
      if (atMs <= 0 || atMs >= durationMs) {
        throw at.error("restart at " + at.text().strip() + " is outside the run (0, " + durationMs + " ms)");
      }
      if (!instants.isEmpty() && atMs <= instants.get(instants.size() - 1)) {
        throw at.error("restart at " + at.text().strip() + " is not after the previous one; restarts must be in "
            + "strictly increasing time");
      }
      instants.add(atMs);
    }
    if (instants.isEmpty()) {
      throw node.error("restarts needs at least one { at: ... }, or { every: ... }");
    }
    return Restarts.at(instants);
  }

  /**
   * {@code logic:}, or null for the built-in cache. A class of the user's is the whole cache, so the
   * policy keys of the built-in one are refused beside it ({@code logic: model} takes them).
   */
  private static LogicChoice logic(Fields f) throws InputException {
    Node node = f.optional(Registry.LOGIC.key());
    if (node == null) {
      return null;
    }
    LogicChoice logic = Registry.LOGIC.read(node);
    if (!logic.isModel()) {
      for (String key : POLICY_KEYS) {
        Node policy = f.optional(key);
        if (policy != null) {
          throw policy.error(key + " sets the built-in cache, but this group's caches run logic: " + logic.name()
              + "; leave " + key + " out, or use logic: " + LogicChoice.MODEL_NAME);
        }
      }
    }
    return logic;
  }

  /**
   * Every {@code forwardTo} names a group, and no chain loops (the simulator would refuse both,
   * without saying where). A loop is reported at the first group of the list that lies on it.
   */
  static void checkForwarding(List<Read> groups) throws InputException {
    Map<String, Read> byName = groups.stream().collect(Collectors.toMap(r -> r.group().name(), r -> r));
    List<String> known = groups.stream().map(r -> r.group().name()).toList();
    for (Read r : groups) {
      if (r.forwardTo() != null && !byName.containsKey(r.group().forwardTo())) {
        throw r.forwardTo().error("unknown resolver group '" + r.group().forwardTo() + "' " + r.forwardTo().where()
            + "; expected one of: " + String.join(", ", known));
      }
    }
    for (Read r : groups) {
      List<String> chain = new ArrayList<>(List.of(r.group().name()));
      for (ResolverGroup at = r.group(); at.isForwarder(); at = byName.get(at.forwardTo()).group()) {
        if (at.forwardTo().equals(r.group().name())) {
          chain.add(at.forwardTo());
          throw r.forwardTo().error("resolver group '" + r.group().name() + "' forwards in a loop: "
              + String.join(" -> ", chain) + "; a chain must end at a group without forwardTo");
        }
        if (chain.contains(at.forwardTo())) {
          break; // a loop further on, reported at its own first group
        }
        chain.add(at.forwardTo());
      }
    }
  }

  private static ResolverPreset preset(String text) {
    return Presets.resolver(text.strip()).orElseThrow(() -> new IllegalArgumentException("unknown resolver preset '"
        + text.strip() + "'; expected one of: "
        + Presets.RESOLVERS.stream().map(ResolverPreset::name).collect(Collectors.joining(", "))));
  }

  /** {@code second} (Unbound's whole-second cache clock) or {@code millisecond} (the model's default). */
  private static CacheClock clock(String text) {
    CacheClock c = CacheClock.fromKey(text.strip());
    if (c == null) {
      throw new IllegalArgumentException("unknown clock '" + text.strip() + "'; expected second or millisecond");
    }
    return c;
  }

  private static BackendChoice choice(String text) {
    BackendChoice c = BackendChoice.fromKey(text.strip());
    if (c == null) {
      throw new IllegalArgumentException("unknown choice '" + text.strip() + "'; expected one of: "
          + Arrays.stream(BackendChoice.values()).map(BackendChoice::key).collect(Collectors.joining(", ")));
    }
    return c;
  }

  /** Each bound overrides the preset's; a minimum above its maximum names where the maximum came from. */
  private static TtlClamps clamps(Node node, ResolverPreset preset) throws InputException {
    Fields f = Fields.of(node, CLAMP_KEYS);
    TtlClamps base = preset.behaviour().clamps();
    long minPositive = clamp(f, "minTtl", base.minPositiveS());
    long maxPositive = clamp(f, "maxTtl", base.maxPositiveS());
    long minNegative = clamp(f, "minNegativeTtl", base.minNegativeS());
    long maxNegative = clamp(f, "maxNegativeTtl", base.maxNegativeS());
    String from = " of preset " + preset.name();
    ordered(f, "minTtl", minPositive, "maxTtl", maxPositive, from);
    ordered(f, "minNegativeTtl", minNegative, "maxNegativeTtl", maxNegative, from);
    return node.build(() -> new TtlClamps(minPositive, maxPositive, minNegative, maxNegative));
  }

  private static long clamp(Fields f, String key, long fallback) throws InputException {
    return DnsSeconds.optional(f, key, fallback, "clamps." + key);
  }

  private static void ordered(Fields f, String minKey, long min, String maxKey, long max, String from)
      throws InputException {
    if (min <= max) {
      return;
    }
    Node minNode = f.optional(minKey);
    Node maxNode = f.optional(maxKey);
    if (minNode != null && maxNode != null) {
      throw minNode.error("clamps." + minKey + " " + min + " is above clamps." + maxKey + " " + max);
    }
    if (minNode != null) {
      throw minNode.error("clamps." + minKey + " " + min + " is above the " + maxKey + " " + max + from);
    }
    throw maxNode.error("clamps." + maxKey + " " + max + " is below the " + minKey + " " + min + from);
  }

  /**
   * {@code off}; {@code on} (the preset's serve-stale, or the defaults when it has none, so a sweep
   * can say {@code serveStale=on,off}); or a mapping whose keys override one of those.
   */
  private static ServeStale serveStale(Node node, ServeStale preset) throws InputException {
    if (node.kind() == Node.Kind.SCALAR) {
      String text = node.text().strip();
      if (text.equals("off")) {
        return ServeStale.OFF;
      }
      if (text.equals("on")) {
        return preset.enabled() ? preset : SERVE_STALE_DEFAULTS;
      }
      throw node.error("unknown serveStale '" + text + "'; expected on, off or a mapping of: "
          + String.join(", ", SERVE_STALE_KEYS));
    }
    Fields f = Fields.of(node, SERVE_STALE_KEYS);
    ServeStale base = preset.enabled() ? preset : SERVE_STALE_DEFAULTS;
    long replyTtlS = DnsSeconds.optional(f, "replyTtl", base.replyTtlS(), "replyTtl");
    long maxStaleS = base.maxStaleS();
    Node maxStale = f.optional("maxStale");
    if (maxStale != null) {
      long ms = maxStale.parse(Quantities::durationMs);
      if (ms % 1000 != 0) {
        throw maxStale.error("maxStale " + maxStale.text().strip() + " is not a whole number of seconds "
            + "(resolvers keep the stale window in seconds)");
      }
      maxStaleS = ms / 1000;
    }
    // "off": BIND's stale-answer-client-timeout off, the refresh is always awaited.
    long clientTimeoutMs = f.optional("clientTimeout",
        text -> text.strip().equals("off") ? ServeStale.CLIENT_TIMEOUT_OFF : Quantities.durationMs(text),
        base.clientTimeoutMs());
    long refreshRetryMs = f.optional("refreshRetry", Quantities::durationMs, base.refreshRetryMs());
    boolean resetOnFailure = f.optional("resetOnFailure", Quantities::bool, base.resetOnFailure());
    boolean capped = f.optional("replyTtlCappedByOriginal", Quantities::bool, base.replyTtlCappedByOriginal());
    long reply = replyTtlS;
    long window = maxStaleS;
    return node.build(() -> new ServeStale(true, reply, window, clientTimeoutMs, refreshRetryMs, resetOnFailure, capped));
  }

}
