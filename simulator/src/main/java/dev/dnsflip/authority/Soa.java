package dev.dnsflip.authority;

/**
 * The SOA values that matter to caches. Negative answers are cached for min(TTL, MINIMUM)
 * (RFC 2308 section 5). Cloudflare defaults: TTL 3600, MINIMUM 1800 (FACTS-cloudflare.md;
 * real BIND exports show 3600, so it is a zone setting).
 */
public record Soa(long ttlSeconds, long minimumSeconds) {
  public static final Soa CLOUDFLARE_DEFAULT = new Soa(3600, 1800);

  public Soa {
    if (ttlSeconds < 0 || minimumSeconds < 0) {
      throw new IllegalArgumentException("SOA TTL and MINIMUM must be >= 0");
    }
  }

  public long negativeTtlSeconds() {
    return Math.min(ttlSeconds, minimumSeconds);
  }
}
