package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;

/**
 * dnsflip's own cache ({@link CachingResolver} with a group's {@link ResolverBehaviour}) behind the
 * resolver SPI, so the built-in model and a user's logic run through the same interface
 * ({@code logic: model}). It asks the SPI upstream of the call in progress; the same questions,
 * upstream calls and random draws happen in the same order as on the built-in path, so reports
 * are byte-identical (SpiEquivalenceTest).
 */
public final class CachingResolverLogic implements CacheLogic {
  private final AnswerTable table;
  private final AnswerIndex index;
  private final CachingResolver cache;
  private dev.dnsflip.spi.Upstream current;

  public CachingResolverLogic(AnswerTable table, ResolverBehaviour behaviour) {
    this(table, new AnswerIndex(table), behaviour);
  }

  CachingResolverLogic(AnswerTable table, AnswerIndex index, ResolverBehaviour behaviour) {
    this.table = table;
    this.index = index;
    this.cache = new CachingResolver(table, behaviour, this::askCurrent);
  }

  @Override
  public Reply resolve(Question question, long nowMs, dev.dnsflip.spi.Upstream upstream) {
    int q = index.question(question);
    if (q == AnswerIndex.UNKNOWN) {
      throw new IllegalArgumentException("question " + question + " is not in this run's table");
    }
    current = upstream;
    long link = cache.fetch(q, nowMs);
    return Resolution.failed(link) ? Reply.FAILED
        : new Reply(table.answer(Resolution.answer(link)), Resolution.ttlMs(link), Resolution.hit(link));
  }

  /** The cache behind it, for the stationary initial fill. */
  CachingResolver cache() {
    return cache;
  }

  private long askCurrent(int q, long now) {
    Reply r = current.ask(table.question(q), now);
    return r.failed() ? Resolution.FAILED : Resolution.of(index.answer(r.answer()), false, r.ttlMs());
  }
}
