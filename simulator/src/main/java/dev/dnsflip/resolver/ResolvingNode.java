package dev.dnsflip.resolver;

/**
 * The piece-by-piece reading of {@link ResolverNode#lookup} that tests and lab replays use, kept
 * once for every node: the hot path uses the packed value of {@code lookup} and never this state.
 */
abstract class ResolvingNode implements ResolverNode {
  private long last;

  @Override
  public final int resolve(int question, long now, int client) {
    last = lookup(question, now, client);
    return Resolution.answer(last);
  }

  @Override
  public final boolean lastWasHit() {
    return Resolution.hit(last);
  }

  @Override
  public final long lastTtlMs() {
    return Resolution.ttlMs(last);
  }
}
