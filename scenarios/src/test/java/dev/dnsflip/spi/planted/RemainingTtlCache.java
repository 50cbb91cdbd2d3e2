package dev.dnsflip.spi.planted;

import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;
import java.util.HashMap;
import java.util.Map;

/** The correct cache the planted bugs start from: keeps each answer its TTL and passes on the remaining TTL. */
public final class RemainingTtlCache implements CacheLogic {
  private record Entry(Reply reply, long expiresMs) {}

  private final Map<Question, Entry> entries = new HashMap<>();

  @Override
  public Reply resolve(Question question, long nowMs, Upstream upstream) {
    Entry e = entries.get(question);
    if (e != null && nowMs < e.expiresMs()) {
      return e.reply().cached(e.expiresMs() - nowMs);
    }
    Reply fresh = upstream.ask(question, nowMs);
    if (!fresh.failed()) {
      entries.put(question, new Entry(fresh, nowMs + fresh.ttlMs()));
    }
    return fresh;
  }
}
