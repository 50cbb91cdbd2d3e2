package dev.dnsflip.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.format.InputException;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of docs/ARCHITECTURE.md "Laws" as StaleBounds derives them, on scenarios small enough to do by hand. */
class StaleBoundsTest {
  /** One proxied A-only name (Auto TTL 300 s, negative TTL 900 s), enabled then disabled; clients ask A and AAAA. */
  private static Scenario scenario(String resolvers, String clients) throws InputException {
    String yaml = """
        name: bounds
        duration: 2h
        account:
          autoTtl: 300
          zones:
            - name: example.com
              soa: { ttl: 3600, minimum: 900 }
              records:
                - { name: www, type: A, content: 192.0.2.10, proxied: true }
        resolvers:
        %s
        clients:
          - name: c
            count: 10
            queriesPerMinute: 1
        %s
            questions:
              - { name: www.example.com, type: A }
              - { name: www.example.com, type: AAAA }
        switches:
          - { at: 10m, action: enable }
          - { at: 1h, action: disable }
        """.formatted(resolvers.indent(2).stripTrailing(), clients.indent(4).stripTrailing());
    return ScenarioLoader.parse(yaml, "bounds.yaml");
  }

  private static List<Long> bounds(List<StaleBounds.EventBound> b) {
    return b.stream().map(StaleBounds.EventBound::boundMs).toList();
  }

  @Test
  void replacedTtlIsTheAutoTtlAfterEnableAndTheNegativeTtlAfterDisable() throws InputException {
    Scenario s = scenario("- { name: r, count: 2 }", "");
    // Enable replaces anycast A and AAAA (300 s); disable replaces origin A (300 s) and AAAA NODATA (900 s).
    List<StaleBounds.EventBound> b = StaleBounds.replacedTtl(s, new Trial(s).table());
    assertThat(bounds(b)).containsExactly(300_000L, 900_000L);
    assertThat(b.get(1).why()).contains("www.example.com. AAAA was NODATA");
    assertThat(bounds(StaleBounds.chain(s, new Trial(s).table()))).containsExactly(300_000L, 900_000L);
  }

  @Test
  void aFloorKeepsMaxOfTtlAndFloorAndAForwarderAddsOnlyItsOwnFloor() throws InputException {
    Scenario s = scenario("""
        - { name: u, count: 1, clamps: { minTtl: 600 } }
        - { name: f, count: 2, forwardTo: u, clamps: { minTtl: 50 } }""", "resolvers: { f: 1 }");
    // u keeps 600 s (max(300, 600)); f receives it before 600 s and keeps it at most 50 s more.
    // NODATA: u has no negative floor (900 s); f's positive floor does not apply to it.
    assertThat(bounds(StaleBounds.chain(s, new Trial(s).table()))).containsExactly(650_000L, 900_000L);
  }

  @Test
  void aForwarderBeforeServeStaleKeepsTheReplyTtlAfterTheWindow() throws InputException {
    Scenario s = scenario("""
        - { name: u, count: 1, serveStale: { replyTtl: 30, maxStale: 120s } }
        - { name: f, count: 3, forwardTo: u }""", "resolvers: { f: 1 }");
    // T + W + R: 300 + 120 + 30 s; NODATA 900 + 120 + 30 s.
    assertThat(bounds(StaleBounds.chain(s, new Trial(s).table()))).containsExactly(450_000L, 1_050_000L);
  }

  @Test
  void wholeSecondCachesAddOneSecondInAllToTheTtlLawAndOneSecondEachToWhatTheyKeep() throws InputException {
    // unbound-1.17 keeps whole seconds: T + 1 s for the plain law, however long the chain.
    Scenario unbound = scenario("""
        - { name: u, count: 1, preset: unbound-1.17 }
        - { name: f, count: 2, forwardTo: u, clock: second }
        - { name: g, count: 2, forwardTo: f }""", "");
    List<StaleBounds.EventBound> ttl = StaleBounds.replacedTtl(unbound, new Trial(unbound).table());
    assertThat(bounds(ttl)).containsExactly(301_000L, 901_000L);
    assertThat(ttl.get(0).why()).endsWith("; + 1s: resolver group u keeps whole seconds");
    Scenario millis = scenario("- { name: u, count: 1, preset: unbound-1.17, clock: millisecond }", "");
    assertThat(bounds(StaleBounds.replacedTtl(millis, new Trial(millis).table()))).containsExactly(300_000L, 900_000L);

    // A whole-second forwarder with a floor behind Unbound: u keeps 300 + 1 s; f keeps
    // max(K, H + 50 s) + 1 s = 352 s. NODATA: 900 + 1 s at u, + 1 s at f (no negative floor).
    Scenario floor = scenario("""
        - { name: u, count: 1, preset: unbound-1.17 }
        - { name: f, count: 2, forwardTo: u, clock: second, clamps: { minTtl: 50 } }""", "resolvers: { f: 1 }");
    assertThat(bounds(StaleBounds.chain(floor, new Trial(floor).table()))).containsExactly(352_000L, 902_000L);

    // Serve-stale at once with whole seconds: T + 1 s + W + R before a millisecond forwarder.
    Scenario stale = scenario("""
        - { name: u, count: 1, clock: second, serveStale: { replyTtl: 30, maxStale: 120s } }
        - { name: f, count: 3, forwardTo: u }""", "resolvers: { f: 1 }");
    assertThat(bounds(StaleBounds.chain(stale, new Trial(stale).table()))).containsExactly(451_000L, 1_051_000L);
  }

