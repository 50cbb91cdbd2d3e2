package dev.dnsflip.observe;

/** One declared bound checked against one event's metric mean. */
public record ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast,
    double actual, boolean passed) {}
