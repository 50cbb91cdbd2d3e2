package dev.dnsflip.resolver;

import dev.dnsflip.authority.ModelRuleException;

/**
 * RFC 8767 serve-stale. An expired entry younger than {@code maxStaleS} past its expiry may be
 * answered with {@code replyTtlS}:
 * <ul>
 *   <li>{@code clientTimeoutMs == 0}: answered stale at once and refreshed in the background
 *       (Unbound before 1.23 with serve-expired, dnsmasq use-stale-cache, BIND
 *       stale-answer-client-timeout 0);
 *   <li>{@code clientTimeoutMs > 0}: the refresh is tried first; stale only if it fails.
 *       {@link #CLIENT_TIMEOUT_OFF} is BIND's "off" (stale only after resolution failed).
 * </ul>
 * The model has no network latency: a refresh succeeds or fails at the instant of the query, so
 * every timeout above 0 decides the same thing (which answer the client gets), and only 0 differs.
 * The value is kept so presets say what the software does.
 * After a failed refresh the resolver does not try again for {@code refreshRetryMs} (BIND
 * stale-refresh-time); {@code resetOnFailure} restarts the stale window (Unbound
 * serve-expired-ttl-reset). {@code replyTtlCappedByOriginal}: Unbound's current docs cap the reply
 * TTL by the record's original TTL.
 */
public record ServeStale(boolean enabled, long replyTtlS, long maxStaleS, long clientTimeoutMs, long refreshRetryMs,
    boolean resetOnFailure, boolean replyTtlCappedByOriginal) {
  public static final ServeStale OFF = new ServeStale(false, 0, 0, 0, 0, false, false);
  /** No client timeout: the refresh is always awaited; stale only after it failed. */
  public static final long CLIENT_TIMEOUT_OFF = Long.MAX_VALUE;

  public ServeStale {
    if (replyTtlS < 0 || maxStaleS < 0 || clientTimeoutMs < 0 || refreshRetryMs < 0) {
      throw new ModelRuleException("serve-stale values must be >= 0");
    }
  }

  /** The TTL a stale answer carries, for an entry whose original TTL was {@code originalMs}. */
  public long replyTtlMs(long originalMs) {
    long reply = replyTtlS * 1000;
    return replyTtlCappedByOriginal ? Math.min(reply, originalMs) : reply;
  }
}
