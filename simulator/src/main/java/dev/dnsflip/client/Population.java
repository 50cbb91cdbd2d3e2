package dev.dnsflip.client;

import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.engine.BinomialDraw;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which resolver each client uses. Clients are numbered resolver by resolver, and within a
 * resolver group by group, so the clients of one resolver are one contiguous range of ids and a
 * partition writes one contiguous range of every per-client array.
 *
 * <p>Each client of a group picks a resolver group by the shares, then one of its resolvers
 * uniformly, independently of the others: so the group's clients per resolver are multinomial,
 * and only those counts matter (clients of a group at one resolver are alike). They are drawn as
 * such: binomial counts per resolver group in turn, then per resolver group a binary split of its
 * clients between the halves of its resolvers, down to one (each split a binomial by the halves'
 * sizes). A group costs a draw per resolver it can reach, not per client: a million clients
 * behind a thousand resolvers took 3 ms of a run's serial part drawn one by one, and take a
 * thousand draws so. The draws come from a stream per client group, in a fixed order, so the
 * population does not depend on the thread count.
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
    int[] counts = new int[resolverCount * groups];
    for (int cg = 0; cg < groups; cg++) {
      double[] shares = shares(clientGroups.get(cg), resolverGroups);
      SplittableRandom random = streams.stream(RandomStreams.CLIENT, cg);
      double[] after = new double[shares.length + 1]; // [rg]: the shares of groups rg, rg + 1, ...
      for (int rg = shares.length - 1; rg >= 0; rg--) {
        after[rg] = after[rg + 1] + shares[rg];
      }
      long left = clientGroups.get(cg).count();
      for (int rg = 0; rg < shares.length && left > 0; rg++) {
        if (shares[rg] == 0) {
          continue;
        }
        // The last group with a share takes every client left: the shares' sums need not quite reach it.
        long n = after[rg + 1] == 0 ? left : BinomialDraw.sample(random, left, Math.min(1, shares[rg] / after[rg]));
        split(random, n, firstResolver[rg], resolverGroups.get(rg).count(), counts, groups, cg);
        left -= n;
      }
    }
    int[] start = new int[counts.length + 1];
    for (int k = 0; k < counts.length; k++) {
      start[k + 1] = start[k] + counts[k];
    }
    return new Population(clientCount, resolverCount, groups, start);
  }

  /** {@code n} clients of group cg spread uniformly over resolvers [from, from + size): halves, down to one. */
  private static void split(SplittableRandom random, long n, int from, int size, int[] counts, int groups, int cg) {
    if (n == 0) {
      return;
    }
    if (size == 1) {
      counts[from * groups + cg] = (int) n;
      return;
    }
    int half = size / 2;
    long low = BinomialDraw.sample(random, n, (double) half / size);
    split(random, low, from, half, counts, groups, cg);
    split(random, n - low, from + half, size - half, counts, groups, cg);
  }

  /** Each resolver group's share of a client group's clients (not normalised): its count of resolvers unless given. */
  private static double[] shares(ClientGroup group, List<ResolverGroup> resolverGroups) {
    double[] shares = new double[resolverGroups.size()];
    double sum = 0;
    for (int rg = 0; rg < shares.length; rg++) {
      ResolverGroup r = resolverGroups.get(rg);
      shares[rg] = group.resolverShares().isEmpty() ? r.count() : group.resolverShares().getOrDefault(r.name(), 0.0);
      sum += shares[rg];
    }
    for (String name : group.resolverShares().keySet()) {
      if (resolverGroups.stream().noneMatch(r -> r.name().equals(name))) {
        throw new ModelRuleException("client group '" + group.name() + "' names unknown resolver group '" + name + "'");
      }
    }
    if (!(sum > 0)) {
      throw new ModelRuleException("client group '" + group.name() + "' has no resolver share > 0");
    }
    return shares;
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
