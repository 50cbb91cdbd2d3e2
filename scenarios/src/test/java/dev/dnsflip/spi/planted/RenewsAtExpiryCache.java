package dev.dnsflip.spi.planted;

import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;
import java.util.HashMap;
import java.util.Map;

/**
 * Planted bug: an entry asked for within 1 ms of its expiry (at the expiry instant or the
 * millisecond after) is taken as still fresh and renewed with its old answer for another TTL
 * instead of being refetched; when a switch lands in that millisecond, the old answer lives on for
 * a whole TTL more. A remaining-TTL cache otherwise.
 */
public final class RenewsAtExpiryCache implements CacheLogic {
  private record Entry(Reply reply, long expiresMs) {}

  private final Map<Question, Entry> entries = new HashMap<>();

  @Override
  public Reply resolve(Question question, long nowMs, Upstream upstream) {
    Entry e = entries.get(question);
    if (e != null && nowMs < e.expiresMs()) {
      return e.reply().cached(e.expiresMs() - nowMs);
    }
    if (e != null && nowMs <= e.expiresMs() + 1) {
      // The bug: "expired a moment ago, close enough" renews the old answer.
      long ttl = e.reply().ttlMs();
      entries.put(question, new Entry(e.reply(), nowMs + ttl));
      return e.reply().cached(ttl);
    }
    Reply fresh = upstream.ask(question, nowMs);
    if (!fresh.failed()) {
      entries.put(question, new Entry(fresh, nowMs + fresh.ttlMs()));
    }
    return fresh;
  }
}
