package dev.dnsflip.resolver;

import java.util.Arrays;

/**
 * Recency order of a cache's occupied slots, as an intrusive doubly linked list over slot
 * indices (primitive arrays, no allocation per touch), for capacity-bounded caches.
 */
final class LruOrder {
  private int[] prev;
  private int[] next;
  private boolean[] linked;
  private int head = -1; // most recent
  private int tail = -1; // least recent
  private int size;

  LruOrder(int slots) {
    prev = new int[slots];
    next = new int[slots];
    linked = new boolean[slots];
    Arrays.fill(prev, -1);
    Arrays.fill(next, -1);
  }

  /** Room for slots up to {@code slots} (a cache's entries for names of clients' own grow). */
  void grow(int slots) {
    int old = prev.length;
    prev = Arrays.copyOf(prev, slots);
    next = Arrays.copyOf(next, slots);
    linked = Arrays.copyOf(linked, slots);
    Arrays.fill(prev, old, slots, -1);
    Arrays.fill(next, old, slots, -1);
  }

  int size() {
    return size;
  }

  boolean contains(int slot) {
    return linked[slot];
  }

  /** Marks {@code slot} most recently used, adding it if absent. */
  void touch(int slot) {
    if (linked[slot]) {
      if (head == slot) {
        return;
      }
      unlink(slot);
    }
    linked[slot] = true;
    size++;
    prev[slot] = -1;
    next[slot] = head;
    if (head >= 0) {
      prev[head] = slot;
    }
    head = slot;
    if (tail < 0) {
      tail = slot;
    }
  }

  /** Removes and returns the least recently used slot, or -1. */
  int evict() {
    int victim = tail;
    if (victim >= 0) {
      unlink(victim);
    }
    return victim;
  }

  private void unlink(int slot) {
    int p = prev[slot];
    int n = next[slot];
    if (p >= 0) {
      next[p] = n;
    } else {
      head = n;
    }
    if (n >= 0) {
      prev[n] = p;
    } else {
      tail = p;
    }
    prev[slot] = -1;
    next[slot] = -1;
    linked[slot] = false;
    size--;
  }

  /** Forgets every slot (a restart). */
  void clear() {
    Arrays.fill(prev, -1);
    Arrays.fill(next, -1);
    Arrays.fill(linked, false);
    head = -1;
    tail = -1;
    size = 0;
  }
}
