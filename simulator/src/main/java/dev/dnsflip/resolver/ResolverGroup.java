package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.spi.LogicChoice;
import java.util.Objects;

/**
 * A set of {@code count} resolver addresses with the same behaviour, each with its own cache, or
 * with {@code backends} independent caches behind it (a farm) picked by {@code choice}. A group
 * with {@code forwardTo} is made of caching forwarders: each forwards to one resolver of that
 * group, chosen at the start, and keeps what it receives. {@code origin} says which preset the
 * behaviour came from, and whether it was changed. {@code logic}: null for the built-in cache
 * (the hot path), else the {@link LogicChoice} each of its caches runs through the resolver SPI
 * ({@link LogicChoice#MODEL}: the built-in cache with {@code behaviour}; a user's class ignores
 * {@code behaviour}). {@code restarts}: when each resolver of the group restarts, its caches emptied.
 */
public record ResolverGroup(String name, int count, ResolverBehaviour behaviour, int backends, BackendChoice choice,
    String forwardTo, Origin origin, LogicChoice logic, Restarts restarts) {
  /** The origin of a group read without a preset and left as it is. */
  public static final Origin TTL_HONOURING_ORIGIN = new Origin("ttl-honouring", false, false);

  /** TTL-honouring resolvers with one cache each, asking the authoritative servers. */
  public ResolverGroup(String name, int count) {
    this(name, count, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null, TTL_HONOURING_ORIGIN);
  }

  /** The built-in cache. */
  public ResolverGroup(String name, int count, ResolverBehaviour behaviour, int backends, BackendChoice choice,
      String forwardTo, Origin origin) {
    this(name, count, behaviour, backends, choice, forwardTo, origin, null);
  }

  /** Caches that never restart. */
  public ResolverGroup(String name, int count, ResolverBehaviour behaviour, int backends, BackendChoice choice,
      String forwardTo, Origin origin, LogicChoice logic) {
    this(name, count, behaviour, backends, choice, forwardTo, origin, logic, Restarts.NONE);
  }

  public ResolverGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(choice, "choice");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(restarts, "restarts");
    if (count < 1) {
      throw new ModelRuleException("resolver group '" + name + "' needs count >= 1");
    }
    if (backends < 1) {
      throw new ModelRuleException("resolver group '" + name + "' needs backends >= 1");
    }
    if (!restarts.isNone() && logic != null && !logic.isModel()) {
      throw new ModelRuleException("resolver group '" + name + "' runs its own cache logic: dnsflip cannot empty it");
    }
    if (name.equals(forwardTo)) {
      throw new ModelRuleException("resolver group '" + name + "' cannot forward to itself");
    }
  }

  public ResolverGroup withCount(int newCount) {
    return new ResolverGroup(name, newCount, behaviour, backends, choice, forwardTo, origin, logic, restarts);
  }

  /** The same group with another behaviour, of {@code newOrigin}. */
  public ResolverGroup withBehaviour(ResolverBehaviour newBehaviour, Origin newOrigin) {
    return new ResolverGroup(name, count, newBehaviour, backends, choice, forwardTo, newOrigin, logic, restarts);
  }

  /** The name reports give the behaviour: the preset's, or the class of a user's logic. */
  public String kind() {
    return logic == null || logic.isModel() ? origin.kind() : logic.kind();
  }

  /** The same group with its caches run by {@code newLogic} (null: the built-in cache, not through the SPI). */
  public ResolverGroup withLogic(LogicChoice newLogic) {
    return new ResolverGroup(name, count, behaviour, backends, choice, forwardTo, origin, newLogic, restarts);
  }

  /** Whether a user's class runs its caches (not dnsflip's model). */
  public boolean runsOwnLogic() {
    return logic != null && !logic.isModel();
  }

  /** {@code newBackends} caches behind each address, picked by {@code newChoice}. */
  public ResolverGroup withBackends(int newBackends, BackendChoice newChoice) {
    return new ResolverGroup(name, count, behaviour, newBackends, newChoice, forwardTo, origin, logic, restarts);
  }

  /** The same group forwarding to {@code group}, or asking the authority when null. */
  public ResolverGroup withForwardTo(String group) {
    return new ResolverGroup(name, count, behaviour, backends, choice, group, origin, logic, restarts);
  }

  /** The same group restarting at {@code newRestarts}. */
  public ResolverGroup withRestarts(Restarts newRestarts) {
    return new ResolverGroup(name, count, behaviour, backends, choice, forwardTo, origin, logic, newRestarts);
  }

  public boolean isForwarder() {
    return forwardTo != null;
  }
}
