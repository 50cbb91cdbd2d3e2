package dev.dnsflip.observe;

/** One client question's part of a switch event, summed (uses) or maximised (last stale) over replications. */
public record QuestionStats(String question, long uses, long staleUses, long lastStaleMaxMs) {}
