package dev.dnsflip.engine;

import java.util.Arrays;

/**
 * A pending-event set ordered by (time, insertion sequence), held in primitive arrays: a binary
 * min-heap of event slots, so scheduling and taking an event allocate nothing once warmed up.
 * An event is an {@code int} kind and an {@code int} payload chosen by the caller.
 */
public final class EventCalendar {
  private long[] times = new long[16];
  private long[] seqs = new long[16];
  private int[] kinds = new int[16];
  private int[] payloads = new int[16];
  private int size;
  private long nextSeq;

  // Fields of the event last taken by poll().
  private long time;
  private int kind;
  private int payload;

  public void schedule(long atMs, int eventKind, int eventPayload) {
    if (size == times.length) {
      int n = size * 2;
      times = Arrays.copyOf(times, n);
      seqs = Arrays.copyOf(seqs, n);
      kinds = Arrays.copyOf(kinds, n);
      payloads = Arrays.copyOf(payloads, n);
    }
    int i = size++;
    long seq = nextSeq++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!before(atMs, seq, times[parent], seqs[parent])) {
        break;
      }
      move(parent, i);
      i = parent;
    }
    set(i, atMs, seq, eventKind, eventPayload);
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public int size() {
    return size;
  }

  /** Time of the next event; only valid when not empty. */
  public long peekTime() {
    return times[0];
  }

  /** Removes the next event; read it with {@link #time()}, {@link #kind()}, {@link #payload()}. */
  public void poll() {
    if (size == 0) {
      throw new IllegalStateException("calendar is empty");
    }
    time = times[0];
    kind = kinds[0];
    payload = payloads[0];
    int last = --size;
    if (last == 0) {
      return;
    }
    long t = times[last];
    long s = seqs[last];
    int k = kinds[last];
    int p = payloads[last];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= last) {
        break;
      }
      if (child + 1 < last && before(times[child + 1], seqs[child + 1], times[child], seqs[child])) {
        child++;
      }
      if (!before(times[child], seqs[child], t, s)) {
        break;
      }
      move(child, i);
      i = child;
    }
    set(i, t, s, k, p);
  }

  public long time() {
    return time;
  }

  public int kind() {
    return kind;
  }

  public int payload() {
    return payload;
  }

  private static boolean before(long t1, long s1, long t2, long s2) {
    return t1 < t2 || (t1 == t2 && s1 < s2);
  }

  private void move(int from, int to) {
    times[to] = times[from];
    seqs[to] = seqs[from];
    kinds[to] = kinds[from];
    payloads[to] = payloads[from];
  }

  private void set(int i, long t, long s, int k, int p) {
    times[i] = t;
    seqs[i] = s;
    kinds[i] = k;
    payloads[i] = p;
  }
}
