package dev.dnsflip.cli;

import dev.dnsflip.engine.ExponentialDraw;
import dev.dnsflip.engine.HelperThread;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The least any event-by-event simulator does per query, run in this process so its rate is
 * measured beside dnsflip's under the same JIT, heap and machine load: draw the next arrival
 * (exponential), pick the client, touch one cache slot and one per-client cell. No calendar, no
 * resolver logic. The same loop as {@code shared/bench/Limit.java}.
 */
final class LimitLoop {
  private LimitLoop() {}

  /** Queries per second over {@code queries} simulated queries of {@code clients} behind {@code resolvers}. */
  static double queriesPerSecond(long queries, int clients, int resolvers, long seed) {
    return queriesPerSecond(queries, clients, resolvers, seed, true);
  }

  /**
   * As above, drawing each gap with {@code log1p} as {@code Limit.java} does, or, when
   * {@code asGiven} is false, as dnsflip does ({@link ExponentialDraw}: the ziggurat, no logarithm
   * on almost every draw): the loop's own rate with the cheaper gap, so the ratio is read both ways.
   */
  static double queriesPerSecond(long queries, int clients, int resolvers, long seed, boolean asGiven) {
    SplittableRandom r = new SplittableRandom(seed);
    long[] expiry = new long[resolvers];
    int[] lastUse = new int[clients];
    long stale = 0;
    double t = 0;
    long start = System.nanoTime();
    for (long i = 0; i < queries; i++) {
      t += (asGiven ? -Math.log1p(-r.nextDouble()) : ExponentialDraw.standard(r)) * 0.001;
      int c = r.nextInt(clients);
      int res = c % resolvers;
      long now = (long) t;
      if (now >= expiry[res]) {
        expiry[res] = now + 300_000;
      } else {
        stale++;
      }
      lastUse[c] = (int) now;
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    // Read the results so the JIT cannot drop the loop.
    if (stale == Long.MIN_VALUE || lastUse[0] == Integer.MIN_VALUE + 1) {
      throw new IllegalStateException();
    }
    return queries / seconds;
  }

  /**
   * Seconds for {@code threads} loops of {@code queries} each, as {@code Limit.java} writes them,
   * started together on threads of their own, each with its own arrays and seed: what the machine
   * delivers to independent work, with nothing shared between the threads.
   */
  static double sideBySideSeconds(long queries, int clients, int resolvers, int threads, long seed) {
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<HelperThread<Double>> loops = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long own = seed * 1_000 + t;
      loops.add(HelperThread.start("dnsflip-limit-loop", () -> {
        start.await();
        return queriesPerSecond(queries, clients, resolvers, own, true);
      }));
    }
    long begin = System.nanoTime();
    start.countDown();
    for (HelperThread<Double> loop : loops) {
      loop.join(); // a loop cut short would make a time that means nothing: its failure is thrown here
    }
    return (System.nanoTime() - begin) / 1e9;
  }
}
