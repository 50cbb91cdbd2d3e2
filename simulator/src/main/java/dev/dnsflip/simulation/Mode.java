package dev.dnsflip.simulation;

/**
 * How partitions run. {@link #AUTO}: each skips ahead past cache hits where that is exact and
 * cheaper ({@link SkipAhead#reason}), and runs event by event where not; {@link #SKIP}: skips ahead
 * wherever exact, cheaper or not (to compare, and for the tests of fit); {@link #EVENTS}: every
 * partition event by event. All draw from the same keyed streams, so each is deterministic for a
 * seed whatever the thread count; they draw differently, so their reports differ by chance.
 */
public enum Mode {
  AUTO,
  SKIP,
  EVENTS
}
