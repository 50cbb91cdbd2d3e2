package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.resolver.SteadyState;
import java.util.TreeSet;

/**
 * The stale share a switch event should produce through TTL-honouring caches under Poisson
 * lookups (Jung, Berger, Balakrishnan 2003): a slot whose answer changes holds a pre-switch
 * entry with probability H = λT/(1+λT), of age uniform on [0, T), so a use x after the switch is
 * stale with probability H·(1 − x/T). Propagation is folded in as a shift by the mean delay d̄: before
 * d̄ every use of such a slot is stale (a miss fetches the old answer as well), from d̄ on H·(1 − x/T).
 * Sums of λ·H·(…) and of λ accumulate over resolvers and replications.
 */
final class ClosedForm {
  private final AnswerTable table;
  private final long[] offsets; // bucket starts
  private final long bucketMs;
  private final double[] staleRate;
  private double totalRate;

  ClosedForm(AnswerTable table, long[] offsets, long bucketMs) {
    this.table = table;
    this.offsets = offsets;
    this.bucketMs = bucketMs;
    this.staleRate = new double[offsets.length];
  }

  /** Adds one resolver's client question rates for a switch from {@code before} to {@code after}. */
  void add(double[] questionRates, boolean before, boolean after, double meanDelayMs) {
    double[] slotRates = SteadyState.slotRates(table, questionRates, before);
    for (int q = 0; q < questionRates.length; q++) {
      double rate = questionRates[q];
      if (rate <= 0) {
        continue;
      }
      totalRate += rate;
      if (table.intendedProvenance(q, before) == table.intendedProvenance(q, after)) {
        continue;
      }
      // The first slot on the old chain whose answer changes decides staleness.
      int cur = q;
      while (true) {
        int oldAnswer = table.answerOf(cur, before);
        int slot = table.isCname(oldAnswer) ? table.cnameSlotOf(cur) : cur;
        if (oldAnswer != table.answerOf(cur, after) || !table.isCname(oldAnswer)) {
          long ttl = table.ttlMs(oldAnswer);
          double h = SteadyState.hitProbability(slotRates[slot], ttl);
          for (int i = 0; i < offsets.length; i++) {
            double x = offsets[i] + bucketMs / 2.0 - meanDelayMs;
            // Before the switch reaches the nameservers a miss fetches the old answer too: every use is stale.
            staleRate[i] += x < 0 ? rate : rate * h * Math.max(0.0, 1.0 - x / ttl);
          }
          break;
        }
        cur = table.target(oldAnswer, cur);
      }
    }
  }

  double predicted(int i) {
    return totalRate == 0 ? 0 : staleRate[i] / totalRate;
  }

  /** The longest TTL among the answers this event replaces (0 when nothing changes). */
  static long longestReplacedTtlMs(AnswerTable table, boolean before, boolean after) {
    long longest = 0;
    for (int q = 0; q < table.questionCount(); q++) {
      if (table.intendedProvenance(q, before) != table.intendedProvenance(q, after)) {
        longest = Math.max(longest, table.ttlMs(table.answerOf(q, before)));
      }
    }
    return longest;
  }

  /** Offsets worth printing: 10%..90% of each changing TTL, on bucket starts, inside the window. */
  static long[] offsetsFor(AnswerTable table, boolean before, boolean after, long windowMs, long bucketMs,
      double meanDelayMs) {
    TreeSet<Long> ttls = new TreeSet<>();
    for (int q = 0; q < table.questionCount(); q++) {
      if (table.intendedProvenance(q, before) != table.intendedProvenance(q, after)) {
        ttls.add(table.ttlMs(table.answerOf(q, before)));
      }
    }
    TreeSet<Long> offsets = new TreeSet<>();
    for (long ttl : ttls) {
      for (double f : new double[] {0.1, 0.25, 0.5, 0.75, 0.9}) {
        long x = (long) (meanDelayMs + f * ttl);
        long start = x / bucketMs * bucketMs;
        if (start + bucketMs <= windowMs) {
          offsets.add(start);
        }
      }
    }
    return offsets.stream().mapToLong(Long::longValue).toArray();
  }
}
