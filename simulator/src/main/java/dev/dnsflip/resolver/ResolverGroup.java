package dev.dnsflip.resolver;

import java.util.Objects;

/**
 * A set of {@code count} resolver addresses with the same behaviour, each with its own cache, or
 * with {@code backends} independent caches behind it (a farm) picked by {@code choice}. A group
 * with {@code forwardTo} is made of caching forwarders: each forwards to one resolver of that
 * group, chosen at the start, and keeps what it receives. {@code kind} names the behaviour in
 * reports (a preset name, or "custom").
 */
public record ResolverGroup(String name, int count, ResolverBehaviour behaviour, int backends, BackendChoice choice,
    String forwardTo, String kind) {
  /** TTL-honouring resolvers with one cache each, asking the authoritative servers. */
  public ResolverGroup(String name, int count) {
    this(name, count, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null, "ttl-honouring");
  }

  public ResolverGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(choice, "choice");
    kind = kind == null ? "custom" : kind;
    if (count < 1) {
      throw new IllegalArgumentException("resolver group '" + name + "' needs count >= 1");
    }
    if (backends < 1) {
      throw new IllegalArgumentException("resolver group '" + name + "' needs backends >= 1");
    }
    if (name.equals(forwardTo)) {
      throw new IllegalArgumentException("resolver group '" + name + "' cannot forward to itself");
    }
  }

  public ResolverGroup withCount(int newCount) {
    return new ResolverGroup(name, newCount, behaviour, backends, choice, forwardTo, kind);
  }

  /** The same group with another behaviour, named {@code newKind} in reports. */
  public ResolverGroup withBehaviour(ResolverBehaviour newBehaviour, String newKind) {
    return new ResolverGroup(name, count, newBehaviour, backends, choice, forwardTo, newKind);
  }

  /** {@code newBackends} caches behind each address, picked by {@code newChoice}. */
  public ResolverGroup withBackends(int newBackends, BackendChoice newChoice) {
    return new ResolverGroup(name, count, behaviour, newBackends, newChoice, forwardTo, kind);
  }

  /** The same group forwarding to {@code group}, or asking the authority when null. */
  public ResolverGroup withForwardTo(String group) {
    return new ResolverGroup(name, count, behaviour, backends, choice, group, kind);
  }

  public boolean isForwarder() {
    return forwardTo != null;
  }
}
