package dev.dnsflip.lab;

import dev.dnsflip.presets.Presets;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.TtlClamps;

/** The presets the lab checks against their software, and the settings its tests change on both. */
final class LabPresets {
  private LabPresets() {}

  static ResolverBehaviour preset(String name) {
    return Presets.resolver(name).orElseThrow().behaviour();
  }

  /**
   * The preset with one floor on positive and negative answers alike, as Knot Resolver's
   * {@code cache.min_ttl} and PowerDNS Recursor's minimum TTL settings set it in the lab.
   */
  static ResolverBehaviour withFloor(ResolverBehaviour b, long minS) {
    TtlClamps c = b.clamps();
    return b.withClamps(new TtlClamps(minS, c.maxPositiveS(), minS, c.maxNegativeS()));
  }
}
