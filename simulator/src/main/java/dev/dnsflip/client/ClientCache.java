package dev.dnsflip.client;

/**
 * How long a client (its OS stub or application) keeps an answer it got from its resolver.
 * Sources and versions are cited by the presets that use these kinds.
 */
public interface ClientCache {
  None NONE = new None();

  /** Lifetime of an answer that arrived with {@code ttlMs}; 0 = not cached. */
  long lifetimeMs(long ttlMs, boolean negative);

  /** How long after expiry an entry may still be used once while it is refreshed (Firefox). */
  default long graceMs() {
    return 0;
  }

  String describe();

  /** No cache: every use asks the resolver (Go's net package). */
  record None() implements ClientCache {
    @Override
    public long lifetimeMs(long ttlMs, boolean negative) {
      return 0;
    }

    @Override
    public String describe() {
      return "none";
    }
  }

  /** Honours the TTL up to a cap (systemd-resolved: 2 h; Windows: MaxCacheTtl). */
  record TtlHonouring(long capS, long negativeCapS) implements ClientCache {
    @Override
    public long lifetimeMs(long ttlMs, boolean negative) {
      return Math.min(ttlMs, (negative ? negativeCapS : capS) * 1000);
    }

    @Override
    public String describe() {
      return "TTL, capped at " + capS + " s (negative " + negativeCapS + " s)";
    }
  }

  /** A fixed lifetime whatever the TTL (JVM InetAddress 30 s / negative 10 s; curl 60 s). */
  record Fixed(long positiveS, long negativeS) implements ClientCache {
    @Override
    public long lifetimeMs(long ttlMs, boolean negative) {
      return (negative ? negativeS : positiveS) * 1000;
    }

    @Override
    public String describe() {
      return "fixed " + positiveS + " s (negative " + negativeS + " s)";
    }
  }

  /** max(TTL, floor): Chrome's built-in resolver keeps answers at least 60 s. */
  record AtLeast(long floorS) implements ClientCache {
    @Override
    public long lifetimeMs(long ttlMs, boolean negative) {
      return Math.max(ttlMs, floorS * 1000);
    }

    @Override
    public String describe() {
      return "max(TTL, " + floorS + " s)";
    }
  }

  /**
   * Kept {@code fixedS} (0 = the TTL), then a grace period in which the expired entry is used
   * once more while it is revalidated (Firefox).
   */
  record Grace(long fixedS, long graceS) implements ClientCache {
    @Override
    public long lifetimeMs(long ttlMs, boolean negative) {
      return fixedS == 0 ? ttlMs : fixedS * 1000;
    }

    @Override
    public long graceMs() {
      return graceS * 1000;
    }

    @Override
    public String describe() {
      return (fixedS == 0 ? "TTL" : fixedS + " s") + " + " + graceS + " s grace";
    }
  }
}
