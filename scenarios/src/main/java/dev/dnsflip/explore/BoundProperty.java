package dev.dnsflip.explore;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A law of docs/ARCHITECTURE.md ("Laws") as a property: after every switch event with a stale
 * use, lastStale.max (the largest over replications) is below a bound derived from the scenario
 * ({@link StaleBounds}) plus d, the largest propagation delay the run realised. The four shipped
 * laws are the factories below; tests build others (deliberately wrong ones, to see the shrinker
 * find them).
 */
public final class BoundProperty implements Property {
  private final String name;
  private final String description;
  private final String applicability;
  private final Profile profile;
  private final Predicate<Scenario> applies;
  private final Function<Trial, List<StaleBounds.EventBound>> bounds;

  public BoundProperty(String name, String description, String applicability, Profile profile,
      Predicate<Scenario> applies, Function<Trial, List<StaleBounds.EventBound>> bounds) {
    this.name = name;
    this.description = description;
    this.applicability = applicability;
    this.profile = profile;
    this.applies = applies;
    this.bounds = bounds;
  }

  /** Chains of TTL-honouring caches: nothing outlives the first fetch. */
  public static BoundProperty ttlBound() {
    return new BoundProperty("ttl-bound",
        "after each switch event, lastStale.max < T + d: T the largest TTL of an answer the event replaces (the "
            + "negative TTL for NODATA), plus 1 s in all when a resolver group keeps whole seconds, d the largest "
            + "realised propagation delay",
        "resolvers without TTL floors, stale-at-once serve-stale or original-TTL pass-on (caps, prefetch, farms, "
            + "forwarders, capacity and serve-stale after a failed refresh allowed); clients without a cache or "
            + "with a TTL cache, without connection reuse (dual stack allowed); no authoritative outages",
        Profile.TTL_HONOURING, BoundProperty::ttlHonouring, t -> StaleBounds.replacedTtl(t.scenario(), t.table()));
  }

  /** A floor M keeps an answer max(T, M); a forwarder with a floor adds at most its floor. */
  public static BoundProperty floorBound() {
    return new BoundProperty("floor-bound",
        "after each switch event, lastStale.max < B + d: B over replaced answers of TTL T and resolver chains, "
            + "max(T, M) capped by the cap for a resolver asking the authority (M its floor), min(max(K, H + M'), "
            + "H + cap') for a forwarder with floor M' whose upstream hands out until H with copies expiring by K; "
            + "a resolver with the whole-second clock keeps 1 s more",
        "as ttl-bound, but at least one resolver group has a TTL floor (a positive or negative min clamp above 0)",
        Profile.FLOORS, s -> common(s) && Traits.allResolvers(s, b -> !Traits.servesStaleAtOnce(b))
            && Traits.anyResolver(s, Traits::hasFloor) && Traits.allClients(s, Traits::keepsAtMostTtl),
        t -> StaleBounds.chain(t.scenario(), t.table()));
  }

  /** A fixed client cache L adds at most L; max(TTL, F) at most F; a grace period G at most G. */
  public static BoundProperty clientCacheBound() {
    return new BoundProperty("client-cache-bound",
        "after each switch event, lastStale.max < B + d: B the resolver chain bound of floor-bound (H, K) "
            + "extended by the client's cache: fixed L (the larger of positive and negative) gives H + L, max(TTL, F) "
            + "gives max(K, H + F), a TTL cache with cap C gives min(K, H + C), a grace period G adds G",
        "resolvers without stale-at-once serve-stale or original-TTL pass-on (floors allowed); at least one client "
            + "group with a fixed, at-least or grace cache; no connection reuse; no authoritative outages",
        Profile.CLIENT_CACHES, s -> common(s) && Traits.allResolvers(s, b -> !Traits.servesStaleAtOnce(b))
            && Traits.anyClient(s, Traits::cacheAddsLifetime),
        t -> StaleBounds.chain(t.scenario(), t.table()));
  }

  /** Serve-stale at once with window W and reply TTL R: a copy handed out stale lives until expiry + W + R. */
  public static BoundProperty serveStaleBound() {
    return new BoundProperty("serve-stale-bound",
        "after each switch event, lastStale.max < B + d: B the chain bound of client-cache-bound where a resolver "
            + "serving stale at once (window W, reply TTL R) hands out until its expiry + W (H) with copies "
            + "expiring by H + R (K); for a TTL-honouring forwarder before it: T + W + R",
        "at least one resolver group serves stale at once (client timeout 0); no original-TTL pass-on, no "
            + "connection reuse, no authoritative outages; floors and any client cache allowed",
        Profile.SERVE_STALE, s -> common(s) && Traits.anyResolver(s, Traits::servesStaleAtOnce),
        t -> StaleBounds.chain(t.scenario(), t.table()));
  }

  /** What every law needs: no outages, no original-TTL pass-on, no connection reuse. */
  static boolean common(Scenario s) {
    return s.outages().isEmpty() && Traits.allResolvers(s, b -> !Traits.passesOriginalTtl(b))
        && Traits.allClients(s, c -> !Traits.reusesConnections(c));
  }

  /** Where ttl-bound applies. */
  public static boolean ttlHonouring(Scenario s) {
    return common(s)
        && Traits.allResolvers(s, b -> !Traits.hasFloor(b) && !Traits.servesStaleAtOnce(b))
        && Traits.allClients(s, Traits::keepsAtMostTtl);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public String applicability() {
    return applicability;
  }

  @Override
  public boolean appliesTo(Scenario scenario) {
    return applies.test(scenario);
  }

  @Override
  public Profile profile() {
    return profile;
  }

  @Override
  public Optional<Violation> check(Trial trial) {
    RunResult result = trial.result();
    long d = result.summary().maxPropagationDelayMs();
    List<StaleBounds.EventBound> eventBounds = bounds.apply(trial);
    for (EventReport event : result.events()) {
      StaleBounds.EventBound b = eventBounds.get(event.index());
      double staleUses = event.metric("staleUses").estimate().max();
      long last = (long) event.metric("lastStale.max").estimate().max();
      long bound = StaleBounds.add(b.boundMs(), d);
      if (staleUses > 0 && last >= bound) {
        return Optional.of(new Violation(name, event.index(), "lastStale.max", "< " + bound + " ms ("
            + b.why() + "; + d " + Durations.format(d) + ")", last + " ms (" + Durations.format(last) + ")",
            bound, last));
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return name;
  }
}
