package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.engine.EventCalendar;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.RecursiveCache;
import dev.dnsflip.resolver.SteadyState;
import dev.dnsflip.resolver.TtlHonouringResolver;
import java.util.SplittableRandom;

/**
 * One resolver and its clients: independent of every other partition, so partitions run in
 * parallel and their results merge exactly. The clients of one group at this resolver form one
 * Poisson stream (superposition), and each query picks its client uniformly and its question by
 * weight (thinning), which is exact for Poisson clients without state of their own.
 */
final class Partition {
  private static final int QUERY = 0;

  private final RunContext ctx;
  private final int resolver;

  Partition(RunContext ctx, int resolver) {
    this.ctx = ctx;
    this.resolver = resolver;
  }

  void run(Tally tally, ClientRecord record) {
    AnswerTable table = ctx.table;
    SplittableRandom random = ctx.streams.stream(RandomStreams.RESOLVER, resolver);
    RecursiveCache cache = new RecursiveCache(table.slotCount());
    TtlHonouringResolver dns = new TtlHonouringResolver(table, ctx.timeline, cache, random);
    if (ctx.scenario.initialCache().mode() == InitialCache.Mode.STEADY) {
      double[] slotRates = SteadyState.slotRates(table, ctx.questionRates(resolver), ctx.initiallyEnabled);
      SteadyState.fill(cache, table, slotRates, ctx.initiallyEnabled, ctx.startMs, random);
    }
    int groups = ctx.population.groups();
    double[] streamRate = new double[groups];
    double[] next = new double[groups];
    int[] members = new int[groups];
    EventCalendar calendar = new EventCalendar();
    for (int g = 0; g < groups; g++) {
      members[g] = ctx.population.count(resolver, g);
      streamRate[g] = members[g] * ctx.ratePerMs[g];
      if (members[g] > 0) {
        next[g] = ctx.startMs + exponential(random) / streamRate[g];
        calendar.schedule((long) Math.floor(next[g]), QUERY, g);
      }
    }
    long[] eventAt = ctx.eventAt;
    int events = eventAt.length;
    int current = -1;
    long bucketMs = ctx.scenario.bucketMs();
    long end = ctx.endMs;
    while (!calendar.isEmpty() && calendar.peekTime() < end) {
      calendar.poll();
      long t = calendar.time();
      int g = calendar.payload();
      int n = members[g];
      int client = ctx.population.member(resolver, g, n == 1 ? 0 : random.nextInt(n));
      int q = ctx.questionOf[g][ctx.questionPick[g].sample(random)];
      int answer = dns.resolve(q, t);
      if (t >= 0) {
        while (current + 1 < events && t >= eventAt[current + 1]) {
          current++;
        }
        if (current < 0) {
          tally.query(dns.lastWasHit());
        } else {
          boolean stale = table.provenance(answer) != table.intendedProvenance(q, ctx.settingAfter[current]);
          long offset = t - eventAt[current];
          tally.use(current, offset, (int) (offset / bucketMs), q, stale, dns.lastWasHit());
          record.use(client, current, offset, stale);
        }
      }
      next[g] += exponential(random) / streamRate[g];
      calendar.schedule((long) Math.floor(next[g]), QUERY, g);
    }
  }

  /** Exp(1): 1 - u lies in (0, 1], so the logarithm is finite. */
  private static double exponential(SplittableRandom random) {
    return -Math.log1p(-random.nextDouble());
  }
}
