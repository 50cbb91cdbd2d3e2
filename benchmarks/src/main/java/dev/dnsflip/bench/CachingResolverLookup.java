package dev.dnsflip.bench;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.resolver.CachingResolver;
import dev.dnsflip.resolver.Resolution;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.simulation.Simulation;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One TTL-honouring cache lookup of the bench scenario's name, the step every simulated use takes
 * event by event. {@code hit}: the entry is fresh (the common case; what skipping ahead avoids);
 * {@code miss}: every lookup lands exactly on the previous expiry, so it asks its upstream (a
 * constant reply, to time the cache and not the authority) and stores the answer again.
 */
@BenchmarkMode(org.openjdk.jmh.annotations.Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Thread)
public class CachingResolverLookup {
  private int question;
  private long ttlMs;
  private CachingResolver hits;
  private CachingResolver misses;
  private long tick;

  @Setup
  public void setUp() {
    AnswerTable table = new Simulation(dev.dnsflip.cli.Benchmark.scenario(1_000, 10), 1).table();
    question = 0;
    int answer = table.answerOf(question, false);
    ttlMs = table.ttlMs(answer);
    long reply = Resolution.of(answer, false, ttlMs);
    hits = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, (q, now) -> reply);
    misses = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, (q, now) -> reply);
    hits.lookup(question, 0, 0);
    if (ttlMs <= 1 << 16 || !Resolution.hit(hits.lookup(question, 1 << 16, 0))) {
      throw new IllegalStateException("the hit path needs a TTL above 65,536 ms, got " + ttlMs);
    }
  }

  @Benchmark
  public void hit(Blackhole bh) {
    // Within the first 65,536 ms of a 300 s TTL: always fresh.
    bh.consume(hits.lookup(question, (tick++ & 0xFFFF) + 1, 0));
  }

  @Benchmark
  public void miss(Blackhole bh) {
    // At each previous expiry exactly: expired, refetched, stored until the next.
    bh.consume(misses.lookup(question, tick++ * ttlMs, 0));
  }
}
