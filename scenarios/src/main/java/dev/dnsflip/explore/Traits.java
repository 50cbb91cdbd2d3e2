package dev.dnsflip.explore;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.TtlClamps;
import dev.dnsflip.scenarios.Registry;
import dev.dnsflip.simulation.Scenario;

/**
 * What the laws of docs/ARCHITECTURE.md need to know about a behaviour, and the origin the scenario
 * loader gives a behaviour (so that a generated scenario written as YAML loads back equal).
 */
public final class Traits {
  private static final String DEFAULT_RESOLVER = "ttl-honouring";
  private static final String DEFAULT_CLIENT = "plain";

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

  /**
   * The origin the scenario loader gives a resolver group written with {@code preset} (null: none)
   * and this behaviour: the preset, modified when the behaviour differs from it; without a preset,
   * the default one (ttl-honouring), not named.
   */
  public static Origin resolverOrigin(ResolverPreset preset, ResolverBehaviour b) {
    if (preset == null) {
      return new Origin(DEFAULT_RESOLVER, false, !b.equals(ResolverBehaviour.TTL_HONOURING));
    }
    return new Origin(preset.name(), true, !b.equals(preset.behaviour()));
  }

  /** As {@link #resolverOrigin} for clients; the default preset is "plain". */
  public static Origin clientOrigin(ClientPreset preset, ClientBehaviour b) {
    if (preset == null) {
      return new Origin(DEFAULT_CLIENT, false, !b.equals(ClientBehaviour.PLAIN));
    }
    return new Origin(preset.name(), true, !b.equals(preset.behaviour()));
  }

  /**
   * The origin after changing a group's behaviour: relative to the preset it came from, unless a
   * scenario file could not say the change relative to it (a clamp beyond the largest TTL a file
   * may write, e.g. a preset's cap removed): then as a group without a preset.
   */
  static Origin resolverOriginAfter(Origin origin, ResolverBehaviour b) {
    ResolverPreset preset = Presets.resolver(origin.preset()).orElseThrow();
    if (!writableRelativeTo(b.clamps(), preset.behaviour().clamps())) {
      return resolverOrigin(null, b);
    }
    return new Origin(preset.name(), origin.named(), !b.equals(preset.behaviour()));
  }

  /** Whether each clamp is the base's or one a scenario file can write (at most TTL.MAX_VALUE seconds). */
  private static boolean writableRelativeTo(TtlClamps c, TtlClamps base) {
    long max = org.xbill.DNS.TTL.MAX_VALUE;
    return (c.minPositiveS() == base.minPositiveS() || c.minPositiveS() <= max)
        && (c.maxPositiveS() == base.maxPositiveS() || c.maxPositiveS() <= max)
        && (c.minNegativeS() == base.minNegativeS() || c.minNegativeS() <= max)
        && (c.maxNegativeS() == base.maxNegativeS() || c.maxNegativeS() <= max);
  }

  static Origin clientOriginAfter(Origin origin, ClientBehaviour b) {
    ClientPreset preset = Presets.client(origin.preset()).orElseThrow();
    return new Origin(preset.name(), origin.named(), !b.equals(preset.behaviour()));
  }
}
