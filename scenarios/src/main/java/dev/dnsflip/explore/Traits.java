package dev.dnsflip.explore;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.TtlClamps;
import dev.dnsflip.scenarios.Registry;
import dev.dnsflip.simulation.Scenario;
import java.util.Optional;

/**
 * What the laws of docs/ARCHITECTURE.md need to know about a behaviour, and the name reports give
 * a behaviour (the scenario loader's rule, so that a generated scenario written as YAML loads back
 * with the same kinds).
 */
public final class Traits {
  private static final String CUSTOM = "custom";
  private static final String PLUS_CUSTOM = "+custom";

  private Traits() {}

  /** A TTL floor: some answers are kept longer than their TTL (min clamp above 0). */
  public static boolean hasFloor(ResolverBehaviour b) {
    return b.clamps().minPositiveS() > 0 || b.clamps().minNegativeS() > 0;
  }

  /**
   * Serve-stale that answers an expired entry at once (client timeout 0). With a client timeout
   * above 0 the refresh is tried first and stale answers follow only failed refreshes, which need
   * an authoritative outage.
   */
  public static boolean servesStaleAtOnce(ResolverBehaviour b) {
    return b.serveStale().enabled() && b.serveStale().clientTimeoutMs() == 0;
  }

  /**
   * Keeps whole seconds (Unbound's clock): an entry lives to the end of its expiry second, up to 1 s
   * past its TTL.
   */
  public static boolean wholeSecondClock(ResolverBehaviour b) {
    return b.wholeSecondClock();
  }

  /** Passes on the TTL an entry was stored with: downstream copies restart the clock. */
  public static boolean passesOriginalTtl(ResolverBehaviour b) {
    return b.passOriginalTtl();
  }

  /** A client cache that keeps answers no longer than the TTL it received (none, or TTL with a cap). */
  public static boolean keepsAtMostTtl(ClientBehaviour c) {
    return Registry.CLIENT_CACHE.kindOf(c.cache()).keepsAtMostTtl();
  }

  /** A client cache that may keep an answer past the TTL it received: fixed, at-least, grace. */
  public static boolean cacheAddsLifetime(ClientBehaviour c) {
    return !keepsAtMostTtl(c);
  }

  /** Connections that keep their address whatever DNS says: no bound in the laws covers them. */
  public static boolean reusesConnections(ClientBehaviour c) {
    return c.connectionMeanMs() > 0;
  }

  static boolean allResolvers(Scenario s, java.util.function.Predicate<ResolverBehaviour> p) {
    return s.resolverGroups().stream().map(ResolverGroup::behaviour).allMatch(p);
  }

  static boolean anyResolver(Scenario s, java.util.function.Predicate<ResolverBehaviour> p) {
    return s.resolverGroups().stream().map(ResolverGroup::behaviour).anyMatch(p);
  }

  static boolean allClients(Scenario s, java.util.function.Predicate<ClientBehaviour> p) {
    return s.clientGroups().stream().map(ClientGroup::behaviour).allMatch(p);
  }

  static boolean anyClient(Scenario s, java.util.function.Predicate<ClientBehaviour> p) {
    return s.clientGroups().stream().map(ClientGroup::behaviour).anyMatch(p);
  }

  /** The preset a resolver group's kind names ("bind-9.18" or "bind-9.18+custom"), if any. */
  public static Optional<ResolverPreset> resolverPreset(String kind) {
    String base = kind.endsWith(PLUS_CUSTOM) ? kind.substring(0, kind.length() - PLUS_CUSTOM.length()) : kind;
    return Presets.resolver(base);
  }

  /** The preset a client group's kind names, if any. */
  public static Optional<ClientPreset> clientPreset(String kind) {
    String base = kind.endsWith(PLUS_CUSTOM) ? kind.substring(0, kind.length() - PLUS_CUSTOM.length()) : kind;
    return Presets.client(base);
  }

  /**
   * The kind the scenario loader gives a resolver group written with {@code preset} (null: none)
   * and this behaviour: the preset's name when unchanged, "preset+custom" when changed; without a
   * preset, "ttl-honouring" when the behaviour is that preset's, else "custom".
   */
  public static String resolverKind(ResolverPreset preset, ResolverBehaviour b) {
    if (preset == null) {
      return b.equals(ResolverBehaviour.TTL_HONOURING) ? "ttl-honouring" : CUSTOM;
    }
    return b.equals(preset.behaviour()) ? preset.name() : preset.name() + PLUS_CUSTOM;
  }

  /** As {@link #resolverKind} for clients; the default preset is "plain". */
  public static String clientKind(ClientPreset preset, ClientBehaviour b) {
    if (preset == null) {
      return b.equals(ClientBehaviour.PLAIN) ? "plain" : CUSTOM;
    }
    return b.equals(preset.behaviour()) ? preset.name() : preset.name() + PLUS_CUSTOM;
  }

  /**
   * The kind after changing a group's behaviour: relative to the preset its kind names, if any,
   * unless a scenario file could not say the change relative to it (a clamp beyond the largest TTL
   * a file may write, e.g. a preset's cap removed): then as a group without a preset.
   */
  static String resolverKindAfter(String kind, ResolverBehaviour b) {
    ResolverPreset preset = resolverPreset(kind).orElse(null);
    if (preset != null && !writableRelativeTo(b.clamps(), preset.behaviour().clamps())) {
      preset = null;
    }
    return resolverKind(preset, b);
  }

  /** Whether each clamp is the base's or one a scenario file can write (at most TTL.MAX_VALUE seconds). */
  private static boolean writableRelativeTo(TtlClamps c, TtlClamps base) {
    long max = org.xbill.DNS.TTL.MAX_VALUE;
    return (c.minPositiveS() == base.minPositiveS() || c.minPositiveS() <= max)
        && (c.maxPositiveS() == base.maxPositiveS() || c.maxPositiveS() <= max)
        && (c.minNegativeS() == base.minNegativeS() || c.minNegativeS() <= max)
        && (c.maxNegativeS() == base.maxNegativeS() || c.maxNegativeS() <= max);
  }

  static String clientKindAfter(String kind, ClientBehaviour b) {
    return clientKind(clientPreset(kind).orElse(null), b);
  }
}
