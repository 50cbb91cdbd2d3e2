package dev.dnsflip.resolver;

import java.util.Arrays;

/**
 * One resolver's cache: for each slot of the {@code AnswerTable}, the interned answer and its
 * absolute expiry. An entry is fresh while {@code now < expiry}: an RRset with TTL T stored at
 * f may be used up to, not including, f + T (at f + T its remaining TTL is 0).
 */
public final class RecursiveCache {
  static final long EMPTY = Long.MIN_VALUE;

  private final long[] expiryMs;
  private final int[] answer;

  public RecursiveCache(int slots) {
    expiryMs = new long[slots];
    answer = new int[slots];
    Arrays.fill(expiryMs, EMPTY);
    Arrays.fill(answer, -1);
  }

  public boolean isFresh(int slot, long now) {
    return now < expiryMs[slot];
  }

  public int answer(int slot) {
    return answer[slot];
  }

  public long expiryMs(int slot) {
    return expiryMs[slot];
  }

  /** Remaining TTL in whole seconds as passed on to a client (rounded down, as resolvers do). */
  public long remainingTtlSeconds(int slot, long now) {
    return Math.max(0, (expiryMs[slot] - now) / 1000);
  }

  public void store(int slot, int answerId, long expiry) {
    answer[slot] = answerId;
    expiryMs[slot] = expiry;
  }

  public int slots() {
    return expiryMs.length;
  }
}
