package dev.dnsflip.resolver;

/** How a farm behind one resolver address picks the cache that answers a query. */
public enum BackendChoice {
  /** Any backend, per query (load balancers spraying queries). */
  RANDOM("random"),
  /** The same backend for a given client (flow hashing on the source address). */
  STICKY("sticky"),
  /** The same backend for a given name (caches sharded by query name). */
  BY_NAME("by-name");

  private final String key;

  BackendChoice(String key) {
    this.key = key;
  }

  public String key() {
    return key;
  }

  public static BackendChoice fromKey(String key) {
    for (BackendChoice c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }
}
