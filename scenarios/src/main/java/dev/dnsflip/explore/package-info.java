/**
 * Property-based exploration of switch schedules and populations, without any property-testing
 * library (docs/DESIGN.md, "Property-based testing without jqwik"): {@link
 * dev.dnsflip.explore.ScenarioGenerator} builds small valid scenarios from seeds, each {@link
 * dev.dnsflip.explore.Property} checks a run against bounds derived from its scenario ({@link
 * dev.dnsflip.explore.StaleBounds}, the laws of docs/ARCHITECTURE.md), {@link
 * dev.dnsflip.explore.Explorer} tries seeds derived from a master seed, {@link
 * dev.dnsflip.explore.Shrinker} reduces the first failure along the dimensions of {@link
 * dev.dnsflip.explore.ScenarioEdits} to a 1-minimal scenario, and {@link
 * dev.dnsflip.explore.ScenarioYamlWriter} writes it as a scenario file {@code dnsflip run} replays.
 */
package dev.dnsflip.explore;
