package dev.dnsflip.simulation;

/**
 * How partitions run. {@link #AUTO}: each skips ahead past cache hits where that is exact
 * ({@link SkipAhead#reason}), and runs event by event where not; {@link #EVENTS}: every partition
 * event by event, for comparison. Both draw from the same keyed streams, so each is deterministic
 * for a seed whatever the thread count; they draw differently, so their reports differ by chance.
 */
public enum Mode {
  AUTO,
  EVENTS
}
