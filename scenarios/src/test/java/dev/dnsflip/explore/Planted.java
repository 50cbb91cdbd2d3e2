package dev.dnsflip.explore;

/** Deliberately wrong properties: the shrinker must find their violations and minimise them. */
final class Planted {
  private Planted() {}

  /** The TTL law with half the bound: lastStale.max < T/2 + d, which TTL caches break all the time. */
  static BoundProperty halfTtl() {
    return new BoundProperty("planted-half-ttl", "planted: lastStale.max < T/2 + d", "as ttl-bound",
        Profile.TTL_HONOURING, BoundProperty::ttlHonouring,
        t -> StaleBounds.replacedTtl(t.scenario(), t.table()).stream()
            .map(b -> new StaleBounds.EventBound(b.boundMs() / 2, "T/2 with " + b.why())).toList());
  }

  /** Resolvers with a TTL floor checked against the plain TTL law, T + d, which a floor above T breaks. */
  static BoundProperty floorAsTtl() {
    BoundProperty floor = BoundProperty.floorBound();
    return new BoundProperty("planted-floor-as-ttl", "planted: floors checked against lastStale.max < T + d",
        floor.applicability(), Profile.FLOORS, floor::appliesTo, t -> StaleBounds.replacedTtl(t.scenario(), t.table()));
  }
}
