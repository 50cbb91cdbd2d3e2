package dev.dnsflip.client;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;

/**
 * Which resolver each client uses. Clients are numbered resolver by resolver, and within a
 * resolver group by group, so the clients of one resolver are one contiguous range of ids and a
 * partition writes one contiguous range of every per-client array. The draws that assign a
 * client come from a stream keyed by its position in its group (group by group, as scenarios
 * list them), so the assignment does not depend on the numbering.
 */
public final class Population {
  private final int clients;
  private final int resolvers;
  private final int groups;
  private final int[] start; // [resolver * groups + group] -> first client id of that block; length R*G + 1

  private Population(int clients, int resolvers, int groups, int[] start) {
    this.clients = clients;
    this.resolvers = resolvers;
    this.groups = groups;
    this.start = start;
  }

  public static Population assign(List<ClientGroup> clientGroups, List<ResolverGroup> resolverGroups,
      RandomStreams streams) {
    int resolverCount = 0;
    int[] firstResolver = new int[resolverGroups.size()];
    for (int g = 0; g < resolverGroups.size(); g++) {
      firstResolver[g] = resolverCount;
      resolverCount += resolverGroups.get(g).count();
    }
    int clientCount = 0;
    for (ClientGroup c : clientGroups) {
      clientCount = Math.addExact(clientCount, c.count());
    }
    int groups = clientGroups.size();
    int[] counts = new int[resolverCount * groups + 1];
    int id = 0;
    for (int cg = 0; cg < groups; cg++) {
      ClientGroup group = clientGroups.get(cg);
      double[] cumulative = cumulativeShares(group, resolverGroups);
      for (int i = 0; i < group.count(); i++, id++) {
        double u = streams.uniform(RandomStreams.CLIENT, id, 0) * cumulative[cumulative.length - 1];
        int rg = 0;
        while (rg < cumulative.length - 1 && u >= cumulative[rg]) {
          rg++;
        }
        int within = (int) (streams.uniform(RandomStreams.CLIENT, id, 1) * resolverGroups.get(rg).count());
        int r = firstResolver[rg] + within;
        counts[r * groups + cg]++;
      }
    }
    int[] start = new int[resolverCount * groups + 1];
    for (int k = 0; k < resolverCount * groups; k++) {
      start[k + 1] = start[k] + counts[k];
    }
    return new Population(clientCount, resolverCount, groups, start);
  }

  private static double[] cumulativeShares(ClientGroup group, List<ResolverGroup> resolverGroups) {
    double[] cumulative = new double[resolverGroups.size()];
    double sum = 0;
    for (int rg = 0; rg < resolverGroups.size(); rg++) {
      ResolverGroup r = resolverGroups.get(rg);
      double share = group.resolverShares().isEmpty()
          ? r.count()
          : group.resolverShares().getOrDefault(r.name(), 0.0);
      sum += share;
      cumulative[rg] = sum;
    }
    for (String name : group.resolverShares().keySet()) {
      if (resolverGroups.stream().noneMatch(r -> r.name().equals(name))) {
        throw new ModelRuleException("client group '" + group.name() + "' names unknown resolver group '" + name + "'");
      }
    }
    if (!(sum > 0)) {
      throw new ModelRuleException("client group '" + group.name() + "' has no resolver share > 0");
    }
    return cumulative;
  }

  public int clients() {
    return clients;
  }

  public int resolvers() {
    return resolvers;
  }

  public int groups() {
    return groups;
  }

  /** Number of clients of group {@code g} using resolver {@code r}. */
  public int count(int r, int g) {
    return start[r * groups + g + 1] - start[r * groups + g];
  }

  /** The i-th client of group {@code g} using resolver {@code r}. */
  public int member(int r, int g, int i) {
    return start[r * groups + g] + i;
  }

  /** The first client of group {@code g} using resolver {@code r}; its clients follow it. */
  public int first(int r, int g) {
    return start[r * groups + g];
  }
}
