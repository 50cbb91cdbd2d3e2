package dev.dnsflip.authority;

import java.util.ArrayList;
import java.util.List;

/**
 * The SOA values that matter to caches. Negative answers are cached for min(TTL, MINIMUM)
 * (RFC 2308 section 5). Cloudflare defaults: TTL 3600, MINIMUM 1800 (FACTS-cloudflare.md;
 * real BIND exports show 3600, so it is a zone setting). Both are DNS timers here; the narrower
 * MINIMUM Cloudflare accepts is the account's rule ({@link Account}).
 */
public record Soa(long ttlSeconds, long minimumSeconds) {
  public static final Soa CLOUDFLARE_DEFAULT = new Soa(3600, 1800);

  public Soa {
    Problem.requireNone(problems(ttlSeconds, minimumSeconds));
  }

  /** Paths {@code ttlSeconds} and {@code minimumSeconds}; empty when the SOA may be built. */
  public static List<Problem> problems(long ttlSeconds, long minimumSeconds) {
    List<Problem> problems = new ArrayList<>();
    if (!SecondsRange.DNS.contains(ttlSeconds)) {
      problems.add(new Problem("ttlSeconds", SecondsRange.DNS.refusal("SOA ttl", ttlSeconds)));
    }
    if (!SecondsRange.DNS.contains(minimumSeconds)) {
      problems.add(new Problem("minimumSeconds", SecondsRange.DNS.refusal("SOA minimum", minimumSeconds)));
    }
    return problems;
  }

  public long negativeTtlSeconds() {
    return Math.min(ttlSeconds, minimumSeconds);
  }
}
