package dev.dnsflip.client;

import dev.dnsflip.authority.ModelRuleException;
import java.util.Objects;

/**
 * What a client does with answers: its cache, how long its connections live (a use goes to the
 * address of an open connection, whatever DNS says now; 0 = a new connection per use,
 * exponentially distributed lifetimes otherwise), and whether it is dual-stack (it asks AAAA and
 * A and uses AAAA when it has one).
 */
public record ClientBehaviour(ClientCache cache, long connectionMeanMs, boolean dualStack) {
  public static final ClientBehaviour PLAIN = new ClientBehaviour(ClientCache.NONE, 0, false);

  public ClientBehaviour {
    Objects.requireNonNull(cache, "cache");
    if (connectionMeanMs < 0) {
      throw new ModelRuleException("connection lifetime must be >= 0");
    }
  }

  public ClientBehaviour withCache(ClientCache newCache) {
    return new ClientBehaviour(newCache, connectionMeanMs, dualStack);
  }

  public ClientBehaviour withConnectionMeanMs(long newConnectionMeanMs) {
    return new ClientBehaviour(cache, newConnectionMeanMs, dualStack);
  }

  public ClientBehaviour withDualStack(boolean newDualStack) {
    return new ClientBehaviour(cache, connectionMeanMs, newDualStack);
  }

  public boolean isPlain() {
    return cache instanceof ClientCache.None && connectionMeanMs == 0 && !dualStack;
  }
}
