package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;

/**
 * Minimum and maximum cache lifetimes for positive and negative answers, in seconds. A clamp
 * changes both how long the answer is kept and the TTL passed on (Unbound cache-min-ttl and
 * cache-max-ttl: "clients see the clamped TTL").
 */
public record TtlClamps(long minPositiveS, long maxPositiveS, long minNegativeS, long maxNegativeS) {
  public static final TtlClamps NONE = new TtlClamps(0, Long.MAX_VALUE / 4000, 0, Long.MAX_VALUE / 4000);

  public TtlClamps {
    if (minPositiveS < 0 || minNegativeS < 0 || maxPositiveS < minPositiveS || maxNegativeS < minNegativeS) {
      throw new ModelRuleException("TTL clamps need 0 <= min <= max");
    }
  }

  public long positiveMs(long ttlMs) {
    return Math.min(Math.max(ttlMs, minPositiveS * 1000), maxPositiveS * 1000);
  }

  public long negativeMs(long ttlMs) {
    return Math.min(Math.max(ttlMs, minNegativeS * 1000), maxNegativeS * 1000);
  }
}
