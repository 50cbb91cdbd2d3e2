package dev.dnsflip.presets;

import dev.dnsflip.client.ClientBehaviour;

/** A client or application as data: what it does with answers, and where that comes from. */
public record ClientPreset(String name, String software, String version, String source, ClientBehaviour behaviour) {}