  @Test
  void clientCachesAddTheirLifetime() throws InputException {
    Scenario fixed = scenario("- { name: r, count: 1 }", "cache: { fixed: { positive: 30s, negative: 10s } }");
    assertThat(bounds(StaleBounds.chain(fixed, new Trial(fixed).table()))).containsExactly(330_000L, 930_000L);
    Scenario atLeast = scenario("- { name: r, count: 1 }", "cache: { atLeast: 60s }");
    assertThat(bounds(StaleBounds.chain(atLeast, new Trial(atLeast).table()))).containsExactly(360_000L, 960_000L);
    Scenario grace = scenario("- { name: r, count: 1 }", "cache: { grace: { lifetime: ttl, grace: 45s } }");
    assertThat(bounds(StaleBounds.chain(grace, new Trial(grace).table()))).containsExactly(345_000L, 945_000L);
    Scenario ttl = scenario("- { name: r, count: 1 }", "cache: { ttl: { cap: 100, negativeCap: 100 } }");
    assertThat(bounds(StaleBounds.chain(ttl, new Trial(ttl).table()))).containsExactly(300_000L, 900_000L);
  }

  @Test
  void connectionReuseAndOriginalTtlHaveNoBoundAndNoLawAppliesToThem() throws InputException {
    Scenario keepAlive = scenario("- { name: r, count: 1 }", "connections: 2m");
    assertThat(bounds(StaleBounds.chain(keepAlive, new Trial(keepAlive).table()))).containsOnly(Long.MAX_VALUE);
    Scenario original = scenario("- { name: r, count: 1, passOriginalTtl: true }", "");
    assertThat(bounds(StaleBounds.chain(original, new Trial(original).table()))).containsOnly(Long.MAX_VALUE);
    for (Property p : Properties.shipped()) {
      if (p instanceof BoundProperty) {
        assertThat(p.appliesTo(keepAlive)).as(p.name()).isFalse();
        assertThat(p.appliesTo(original)).as(p.name()).isFalse();
      } else {
        assertThat(p.appliesTo(keepAlive)).as(p.name()).isTrue();
      }
    }
  }

  @Test
  void eachLawAppliesWhereItSays() throws InputException {
    Scenario plain = scenario("- { name: r, count: 1, preset: bind-9.18 }", "preset: windows");
    Scenario floor = scenario("- { name: r, count: 1, preset: isp-floor-3600 }", "");
    Scenario jvm = scenario("- { name: r, count: 1 }", "preset: jvm");
    Scenario stale = scenario("- { name: r, count: 1, preset: unbound-1.17-serve-expired }", "");
    Scenario staleAfterFailure = scenario("- { name: r, count: 1, preset: unbound-1.23-serve-expired }", "");
    assertThat(BoundProperty.ttlBound().appliesTo(plain)).isTrue();
    assertThat(BoundProperty.ttlBound().appliesTo(staleAfterFailure)).isTrue();
    assertThat(BoundProperty.ttlBound().appliesTo(floor)).isFalse();
    assertThat(BoundProperty.ttlBound().appliesTo(jvm)).isFalse();
    assertThat(BoundProperty.ttlBound().appliesTo(stale)).isFalse();
    assertThat(BoundProperty.floorBound().appliesTo(floor)).isTrue();
    assertThat(BoundProperty.floorBound().appliesTo(plain)).isFalse();
    assertThat(BoundProperty.clientCacheBound().appliesTo(jvm)).isTrue();
    assertThat(BoundProperty.clientCacheBound().appliesTo(plain)).isFalse();
    assertThat(BoundProperty.serveStaleBound().appliesTo(stale)).isTrue();
    assertThat(BoundProperty.serveStaleBound().appliesTo(staleAfterFailure)).isFalse();
  }
}
