package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.engine.ExponentialDraw;
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
   * Fills {@code cache} at {@code startMs}; TTLs are those the cache would keep (after its clamps)
   * of what the authority answers. A whole-second cache ({@link CacheClock#WHOLE_SECOND}) gets the
   * same draws and keeps each entry to the end of its expiry second ({@link CachingResolver#preload}):
   * a lifetime of T to T + 1 s, which this fill does not weigh, so it is only close to stationary;
   * such a cache is never plain, and the simulation lets filled caches that are not plain settle
   * before time 0.
   */
  public static void fill(CachingResolver cache, AnswerTable table, double[] slotRates,
      boolean enabled, long startMs, SplittableRandom random) {
    fill(cache, table, slotRates, keptFromAuthority(cache.behaviour(), table, enabled), enabled, startMs, random);
  }

  /**
   * Fills {@code cache} at {@code startMs} with entries slot k may keep for {@code keptMs[k]} (the
   * longest TTL it can hold there, after its clamps: for a forwarder, possibly a stale reply TTL its
   * upstream hands out, longer than the record's). Present with probability λL/(1+λL), age uniform on
   * [0, L): each cache's expiries are spread over its whole cycle, so no two caches start in phase.
   * A serve-stale cache holds the slots it does not hold fresh as expired entries (in steady state
   * every slot once looked up stays, fresh or stale, for the stale window), expired for as long as a
   * lookup has not come: Exp(λ) by memorylessness.
   */
  public static void fill(CachingResolver cache, AnswerTable table, double[] slotRates, long[] keptMs,
      boolean enabled, long startMs, SplittableRandom random) {
    boolean stale = cache.behaviour().serveStale().enabled();
    for (int slot = 0; slot < slotRates.length; slot++) {
      if (slotRates[slot] <= 0 || table.isPerClient(slot)) {
        continue; // a name of clients' own is filled client by client (fillEntry)
      }
      long ttl = keptMs[slot];
      if (ttl <= 0) {
        continue;
      }
      int answer = initialAnswer(table, slot, enabled);
      if (answer < 0) {
        throw new IllegalStateException("lookups at CNAME slot " + table.slotName(slot) + " without a CNAME");
      }
      fill(cache, slot, answer, slotRates[slot], ttl, stale, startMs, random);
    }
  }

  /**
   * Fills {@code client}'s own entry at per-client {@code slot} as {@link #fill} fills a shared
   * slot, for that client's lookup rate of it ({@code ratePerMs}, per ms) and the TTL the cache
   * keeps there ({@code keptMs}).
   */
  public static void fillEntry(CachingResolver cache, AnswerTable table, int slot, int client, double ratePerMs,
      long keptMs, boolean enabled, long startMs, SplittableRandom random) {
    int answer = initialAnswer(table, slot, enabled);
    if (ratePerMs <= 0 || keptMs <= 0 || answer < 0) {
      return;
    }
    fill(cache, cache.entryFor(slot, client), answer, ratePerMs, keptMs,
        cache.behaviour().serveStale().enabled(), startMs, random);
  }

  private static void fill(CachingResolver cache, int entry, int answer, double ratePerMs, long ttl, boolean stale,
      long startMs, SplittableRandom random) {
    if (random.nextDouble() < hitProbability(ratePerMs, ttl)) {
      cache.preload(entry, answer, ttl, random.nextLong(ttl), startMs);
    } else if (stale) {
      double sinceExpiry = ExponentialDraw.standard(random) / ratePerMs;
      cache.preload(entry, answer, ttl, ttl + (long) Math.min(Math.ceil(sinceExpiry), MAX_STALE_AGE_MS), startMs);
    }
  }

  /** Far past any stale window (ten years): an older entry is as good as none. */
  private static final long MAX_STALE_AGE_MS = 10L * 365 * 86_400_000;

  /** Per slot, the TTL {@code behaviour} keeps of the authority's answer (after its clamps). */
  public static long[] keptFromAuthority(ResolverBehaviour behaviour, AnswerTable table, boolean enabled) {
    long[] kept = new long[table.slotCount()];
    for (int slot = 0; slot < kept.length; slot++) {
      int answer = initialAnswer(table, slot, enabled);
      kept[slot] = answer < 0 ? 0 : kept(behaviour, table, answer, table.ttlMs(answer));
    }
    return kept;
  }

  /** The TTL {@code behaviour} keeps of {@code answer} received with {@code receivedMs}: its clamps (on whole seconds for a whole-second cache). */
  public static long kept(ResolverBehaviour behaviour, AnswerTable table, int answer, long receivedMs) {
    long received = behaviour.wholeSecondClock() ? CacheClock.wholeSecondsMs(receivedMs) : receivedMs;
    return table.provenance(answer) == dev.dnsflip.authority.Provenance.NEGATIVE.ordinal()
        ? behaviour.clamps().negativeMs(received) : behaviour.clamps().positiveMs(received);
  }

  /**
   * The answer slot {@code slot} holds under the setting {@code enabled}: its question's, or the
   * CNAME it is the slot of; -1 for a CNAME slot no question reaches a CNAME through under that setting.
   */
  public static int initialAnswer(AnswerTable table, int slot, boolean enabled) {
    if (slot < table.questionCount()) {
      return table.answerOf(slot, enabled);
    }
    for (int q = 0; q < table.questionCount(); q++) {
      if (table.cnameSlotOf(q) == slot && table.isCname(table.answerOf(q, enabled))) {
        return table.answerOf(q, enabled);
      }
    }
    return -1;
  }
}
