package dev.dnsflip.spi.planted;

import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;
import java.util.HashMap;
import java.util.Map;

/**
 * Planted bug: keeps entries for their TTL but hands out the original TTL instead of the remaining
 * one (as dnsjava's Cache and Unbound's serve-original-ttl do), so a TTL-honouring client below
 * keeps an answer fetched just before the switch for almost two TTLs.
 */
public final class OriginalTtlCache implements CacheLogic {
  private record Entry(Reply reply, long expiresMs) {}

  private final Map<Question, Entry> entries = new HashMap<>();

  @Override
  public Reply resolve(Question question, long nowMs, Upstream upstream) {
    Entry e = entries.get(question);
    if (e != null && nowMs < e.expiresMs()) {
      return e.reply().cached(e.reply().ttlMs()); // the bug: should be e.expiresMs() - nowMs
    }
    Reply fresh = upstream.ask(question, nowMs);
    if (!fresh.failed()) {
      entries.put(question, new Entry(fresh, nowMs + fresh.ttlMs()));
    }
    return fresh;
  }
}
