package dev.dnsflip.client;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.engine.HelperThread;
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
    return assign(clientGroups, resolverGroups, streams, 1);
  }

  /**
   * As {@link #assign(List, List, RandomStreams)}, counting the clients on up to {@code threads}
   * threads when there are many: each counts a range of ids, and the counts add up the same in
   * any order, so the population is the same whatever the thread count.
   */
  public static Population assign(List<ClientGroup> clientGroups, List<ResolverGroup> resolverGroups,
      RandomStreams streams, int threads) {
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
    double[][] cumulative = new double[groups][];
    int[] firstId = new int[groups + 1];
    for (int cg = 0; cg < groups; cg++) {
      cumulative[cg] = cumulativeShares(clientGroups.get(cg), resolverGroups);
      firstId[cg + 1] = firstId[cg] + clientGroups.get(cg).count();
    }
    int cells = resolverCount * groups;
    // Ranges only when they pay: a range's own counts cost a cell per resolver and group.
    int ranges = clientCount < PARALLEL_FROM ? 1 : (int) Math.max(1, Math.min(threads, clientCount / (8L * cells + 1)));
    List<HelperThread<int[]>> helpers = new java.util.ArrayList<>();
    for (int k = 1; k < ranges; k++) {
      int from = (int) ((long) clientCount * k / ranges);
      int to = (int) ((long) clientCount * (k + 1) / ranges);
      helpers.add(HelperThread.start("dnsflip-population",
          () -> count(from, to, firstId, cumulative, firstResolver, resolverGroups, groups, cells, streams)));
    }
    int[][] counts = new int[ranges][];
    counts[0] = count(0, (int) ((long) clientCount / ranges), firstId, cumulative, firstResolver, resolverGroups,
        groups, cells, streams); // the first range on this thread
    for (int k = 1; k < ranges; k++) {
      counts[k] = helpers.get(k - 1).join();
    }
    int[] start = new int[cells + 1];
    for (int k = 0; k < cells; k++) {
      int n = 0;
      for (int[] c : counts) {
        n += c[k];
      }
      start[k + 1] = start[k] + n;
    }
    return new Population(clientCount, resolverCount, groups, start);
  }

  /** Below this many clients, one thread counts them all. */
  private static final int PARALLEL_FROM = 1 << 17;

  /** Clients per (resolver, group) among client ids [from, to), ids numbered group by group. */
  private static int[] count(int from, int to, int[] firstId, double[][] cumulative, int[] firstResolver,
      List<ResolverGroup> resolverGroups, int groups, int cells, RandomStreams streams) {
    int[] counts = new int[cells];
    for (int cg = 0; cg < groups; cg++) {
      double[] shares = cumulative[cg];
      double total = shares[shares.length - 1];
      for (int id = Math.max(from, firstId[cg]); id < Math.min(to, firstId[cg + 1]); id++) {
        double u = streams.uniform(RandomStreams.CLIENT, id, 0) * total;
        int rg = 0;
        while (rg < shares.length - 1 && u >= shares[rg]) {
          rg++;
        }
        int within = (int) (streams.uniform(RandomStreams.CLIENT, id, 1) * resolverGroups.get(rg).count());
        counts[(firstResolver[rg] + within) * groups + cg]++;
      }
    }
    return counts;
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
