package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import java.util.SplittableRandom;

/**
 * Fills a cache with its stationary state under Poisson lookups: slot k, looked up at rate λk
 * per ms and holding an answer of TTL T, is present with probability H = λT/(1+λT) and its age
 * is then uniform on [0, T). Lookup rates per slot follow the CNAME chains of the initial
 * setting, because a query through a CNAME looks up both the CNAME slot and the target's slot.
 */
public final class SteadyState {
  private SteadyState() {}

  /** Lookup rate per slot (per ms) for the given per-question client query rates. */
  public static double[] slotRates(AnswerTable table, double[] questionRatePerMs, boolean enabled) {
    double[] rates = new double[table.slotCount()];
    for (int q0 = 0; q0 < questionRatePerMs.length; q0++) {
      double rate = questionRatePerMs[q0];
      if (rate <= 0) {
        continue;
      }
      int q = q0;
      while (true) {
        int a = table.answerOf(q, enabled);
        if (!table.isCname(a)) {
          rates[q] += rate;
          break;
        }
        rates[table.cnameSlotOf(q)] += rate;
        q = table.target(a, q);
      }
    }
    return rates;
  }

  /** Stationary hit probability of a TTL cache under Poisson(λ) lookups: λT/(1+λT). */
  public static double hitProbability(double ratePerMs, long ttlMs) {
    double x = ratePerMs * ttlMs;
    return x / (1 + x);
  }

  /**
   * Fills {@code cache} at {@code startMs}; TTLs are those the cache would keep (after its clamps).
   * A whole-second cache ({@link CacheClock#WHOLE_SECOND}) gets the same draws and keeps each entry
   * to the end of its expiry second ({@link CachingResolver#preload}): a lifetime of T to T + 1 s,
   * which this fill does not weigh, so it is only close to stationary; such a cache is never plain,
   * and the simulation lets filled caches that are not plain settle before time 0.
   */
  public static void fill(CachingResolver cache, AnswerTable table, double[] slotRates,
      boolean enabled, long startMs, SplittableRandom random) {
    TtlClamps clamps = cache.behaviour().clamps();
    for (int slot = 0; slot < slotRates.length; slot++) {
      if (slotRates[slot] <= 0) {
        continue;
      }
      int answer = answerForSlot(table, slot, enabled);
      long ttl = table.provenance(answer) == dev.dnsflip.authority.Provenance.NEGATIVE.ordinal()
          ? clamps.negativeMs(table.ttlMs(answer)) : clamps.positiveMs(table.ttlMs(answer));
      if (ttl <= 0 || random.nextDouble() >= hitProbability(slotRates[slot], ttl)) {
        continue;
      }
      cache.preload(slot, answer, ttl, random.nextLong(ttl), startMs);
    }
  }

  private static int answerForSlot(AnswerTable table, int slot, boolean enabled) {
    if (slot < table.questionCount()) {
      return table.answerOf(slot, enabled);
    }
    for (int q = 0; q < table.questionCount(); q++) {
      if (table.cnameSlotOf(q) == slot && table.isCname(table.answerOf(q, enabled))) {
        return table.answerOf(q, enabled);
      }
    }
    throw new IllegalStateException("no CNAME for slot " + table.slotName(slot));
  }
}
