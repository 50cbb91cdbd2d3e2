package dev.dnsflip.observe;

/**
 * Who holds a transition back: one (resolver group, client group) pair's uses, stale uses and
 * latest stale use after a switch event, summed or maximised over replications. Kinds are preset
 * names (or "custom").
 */
public record Blame(String resolverGroup, String resolverKind, String clientGroup, String clientKind, long uses,
    long staleUses, long lastStaleMaxMs) {}
