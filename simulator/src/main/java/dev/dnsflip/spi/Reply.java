package dev.dnsflip.spi;

import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerKind;

/**
 * What a cache tells its client: an answer its upstream handed out, the TTL it passes on (ms), and
 * whether it came from the cache (counted as a hit in reports). {@link #FAILED} is no answer.
 *
 * @param answer the answer as the upstream gave it (its records, kind and original TTL); null only for {@link #FAILED}
 * @param ttlMs the TTL passed on, in ms (at least 0)
 * @param fromCache whether the cache answered without asking its upstream for this question
 */
public record Reply(Answer answer, long ttlMs, boolean fromCache) {
  /** No answer: a timeout or SERVFAIL. */
  public static final Reply FAILED = new Reply(null, 0, false);

  public Reply {
    if (ttlMs < 0) {
      throw new IllegalArgumentException("a reply's TTL must be >= 0 ms, got " + ttlMs);
    }
    if (answer == null && (ttlMs != 0 || fromCache)) {
      throw new IllegalArgumentException("a failed reply carries no TTL and is not from cache");
    }
  }

  public boolean failed() {
    return answer == null;
  }

  /** The same answer, from cache, passing on {@code passedOnMs}. */
  public Reply cached(long passedOnMs) {
    requireAnswer();
    return new Reply(answer, passedOnMs, true);
  }

  /** The same answer passing on {@code passedOnMs} (e.g. a TTL clamped when stored). */
  public Reply withTtlMs(long passedOnMs) {
    requireAnswer();
    return new Reply(answer, passedOnMs, fromCache);
  }

  /** Whether the answer is NODATA or NXDOMAIN (negative caching, RFC 2308). */
  public boolean negative() {
    return answer != null && (answer.kind() == AnswerKind.NODATA || answer.kind() == AnswerKind.NXDOMAIN);
  }

  /** The TTL the authority gave the answer, in ms: a remaining-TTL cache counts down from it. */
  public long originalTtlMs() {
    requireAnswer();
    return answer.ttlSeconds() * 1000L;
  }

  private void requireAnswer() {
    if (answer == null) {
      throw new IllegalStateException("a failed reply has no answer");
    }
  }
}
