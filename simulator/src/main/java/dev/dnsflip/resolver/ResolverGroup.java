package dev.dnsflip.resolver;

import java.util.Objects;

/**
 * A set of {@code count} recursive resolvers with the same behaviour, each with its own cache.
 * This only behaviour is TTL-honouring: answers are kept exactly their TTL and passed on
 * with the remaining TTL.
 */
public record ResolverGroup(String name, int count) {
  public ResolverGroup {
    Objects.requireNonNull(name, "name");
    if (count < 1) {
      throw new IllegalArgumentException("resolver group '" + name + "' needs count >= 1");
    }
  }
}
