package dev.dnsflip.observe;

/**
 * Figures of the whole run, summed over replications.
 *
 * @param maxPropagationDelayMs the largest realised event-to-nameserver delay in any replication
 */
public record RunSummary(int clients, int resolvers, int nameservers, long maxPropagationDelayMs,
    long queries, long cacheHits, double cacheHitRatio) {}
