package dev.dnsflip.presets;

import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.ResolverBehaviour;

/**
 * Real resolver software as data: its behaviour with the defaults of one version, the topology it
 * usually runs in, and where each value comes from.
 *
 * @param forwarder whether this software is normally a caching forwarder (a scenario then names
 *     the group it forwards to)
 */
public record ResolverPreset(String name, String software, String version, String source, ResolverBehaviour behaviour,
    int backends, BackendChoice choice, boolean forwarder) {}
