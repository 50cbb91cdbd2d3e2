package dev.dnsflip.explore;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.resolver.ResolverBehaviour;

/**
 * Which behaviours the generator may draw, so that a property is tried mostly on scenarios it
 * applies to. A profile only steers generation; each property still decides for itself
 * ({@link Property#appliesTo}) whether it applies to a scenario.
 */
public enum Profile {
  /** Anything the generator knows, connection reuse and original-TTL pass-on included. */
  ANY,
  /** Resolvers without floors, stale-at-once or original TTLs; clients that keep at most the TTL. */
  TTL_HONOURING,
  /** As {@link #TTL_HONOURING}, but floors allowed, and at least one resolver group has one. */
  FLOORS,
  /** Resolvers without stale-at-once or original TTLs; at least one client cache that adds lifetime. */
  CLIENT_CACHES,
  /** At least one resolver group serves stale at once; no original TTLs, no connection reuse. */
  SERVE_STALE;

  boolean allowsResolver(ResolverBehaviour b) {
    return switch (this) {
      case ANY -> true;
      case TTL_HONOURING -> !Traits.hasFloor(b) && !Traits.servesStaleAtOnce(b) && !Traits.passesOriginalTtl(b);
      case FLOORS, CLIENT_CACHES -> !Traits.servesStaleAtOnce(b) && !Traits.passesOriginalTtl(b);
      case SERVE_STALE -> !Traits.passesOriginalTtl(b);
    };
  }

  /** What at least one resolver group must have, or null when nothing is required. */
  java.util.function.Predicate<ResolverBehaviour> requiredResolver() {
    return switch (this) {
      case FLOORS -> Traits::hasFloor;
      case SERVE_STALE -> Traits::servesStaleAtOnce;
      default -> null;
    };
  }

  boolean allowsClient(ClientBehaviour c) {
    return switch (this) {
      case ANY -> true;
      case TTL_HONOURING, FLOORS -> Traits.keepsAtMostTtl(c) && !Traits.reusesConnections(c);
      case CLIENT_CACHES, SERVE_STALE -> !Traits.reusesConnections(c);
    };
  }

  /** What at least one client group must have, or null when nothing is required. */
  java.util.function.Predicate<ClientBehaviour> requiredClient() {
    return this == CLIENT_CACHES ? Traits::cacheAddsLifetime : null;
  }
}
