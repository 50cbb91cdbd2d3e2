package com.example.cache;

import java.util.HashMap;
import java.util.Map;

/**
 * The code under test: a small TTL cache as an application might keep DNS answers in, with the
 * time passed in (so a test can run it in simulated time). It knows nothing of dnsflip.
 */
public final class TtlCache<K, V> {
  private record Entry<V>(V value, long expiresAtMs) {}

  private final Map<K, Entry<V>> entries = new HashMap<>();

  /** The value, if one is stored and {@code nowMs} is before its expiry; else null. */
  public V get(K key, long nowMs) {
    Entry<V> e = entries.get(key);
    return e != null && nowMs < e.expiresAtMs() ? e.value() : null;
  }

  /** Milliseconds {@code key}'s value has left at {@code nowMs}. */
  public long remainingMs(K key, long nowMs) {
    Entry<V> e = entries.get(key);
    return e == null ? 0 : Math.max(0, e.expiresAtMs() - nowMs);
  }

  public void put(K key, V value, long ttlMs, long nowMs) {
    entries.put(key, new Entry<>(value, nowMs + ttlMs));
  }
}
