package dev.dnsflip.engine;

import java.util.SplittableRandom;

/**
 * Random streams derived from (scenario seed, entity id), so that a draw never depends on
 * which thread or partition made it. Same seed and entity => same stream, always.
 */
public final class RandomStreams {
  /** Entity kinds, mixed into the derivation so two kinds with the same id never share a stream. */
  public static final long RESOLVER = 0x5245534fL;
  public static final long CLIENT = 0x434c4e54L;
  public static final long PROPAGATION = 0x50524f50L;
  public static final long NAMESERVER = 0x4e53L;
  public static final long CACHE_INIT = 0x43494e49L;
  /** Skipping ahead, the holders of revealed answers: apart, so the other figures draw as before. */
  public static final long HOLDERS = 0x484f4c44L;
  /** The phase of a client on a fixed schedule. */
  public static final long SCHEDULE = 0x53434844L;
  /** The phase of a resolver's periodic restarts. */
  public static final long RESTART = 0x52535452L;
  /**
   * Skipping ahead, where hits drawn in bulk fall among the run's buckets and outages and which
   * clients they reach: apart, so every other figure draws as before.
   */
  public static final long ANSWERS = 0x414e5357L;

  /**
   * Event by event, a partition's Poisson uses (instant, client, question): apart from the draws of
   * lookups, so they are drawn ahead in blocks.
   */
  public static final long ARRIVALS = 0x41525256L;

  /** The step between successive seeds of a stream made by {@link #stream} (the golden ratio, odd). */
  public static final long GAMMA = 0x9e3779b97f4a7c15L;
  /** The draws a block of arrivals turns to when its own words are not enough (rare). */
  public static final long ARRIVAL_EXTRAS = 0x41525258L;

  private final long seed;

  public RandomStreams(long seed) {
    this.seed = seed;
  }

  public long seed() {
    return seed;
  }

  /** Seed of replication {@code r}: replications are independent samples of the same scenario. */
  public RandomStreams replication(int r) {
    return new RandomStreams(mix(seed ^ mix(0x5245504cL + r)));
  }

  /**
   * The seed of {@link #stream}: a {@link SplittableRandom} made from it gives the longs
   * {@code mix(seed + k·GAMMA)}, k = 1, 2, …, which a hot loop can make itself, in a register.
   */
  public long seedOf(long kind, long id) {
    return derive(kind, id);
  }

  /** A stream for one entity; allocate once per entity (never per query). */
  public SplittableRandom stream(long kind, long id) {
    return new SplittableRandom(derive(kind, id));
  }

  /** A stateless uniform draw in [0, 1) for (kind, id, draw), for set-up code over millions of entities. */
  public double uniform(long kind, long id, long draw) {
    return (derive(kind, id * 0x9E3779B97F4A7C15L + draw) >>> 11) * 0x1.0p-53;
  }

  private long derive(long kind, long id) {
    return mix(mix(seed ^ mix(kind)) + id);
  }

  /** Stafford variant 13 of the SplitMix64 finaliser: a bijection with good avalanche. */
  public static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
