package dev.dnsflip.observe;

/**
 * A metric over replications: the mean, a 95% Student-t confidence interval of the mean (null
 * with fewer than two samples), the extremes, the sample count, and how many samples were
 * censored (the threshold was not reached before the event's window closed: the window length
 * was used, so the true value is at least that).
 */
public record Estimate(double mean, Double ciLow, Double ciHigh, double min, double max, int samples, int censored) {}
