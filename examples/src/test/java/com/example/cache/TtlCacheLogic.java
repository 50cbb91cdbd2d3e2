package com.example.cache;

import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;

/** TtlCache as a resolver cache for dnsflip: one instance per simulated cache. */
public final class TtlCacheLogic implements CacheLogic {
  private final TtlCache<Question, Reply> cache = new TtlCache<>();

  @Override
  public Reply resolve(Question question, long nowMs, Upstream upstream) {
    Reply cached = cache.get(question, nowMs);
    if (cached != null) {
      return cached.cached(cache.remainingMs(question, nowMs)); // tell the client what is left
    }
    Reply fresh = upstream.ask(question, nowMs);
    if (!fresh.failed()) {
      cache.put(question, fresh, fresh.ttlMs(), nowMs);
    }
    return fresh;
  }
}
