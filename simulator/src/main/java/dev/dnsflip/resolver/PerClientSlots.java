package dev.dnsflip.resolver;

import java.util.Arrays;

/**
 * The entries a cache holds for names of their own ({@code probe-<i>.example.com}), one per
 * (per-client slot, client) that was ever looked up: an open-addressing map from the pair to an
 * extra slot index past the table's slots, so a cache costs memory in proportion to the clients
 * it served rather than clients × questions. Linear probing on packed long keys; no removal (an
 * evicted or flushed entry keeps its index, emptied).
 */
final class PerClientSlots {
  private static final long EMPTY = -1;

  private long[] keys = new long[16];
  private int[] values = new int[16];
  private int size;

  PerClientSlots() {
    Arrays.fill(keys, EMPTY);
  }

  /** Pairs held. */
  int size() {
    return size;
  }

  /** The index held for (slot, client), or -1. */
  int get(int slot, int client) {
    long key = key(slot, client);
    int mask = keys.length - 1;
    for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
      if (keys[i] == EMPTY) {
        return -1;
      }
    }
  }

  /** Holds {@code index} for (slot, client), which must not be held yet. */
  void put(int slot, int client, int index) {
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    insert(key(slot, client), index);
    size++;
  }

  /** Bytes a held pair costs at most, the table at its fullest growth included. */
  static long bytesPerPair() {
    return 4 * (8 + 4); // load at most 1/2, and up to twice that right after doubling
  }

  private void insert(long key, int index) {
    int mask = keys.length - 1;
    int i = mix(key) & mask;
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    values[i] = index;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        insert(oldKeys[i], oldValues[i]);
      }
    }
  }

  private static long key(int slot, int client) {
    if (slot < 0 || client < 0) {
      throw new IllegalArgumentException("a per-client entry needs a slot and a client: " + slot + ", " + client);
    }
    return (long) slot << 32 | client;
  }

  /** A 64-bit finaliser (SplitMix64), so clients numbered in runs spread over the table. */
  private static int mix(long key) {
    long z = key * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return (int) (z ^ (z >>> 31));
  }
}
