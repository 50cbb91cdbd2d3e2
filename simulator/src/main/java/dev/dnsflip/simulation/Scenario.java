package dev.dnsflip.simulation;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run needs, immutable. Built by the scenario loader or by hand (tests, the
 * benchmark); validated here for what the types cannot say.
 *
 * @param durationMs observed time is [0, durationMs)
 * @param bucketMs resolution of the stale-share series after each switch event
 * @param nameservers authoritative nameservers the account's zones are served from
 */
public record Scenario(
    String name,
    String description,
    long seed,
    int replications,
    long durationMs,
    long bucketMs,
    InitialCache initialCache,
    Account account,
    int nameservers,
    Propagation propagation,
    SwitchSchedule schedule,
    List<ResolverGroup> resolverGroups,
    List<ClientGroup> clientGroups,
    List<Expectation> expectations,
    List<Outage> outages) {

  /** A scenario without authoritative outages. */
  public Scenario(String name, String description, long seed, int replications, long durationMs, long bucketMs,
      InitialCache initialCache, Account account, int nameservers, Propagation propagation, SwitchSchedule schedule,
      List<ResolverGroup> resolverGroups, List<ClientGroup> clientGroups, List<Expectation> expectations) {
    this(name, description, seed, replications, durationMs, bucketMs, initialCache, account, nameservers,
        propagation, schedule, resolverGroups, clientGroups, expectations, List.of());
  }

  public Scenario {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    Objects.requireNonNull(initialCache, "initialCache");
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(propagation, "propagation");
    Objects.requireNonNull(schedule, "schedule");
    resolverGroups = List.copyOf(resolverGroups);
    clientGroups = List.copyOf(clientGroups);
    expectations = List.copyOf(expectations);
    outages = List.copyOf(outages);
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be >= 1");
    }
    if (durationMs <= 0) {
      throw new IllegalArgumentException("duration must be > 0");
    }
    if (bucketMs <= 0) {
      throw new IllegalArgumentException("bucket must be > 0");
    }
    if (nameservers < 1) {
      throw new IllegalArgumentException("nameservers must be >= 1");
    }
    if (resolverGroups.isEmpty() || clientGroups.isEmpty()) {
      throw new IllegalArgumentException("a scenario needs resolvers and clients");
    }
    schedule.events().forEach(e -> {
      if (e.atMs() <= 0 || e.atMs() >= durationMs) {
        throw new IllegalArgumentException("switch at " + e.atMs() + " ms is outside the run (0, " + durationMs + " ms)");
      }
    });
    Set<String> names = new HashSet<>();
    for (ResolverGroup r : resolverGroups) {
      if (!names.add(r.name())) {
        throw new IllegalArgumentException("duplicate resolver group '" + r.name() + "'");
      }
    }
    for (ResolverGroup r : resolverGroups) {
      if (r.isForwarder() && !names.contains(r.forwardTo())) {
        throw new IllegalArgumentException("resolver group '" + r.name() + "' forwards to unknown group '"
            + r.forwardTo() + "'");
      }
    }
    for (ResolverGroup r : resolverGroups) {
      // Forwarder chains must end at a resolver that asks the authority.
      String at = r.name();
      for (int hops = 0; ; hops++) {
        String current = at;
        ResolverGroup g = resolverGroups.stream().filter(x -> x.name().equals(current)).findFirst().orElseThrow();
        if (!g.isForwarder()) {
          break;
        }
        if (hops > resolverGroups.size()) {
          throw new IllegalArgumentException("resolver group '" + r.name() + "' forwards in a loop");
        }
        at = g.forwardTo();
      }
    }
  }

  public Scenario withSeed(long newSeed) {
    return new Scenario(name, description, newSeed, replications, durationMs, bucketMs, initialCache,
        account, nameservers, propagation, schedule, resolverGroups, clientGroups, expectations, outages);
  }

  public Scenario withReplications(int n) {
    return new Scenario(name, description, seed, n, durationMs, bucketMs, initialCache,
        account, nameservers, propagation, schedule, resolverGroups, clientGroups, expectations, outages);
  }

  public int clientCount() {
    return clientGroups.stream().mapToInt(ClientGroup::count).sum();
  }

  public int resolverCount() {
    return resolverGroups.stream().mapToInt(ResolverGroup::count).sum();
  }
}
