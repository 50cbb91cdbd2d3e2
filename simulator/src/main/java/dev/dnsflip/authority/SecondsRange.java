package dev.dnsflip.authority;

import org.xbill.DNS.TTL;

/**
 * A closed range of whole seconds: the one check behind every TTL and SOA timer bound. DNS holds
 * 0 to 2^31 - 1 (RFC 2181 section 8); Cloudflare accepts narrower ranges for what it stores.
 */
public record SecondsRange(long min, long max) {
  /** What a DNS TTL or SOA timer can hold. */
  public static final SecondsRange DNS = new SecondsRange(0, TTL.MAX_VALUE);
  /** What a stored record TTL or the Auto TTL can be: 0 ("do not cache") is no TTL Cloudflare stores. */
  public static final SecondsRange POSITIVE = new SecondsRange(1, TTL.MAX_VALUE);
  /** A DNS-only record's TTL at Cloudflare: 60 s to 1 day, 30 s on Enterprise (FACTS-cloudflare.md). */
  public static final SecondsRange CLOUDFLARE_RECORD_TTL = new SecondsRange(30, 86_400);
  /** The SOA MINIMUM Cloudflare lets Enterprise zones set (FACTS-cloudflare.md). */
  public static final SecondsRange CLOUDFLARE_SOA_MINIMUM = new SecondsRange(60, 86_400);

  public SecondsRange {
    if (min < 0 || max < min) {
      throw new IllegalArgumentException("a seconds range needs 0 <= min <= max, got [" + min + ", " + max + "]");
    }
  }

  public boolean contains(long seconds) {
    return seconds >= min && seconds <= max;
  }

  /** "autoTtl must be > 0 and <= 2147483647 seconds, got 0"; a lower bound of 1 reads as "> 0". */
  public String refusal(String what, long seconds) {
    String lower = min == 1 ? "> 0" : ">= " + min;
    return what + " must be " + lower + " and <= " + max + " seconds, got " + seconds;
  }
}
