package dev.dnsflip.observe;

import java.util.Map;

/**
 * Figures of the whole run, summed over replications.
 *
 * @param maxPropagationDelayMs the largest realised event-to-nameserver delay in any replication
 * @param partitionsSkippingAhead partitions (all replications) that drew their cache hits in bulk
 * @param partitionsEventByEvent partitions that simulated every use
 * @param eventByEventBecause why those did, each reason with its count of partitions
 */
public record RunSummary(int clients, int resolvers, int nameservers, long maxPropagationDelayMs,
    long queries, long cacheHits, double cacheHitRatio, long partitionsSkippingAhead, long partitionsEventByEvent,
    Map<String, Long> eventByEventBecause) {
  public RunSummary {
    eventByEventBecause = Map.copyOf(eventByEventBecause);
  }

  /** A summary that does not say how partitions ran (every one event by event, none counted). */
  public RunSummary(int clients, int resolvers, int nameservers, long maxPropagationDelayMs, long queries,
      long cacheHits, double cacheHitRatio) {
    this(clients, resolvers, nameservers, maxPropagationDelayMs, queries, cacheHits, cacheHitRatio, 0, 0, Map.of());
  }
}
