package dev.dnsflip.observe;

/** A proxied record the switch leaves answering anycast, because its category is excluded. */
public record ExcludedRecord(String name, String type, String category, String why) {}
