package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.resolver.CachingResolver;
import dev.dnsflip.resolver.SteadyState;
import java.util.SplittableRandom;

/**
 * The stationary start of the entries for names of clients' own: each client c asking its own
 * name at rate λ_c holds an entry at its resolver (and at every cache its lookups pass upstream)
 * with probability λ_c·L/(1+λ_c·L), aged uniformly over [0, L), exactly as a shared slot
 * ({@link SteadyState}) but with one client's rate. Each backend of a farm is filled at its share
 * of that rate, which is exact for a random choice only: a sticky or by-name farm sends a client to
 * one backend, and forwarders below add their clients' rates (overestimates the settle period
 * absorbs, as for shared names: such partitions are never plain).
 * Names shared by all clients (a CNAME target behind a client's name included) are filled by the
 * shared fill from the summed rates.
 */
final class PerClientFill {
  private PerClientFill() {}

  /** Fills the caches of {@code resolvers[i]} with the own names of its clients and of the forwarders below it. */
  static void fill(RunContext ctx, int[] resolvers, int i, CachingResolver[] backends, long start,
      SplittableRandom random) {
    AnswerTable table = ctx.table;
    int r = resolvers[i];
    long[] kept = ctx.stationary.keptMs(ctx.groupOfResolver[r]);
    for (int j = 0; j < resolvers.length; j++) {
      if (j != i && !leadsTo(ctx, resolvers[j], r)) {
        continue;
      }
      for (int g = 0; g < ctx.population.groups(); g++) {
        int members = ctx.population.count(resolvers[j], g);
        if (members == 0 || !ctx.asksOwnNames[g]) {
          continue;
        }
        int[] asked = ctx.questionOf[g];
        for (int m = 0; m < members; m++) {
          int client = ctx.population.member(resolvers[j], g, m);
          for (int k = 0; k < asked.length; k++) {
            int q = asked[k];
            if (!table.isPerClient(q) || firstAt(asked, q) != k) {
              continue;
            }
            double rate = ctx.ratePerMs[g] * shareOf(ctx.questionShare[g], asked, q) / backends.length;
            int a = table.answerOf(q, ctx.initiallyEnabled);
            int slot = table.isCname(a) ? table.cnameSlotOf(q) : q;
            for (CachingResolver backend : backends) {
              SteadyState.fillEntry(backend, table, slot, client, rate, kept[slot], ctx.initiallyEnabled,
                  start, random);
            }
          }
        }
      }
    }
  }

  /** A question listed twice is one name asked at the sum of its weights. */
  private static double shareOf(double[] shares, int[] asked, int q) {
    double share = 0;
    for (int k = 0; k < asked.length; k++) {
      share += asked[k] == q ? shares[k] : 0;
    }
    return share;
  }

  private static int firstAt(int[] asked, int q) {
    for (int k = 0; k < asked.length; k++) {
      if (asked[k] == q) {
        return k;
      }
    }
    return -1;
  }

  private static boolean leadsTo(RunContext ctx, int from, int to) {
    for (int x = ctx.upstreamOf[from]; x >= 0; x = ctx.upstreamOf[x]) {
      if (x == to) {
        return true;
      }
    }
    return false;
  }
}
