package dev.dnsflip.resolver;

/** A resolver address clients query: one cache, or a farm of caches behind one address. */
public interface ResolverNode extends Upstream {
  /** Resolves {@code question} fully (following CNAMEs) for {@code client}; the terminal answer or FAILED. */
  int resolve(int question, long now, int client);

  /** Whether the last {@link #resolve} came entirely from cache. */
  boolean lastWasHit();

  /** The TTL the last {@link #resolve} passed to the client: the smallest along the chain, in ms. */
  long lastTtlMs();
}
