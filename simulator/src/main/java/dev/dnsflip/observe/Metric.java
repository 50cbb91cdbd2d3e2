package dev.dnsflip.observe;

/** A named figure of a switch event, in the order renderers print it. */
public record Metric(String name, Unit unit, String description, Estimate estimate) {}
