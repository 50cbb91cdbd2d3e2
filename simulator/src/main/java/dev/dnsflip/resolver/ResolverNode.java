package dev.dnsflip.resolver;

/** A resolver address clients query: one cache, or a farm of caches behind one address. */
public interface ResolverNode extends Upstream {
  /**
   * Resolves {@code question} fully (following CNAMEs) for {@code client}: the terminal answer,
   * whether it came entirely from cache, and the TTL passed to the client (the smallest along
   * the chain), as a {@link Resolution}; {@link Resolution#FAILED} when it failed.
   */
  long lookup(int question, long now, int client);

  /**
   * {@link #lookup} for callers that read the outcome piece by piece (tests, lab replays): the
   * answer id or {@link #FAILED}, with {@link #lastWasHit()} and {@link #lastTtlMs()} describing it.
   */
  int resolve(int question, long now, int client);

  /** Whether the last {@link #resolve} came entirely from cache. */
  boolean lastWasHit();

  /** The TTL the last {@link #resolve} passed to the client, in ms. */
  long lastTtlMs();

  /** A restart: every cache behind this address forgets what it holds. */
  void flush();
}
