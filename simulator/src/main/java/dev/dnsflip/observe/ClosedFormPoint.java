package dev.dnsflip.observe;

/**
 * The stale share predicted by the closed form for TTL caches under Poisson lookups,
 * Σ λ·H·(1 − (x − d̄)/T) / Σ λ over resolver cache slots whose answer changes (Jung et al.
 * 2003; d̄ the mean propagation delay), next to the simulated share of the bucket at x.
 */
public record ClosedFormPoint(long offsetMs, double predicted, double simulated) {}
