package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;

/**
 * When a cache hit starts a background refresh of the entry, in the variants of real software.
 * The client still gets the cached answer; the refresh replaces the entry for later lookups.
 */
public interface Prefetch {
  None NONE = new None();

  /** Whether a hit with {@code remainingMs} left of an entry kept {@code originalMs} triggers a refresh. */
  boolean triggers(long remainingMs, long originalMs);

  String describe();

  record None() implements Prefetch {
    @Override
    public boolean triggers(long remainingMs, long originalMs) {
      return false;
    }

    @Override
    public String describe() {
      return "off";
    }
  }

  /** Unbound prefetch: a hit in the last 10% of the original TTL. */
  record Unbound() implements Prefetch {
    @Override
    public boolean triggers(long remainingMs, long originalMs) {
      return remainingMs * 10 <= originalMs;
    }

    @Override
    public String describe() {
      return "unbound (last 10% of TTL)";
    }
  }

  /** BIND prefetch: a hit with at most {@code triggerS} left, if the original TTL is at least {@code eligibleS}. */
  record Bind(long triggerS, long eligibleS) implements Prefetch {
    @Override
    public boolean triggers(long remainingMs, long originalMs) {
      return originalMs >= eligibleS * 1000 && remainingMs <= triggerS * 1000;
    }

    @Override
    public String describe() {
      return "bind (" + triggerS + " s left, TTL >= " + eligibleS + " s)";
    }
  }

  /** Knot Resolver prefetch of expiring records: less than 5 s + 1% of the original TTL left. */
  record Knot() implements Prefetch {
    @Override
    public boolean triggers(long remainingMs, long originalMs) {
      return remainingMs * 100 < 500_000 + originalMs;
    }

    @Override
    public String describe() {
      return "knot (< 5 s + 1% of TTL left)";
    }
  }

  /** PowerDNS Recursor refresh-on-ttl-perc: at most {@code percent}% of the original TTL left. */
  record Pdns(int percent) implements Prefetch {
    public Pdns {
      if (percent < 1 || percent > 100) {
        throw new ModelRuleException("refresh-on-ttl-perc must be 1..100");
      }
    }

    @Override
    public boolean triggers(long remainingMs, long originalMs) {
      return remainingMs * 100 <= originalMs * percent;
    }

    @Override
    public String describe() {
      return "pdns (" + percent + "% of TTL left)";
    }
  }
}
