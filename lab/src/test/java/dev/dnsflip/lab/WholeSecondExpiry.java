package dev.dnsflip.lab;

/**
 * When a real resolver with a whole-second clock lets go of an entry stored at a wall time known
 * only to lie in [fromMs, toMs] (the authority received the resolver's query at fromMs; the client
 * had the answer at toMs): the bounds a test may rely on, from the resolver's mechanism alone. The
 * resolver's second at wall time t is floor((t - d) / 1000) for a lag d in [0, {@link
 * #CLOCK_LAG_MS}].
 * Implemented by {@link UnboundExpiry} (Unbound 1.17: the expiry second itself is still answered,
 * with TTL 0) and {@link TruncatingExpiry} (BIND 9.18, dnsmasq 2.90: the entry is gone from the
 * start of its expiry second).
 */
interface WholeSecondExpiry {
  /**
   * How far a resolver's whole-second clock may lag the wall clock the test reads
   * ({@link System#currentTimeMillis()}, CLOCK_REALTIME). Unbound and dnsmasq read time(2), which
   * glibc serves from the kernel's coarse clock, and BIND reads the whole second the same way
   * (isc_stdtime); the coarse clock advances at the timer tick, so a resolver sees a new second a
   * few ms after the test does (measured on this machine, CONFIG_HZ 250, a 4 ms tick: 3 to 12 ms,
   * the excess over a tick from late ticks in the VM). The lab allows 50 ms: a loaded machine
   * delays ticks further, and a wider bound only blurs each boundary by that much.
   */
  long CLOCK_LAG_MS = 50;

  /** The smallest TTL the resolver can put on the cached answer to a query it handled within {@code o}. */
  long minTtl(Observation o);

  /** The largest such TTL. */
  long maxTtl(Observation o);

  /** From this wall time at the latest, no query sent gets the entry. */
  long answeredUntilMs();

  /** Before this wall time at the earliest, no answer received is a refetch. */
  long refetchedFromMs();

  /** Whether the last answers before the refetch carry TTL 0 (a query sent in the expiry second gets it). */
  boolean answersTtlZero();

  /** Builds the expiry of an entry stored within [fromMs, toMs] and kept ttlS seconds. */
  @FunctionalInterface
  interface Rule {
    WholeSecondExpiry storedBetween(long fromMs, long toMs, long ttlS);
  }

  static long second(long ms) {
    return Math.floorDiv(ms, 1000);
  }

  /** The earliest second the resolver's clock may read at wall time {@code ms}. */
  static long earliestSecond(long ms) {
    return Math.floorDiv(ms - CLOCK_LAG_MS, 1000);
  }
}
