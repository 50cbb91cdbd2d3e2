package dev.dnsflip.simulation;

import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverNode;
import dev.dnsflip.resolver.Restarts;

/**
 * The restarts of a partition's resolvers: before the use at t, every resolver whose restart falls
 * at or before t is emptied, so a use at the restart instant misses and one a millisecond before
 * it does not. Emptying when the next use comes is the same as emptying at the instant: a cache
 * changes only on lookups. Periodic restarts take a phase per resolver, uniform over the period
 * from the resolver's own stream, when the caches start stationary (a restart at a fixed offset
 * from a start that stands for "some time in the past" would lock every resolver together);
 * otherwise they fall at k·period, k >= 1.
 */
final class RestartClock {
  private final Restarts[] restarts;
  private final long[] phase;
  private final long[] due;
  private long next = Long.MAX_VALUE;

  /** @param start the partition's own start ({@link RunContext#startOf}) */
  RestartClock(RunContext ctx, int[] resolvers, long start) {
    restarts = new Restarts[resolvers.length];
    phase = new long[resolvers.length];
    due = new long[resolvers.length];
    boolean steady = ctx.scenario.initialCache().mode() == InitialCache.Mode.STEADY;
    for (int i = 0; i < resolvers.length; i++) {
      restarts[i] = ctx.scenario.resolverGroups().get(ctx.groupOfResolver[resolvers[i]]).restarts();
      long every = restarts[i].everyMs();
      phase[i] = every > 0 && steady ? (long) (ctx.streams.uniform(RandomStreams.RESTART, resolvers[i], 0) * every) : 0;
      long from = every > 0 && !steady ? Math.max(start, 1) : start;
      due[i] = restarts[i].firstAtOrAfter(from, phase[i]);
      next = Math.min(next, due[i]);
    }
  }

  /** Empties the caches of every resolver due to restart at or before {@code t}. */
  void advance(long t, ResolverNode[] nodes) {
    if (t < next) {
      return;
    }
    next = Long.MAX_VALUE;
    for (int i = 0; i < due.length; i++) {
      if (due[i] <= t) {
        nodes[i].flush();
        due[i] = restarts[i].firstAtOrAfter(t + 1, phase[i]);
      }
      next = Math.min(next, due[i]);
    }
  }

  /** The first restart of resolver {@code i} (its position in the partition) at or after the start. */
  long firstDue(int i) {
    return due[i];
  }
}
