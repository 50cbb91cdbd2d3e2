package dev.dnsflip.reports;

/**
 * One declared bound checked against one event's metric mean.
 *
 * @param where "file:line:col" of the declaration
 * @param event the switch event checked (from 0), or -1 when the bound selected none
 */
public record ExpectationResult(String where, int event, String metric, Double atMost, Double atLeast,
    double actual, boolean passed) {}
