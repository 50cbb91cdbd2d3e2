package dev.dnsflip.scenarios;

import dev.dnsflip.client.ClientCache;
import dev.dnsflip.resolver.Prefetch;

/**
 * Every behaviour kind dnsflip knows, at a glance, in the spirit of Caffeine simulator's policy
 * registry. The scenario loader, the scenario writer and the explorer ask these families for a
 * kind's reader, writer, generator, shrink steps and laws instead of switching on names.
 * Presets ({@code dev.dnsflip.presets.Presets}) are data built from the same policies.
 *
 * <p>To add a kind: its policy class (a record implementing {@link Prefetch} or
 * {@link ClientCache}), its entry (next to its siblings in {@link PrefetchKinds} or
 * {@link ClientCacheKinds}, or a class of your own implementing {@link PolicyKind}), and its line
 * in that list. docs/ARCHITECTURE.md walks through an example. Cache logic written outside the
 * project needs no entry: a class implementing {@code dev.dnsflip.spi.CacheLogic} is named in the
 * scenario ({@link #LOGIC}).
 */
public final class Registry {
  /** Resolver prefetch: {@code prefetch:} of a resolver group. */
  public static final PolicyFamily<Prefetch, PolicyKind<Prefetch>> PREFETCH =
      new PolicyFamily<>("prefetch", PrefetchKinds.all());

  /** Client caches: {@code cache:} of a client group. */
  public static final PolicyFamily<ClientCache, ClientCacheKind> CLIENT_CACHE =
      new PolicyFamily<>("cache", ClientCacheKinds.all());

  /**
   * Cache logic: {@code logic:} of a resolver group, through the resolver SPI ({@code model}, or a
   * class of the user's implementing {@code dev.dnsflip.spi.CacheLogic}).
   */
  public static final LogicKinds LOGIC = new LogicKinds();

  private Registry() {}
}
