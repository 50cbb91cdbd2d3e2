package dev.dnsflip.client;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.simulation.Limits;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code count} clients that each query as a Poisson process of rate {@code queriesPerSecond},
 * drawing each query's question by weight, through one resolver assigned at the start by the
 * group shares in {@code resolverShares} (resolver group name -> share; empty = proportional to
 * resolver counts) and uniformly within the chosen group. {@code behaviour} says what the client
 * does with answers; {@code origin} says which preset it came from, and whether it was changed.
 *
 * <p>With {@code everyMs} > 0 the clients query on a fixed schedule instead, as RIPE Atlas probes
 * do: each client uses a question (drawn by weight) exactly every {@code everyMs}, at the instants
 * phase + k·everyMs with a phase of its own in [0, everyMs); {@code queriesPerSecond} is then the
 * mean rate that schedule gives, 1000 / everyMs.
 */
public record ClientGroup(String name, int count, double queriesPerSecond,
    Map<String, Double> resolverShares, List<WeightedQuestion> questions, ClientBehaviour behaviour, Origin origin,
    long everyMs) {
  /** The origin of a group read without a preset and left as it is. */
  public static final Origin PLAIN_ORIGIN = new Origin("plain", false, false);

  /** A group of plain clients (no cache, a new connection per use, single stack). */
  public ClientGroup(String name, int count, double queriesPerSecond, Map<String, Double> resolverShares,
      List<WeightedQuestion> questions) {
    this(name, count, queriesPerSecond, resolverShares, questions, ClientBehaviour.PLAIN, PLAIN_ORIGIN);
  }

  /** A group of Poisson clients. */
  public ClientGroup(String name, int count, double queriesPerSecond, Map<String, Double> resolverShares,
      List<WeightedQuestion> questions, ClientBehaviour behaviour, Origin origin) {
    this(name, count, queriesPerSecond, resolverShares, questions, behaviour, origin, 0);
  }

  public ClientGroup {
    Objects.requireNonNull(behaviour, "behaviour");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(name, "name");
    if (everyMs < 0) {
      throw new ModelRuleException("client group '" + name + "' needs a period > 0");
    }
    if (everyMs > 0) {
      queriesPerSecond = 1000.0 / everyMs;
    }
    if (count < 1) {
      throw new ModelRuleException("client group '" + name + "' needs count >= 1");
    }
    if (!(queriesPerSecond > 0) || Double.isInfinite(queriesPerSecond)) {
      throw new ModelRuleException("client group '" + name + "' needs a query rate > 0");
    }
    if (queriesPerSecond > Limits.CLIENT_RATE.max()) {
      throw new ModelRuleException(Limits.CLIENT_RATE.refusal("client group '" + name + "' asks "
          + queriesPerSecond + " queries per second a client"));
    }
    resolverShares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(resolverShares));
    for (Map.Entry<String, Double> e : resolverShares.entrySet()) {
      if (!(e.getValue() >= 0)) {
        throw new ModelRuleException("resolver share must be >= 0: " + e);
      }
    }
    questions = List.copyOf(questions);
    if (questions.isEmpty()) {
      throw new ModelRuleException("client group '" + name + "' asks no question");
    }
  }

  public ClientGroup withCount(int newCount) {
    return new ClientGroup(name, newCount, queriesPerSecond, resolverShares, questions, behaviour, origin, everyMs);
  }

  /** Resolver group name -> share; empty spreads the clients in proportion to resolver counts. */
  public ClientGroup withResolverShares(Map<String, Double> newShares) {
    return new ClientGroup(name, count, queriesPerSecond, newShares, questions, behaviour, origin, everyMs);
  }

  public ClientGroup withQuestions(List<WeightedQuestion> newQuestions) {
    return new ClientGroup(name, count, queriesPerSecond, resolverShares, newQuestions, behaviour, origin, everyMs);
  }

  /** The same clients with another behaviour, of {@code newOrigin}. */
  public ClientGroup withBehaviour(ClientBehaviour newBehaviour, Origin newOrigin) {
    return new ClientGroup(name, count, queriesPerSecond, resolverShares, questions, newBehaviour, newOrigin, everyMs);
  }

  /** The same clients on a fixed schedule, one use every {@code newEveryMs} (0: a Poisson process again, at the same mean rate). */
  public ClientGroup withEvery(long newEveryMs) {
    return new ClientGroup(name, count, queriesPerSecond, resolverShares, questions, behaviour, origin, newEveryMs);
  }

  /** Whether the clients query on a fixed schedule rather than as a Poisson process. */
  public boolean isScheduled() {
    return everyMs > 0;
  }

  /** The name reports give the behaviour. */
  public String kind() {
    return origin.kind();
  }
}
