package dev.dnsflip.spi.planted;

import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.spi.Upstream;
import java.util.HashMap;
import java.util.Map;

/**
 * Planted bug: a NODATA or NXDOMAIN answer, once cached, is kept for good (its negative TTL is
 * ignored), so after a disable the anycast AAAA never replaces the NODATA the enable brought.
 * A remaining-TTL cache otherwise.
 */
public final class NeverExpiresNegativeCache implements CacheLogic {
  private record Entry(Reply reply, long expiresMs) {}

  private final Map<Question, Entry> entries = new HashMap<>();

  @Override
  public Reply resolve(Question question, long nowMs, Upstream upstream) {
    Entry e = entries.get(question);
    if (e != null && (nowMs < e.expiresMs() || e.reply().negative())) { // the bug: negative entries never expire
      return e.reply().cached(Math.max(0, e.expiresMs() - nowMs));
    }
    Reply fresh = upstream.ask(question, nowMs);
    if (!fresh.failed()) {
      entries.put(question, new Entry(fresh, nowMs + fresh.ttlMs()));
    }
    return fresh;
  }
}
