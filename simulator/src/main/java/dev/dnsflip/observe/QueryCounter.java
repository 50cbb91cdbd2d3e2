package dev.dnsflip.observe;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Queries simulated so far in this JVM, counted by every {@link Tally} in batches, for progress
 * reports while a run goes on. Approximate by design (each tally reports only whole batches, and
 * concurrent runs share the count), and never read by anything that ends up in a report, so it
 * cannot change one. A batch costs one atomic add per {@value #BATCH} queries: nothing next to
 * the queries themselves.
 */
public final class QueryCounter {
  /** Queries a tally counts before it reports them; a power of two, so the check is a mask. */
  public static final int BATCH = 4096;

  private static final AtomicLong COUNTED = new AtomicLong();

  private QueryCounter() {}

  static void addBatch() {
    COUNTED.addAndGet(BATCH);
  }

  static void addBatches(long batches) {
    COUNTED.addAndGet(batches * BATCH);
  }

  /** Queries counted so far (whole batches): read it before a run and subtract. */
  public static long counted() {
    return COUNTED.get();
  }
}
