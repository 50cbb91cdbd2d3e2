package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.CacheClock;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ResolverMappingTest {
  /** The resolver line of {@link ScenarioLoaderTest#VALID}; replacements start at line 9. */
  private static final String RESOLVER = "  - { name: isp, count: 1 }\n";

  @Test
  void aPresetWithAClampOverriddenIsMarkedCustom() throws InputException {
    ResolverGroup g = group("  - { name: isp, count: 1, preset: unbound-1.17, clamps: { minTtl: 60 } }\n");

    assertThat(g.kind()).isEqualTo("unbound-1.17+custom");
    assertThat(g.behaviour().clamps()).isEqualTo(new TtlClamps(60, 86_400, 0, 3600));
    assertThat(g.behaviour().serveStale()).isEqualTo(ServeStale.OFF);
    assertThat(g.behaviour().prefetch()).isEqualTo(Prefetch.NONE);
  }

  @Test
  void aPresetAloneGivesItsBehaviourTopologyAndName() throws InputException {
    ResolverPreset farm = Presets.resolver("public-farm").orElseThrow();
    ResolverGroup g = group("  - { name: isp, count: 3, preset: public-farm }\n");

    assertThat(g).isEqualTo(new ResolverGroup("isp", 3, farm.behaviour(), 8, BackendChoice.RANDOM, null, Origin.of("public-farm")));
  }

  @Test
  void topologyKeysOverrideThePresetWithoutMakingItCustom() throws InputException {
    ResolverGroup g = group("  - { name: isp, count: 1, preset: public-farm, backends: 3, choice: by-name }\n");

    assertThat(g.backends()).isEqualTo(3);
    assertThat(g.choice()).isEqualTo(BackendChoice.BY_NAME);
    assertThat(g.kind()).isEqualTo("public-farm");
  }

  @Test
  void writingOutThePresetsOwnValuesKeepsItsName() throws InputException {
    ResolverGroup g = group("""
          - name: isp
            count: 1
            preset: unbound-1.17
            clamps: { minTtl: 0, maxTtl: 86400, minNegativeTtl: 0, maxNegativeTtl: 3600 }
            serveStale: off
            prefetch: off
            passOriginalTtl: false
            clock: second
        """);

    assertThat(g.kind()).isEqualTo("unbound-1.17");
    assertThat(g.behaviour()).isEqualTo(Presets.resolver("unbound-1.17").orElseThrow().behaviour());
  }

  @Test
  void withoutPresetAGroupIsTtlHonouringOrCustom() throws InputException {
    assertThat(group(RESOLVER)).isEqualTo(new ResolverGroup("isp", 1));
    assertThat(group("  - { name: isp, count: 1, prefetch: off }\n").kind()).isEqualTo("ttl-honouring");

    ResolverGroup custom = group("  - { name: isp, count: 1, passOriginalTtl: true }\n");
    assertThat(custom.kind()).isEqualTo("custom");
    assertThat(custom.behaviour()).isEqualTo(
        new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, true));
  }

  @Test
  void clockComesFromThePresetOrTheGroup() throws InputException {
    ResolverGroup unbound = group("  - { name: isp, count: 1, preset: unbound-1.17 }\n");
    assertThat(unbound.behaviour().clock()).as("Unbound keeps whole seconds").isEqualTo(CacheClock.WHOLE_SECOND);
    assertThat(group("  - { name: isp, count: 1, preset: unbound-1.17, clock: second }\n").kind())
        .as("the preset's own clock written out").isEqualTo("unbound-1.17");
    ResolverGroup ms = group("  - { name: isp, count: 1, preset: unbound-1.17-prefetch, clock: millisecond }\n");
    assertThat(ms.kind()).isEqualTo("unbound-1.17-prefetch+custom");
    assertThat(ms.behaviour()).isEqualTo(Presets.resolver("unbound-1.17-prefetch").orElseThrow().behaviour()
        .withClock(CacheClock.MILLISECOND));

    assertThat(group(RESOLVER).behaviour().clock()).as("ttl-honouring: the model's milliseconds")
        .isEqualTo(CacheClock.MILLISECOND);
    assertThat(group("  - { name: isp, count: 1, clock: millisecond }\n").kind()).isEqualTo("ttl-honouring");
    ResolverGroup seconds = group("  - { name: isp, count: 1, clock: second }\n");
    assertThat(seconds.kind()).isEqualTo("custom");
    assertThat(seconds.behaviour()).isEqualTo(ResolverBehaviour.TTL_HONOURING.withClock(CacheClock.WHOLE_SECOND));
    ResolverGroup bind = group("  - { name: isp, count: 1, preset: bind-9.18, clock: second }\n");
    assertThat(bind.kind()).isEqualTo("bind-9.18+custom");
    assertThat(bind.behaviour().prefetch()).as("the other policies stay the preset's").isEqualTo(new Prefetch.Bind(2, 9));

    assertBad("  - { name: isp, count: 1, clock: minute }\n",
        "bad.yaml:9:35: unknown clock 'minute'; expected second or millisecond");
    assertBad("  - { name: isp, count: 1, clock: seconds }\n",
        "bad.yaml:9:35: unknown clock 'seconds'; expected second or millisecond");
  }

  @Test
  void capacityComesFromThePresetOrTheGroup() throws InputException {
    assertThat(group("  - { name: isp, count: 1, preset: systemd-resolved }\n").behaviour().capacity()).isEqualTo(4096);
    ResolverGroup small = group("  - { name: isp, count: 1, capacity: 100 }\n");
    assertThat(small.behaviour().capacity()).isEqualTo(100);
    assertThat(small.kind()).isEqualTo("custom");
    assertThat(group("  - { name: isp, count: 1, capacity: 0 }\n").kind()).as("0 = unlimited, the default")
        .isEqualTo("ttl-honouring");
    assertBad("  - { name: isp, count: 1, capacity: -1 }\n",
        "bad.yaml:9:38: capacity must be >= 0 (0 = unlimited), got -1");
  }

  @Test
  void serveStaleKeysOverrideThePresetsOrTheDefaults() throws InputException {
    assertThat(group("  - { name: isp, count: 1, serveStale: {} }\n").behaviour().serveStale())
        .isEqualTo(new ServeStale(true, 30, 86_400, 0, 0, false, false));
    assertThat(group("""
          - name: isp
            count: 1
            serveStale: { replyTtl: 5, maxStale: 2h, clientTimeout: 1800ms, refreshRetry: 30s, resetOnFailure: true,
                          replyTtlCappedByOriginal: true }
        """).behaviour().serveStale()).isEqualTo(new ServeStale(true, 5, 7200, 1800, 30_000, true, true));

    ResolverGroup bind = group("  - { name: isp, count: 1, preset: bind-9.18-serve-stale, serveStale: { replyTtl: 10 } }\n");
    assertThat(bind.behaviour().serveStale())
        .isEqualTo(new ServeStale(true, 10, 86_400, ServeStale.CLIENT_TIMEOUT_OFF, 30_000, false, false));
    assertThat(group("  - { name: isp, count: 1, serveStale: { clientTimeout: off } }\n").behaviour().serveStale()
        .clientTimeoutMs()).isEqualTo(ServeStale.CLIENT_TIMEOUT_OFF);
    assertThat(bind.kind()).isEqualTo("bind-9.18-serve-stale+custom");

    ResolverGroup off = group("  - { name: isp, count: 1, preset: unbound-1.17-serve-expired, serveStale: off }\n");
    assertThat(off.behaviour().serveStale()).isEqualTo(ServeStale.OFF);
    assertThat(off.kind()).isEqualTo("unbound-1.17-serve-expired+custom");
  }

  @Test
  void serveStaleOnIsThePresetsOrTheDefaults() throws InputException {
    assertThat(group("  - { name: isp, count: 1, serveStale: on }\n").behaviour().serveStale())
        .isEqualTo(new ServeStale(true, 30, 86_400, 0, 0, false, false));
    ResolverGroup bind = group("  - { name: isp, count: 1, preset: bind-9.18-serve-stale, serveStale: on }\n");
    assertThat(bind.behaviour().serveStale()).isEqualTo(
        group("  - { name: isp, count: 1, preset: bind-9.18-serve-stale }\n").behaviour().serveStale());
    assertThat(bind.kind()).isEqualTo("bind-9.18-serve-stale");
  }

  @Test
  void everyPrefetchForm() throws InputException {
    assertThat(prefetch("unbound")).isEqualTo(new Prefetch.Unbound());
    assertThat(prefetch("knot")).isEqualTo(new Prefetch.Knot());
    assertThat(prefetch("{ bind: { trigger: 3, eligible: 12 } }")).isEqualTo(new Prefetch.Bind(3, 12));
    assertThat(prefetch("{ bind: {} }")).as("BIND's default 2 9").isEqualTo(new Prefetch.Bind(2, 9));
    assertThat(prefetch("{ pdns: 10 }")).isEqualTo(new Prefetch.Pdns(10));
    assertThat(group("  - { name: isp, count: 1, preset: bind-9.18, prefetch: off }\n").kind())
        .isEqualTo("bind-9.18+custom");
  }

  @Test
  void forwardersMayNameAGroupDeclaredLater() throws InputException {
    List<ResolverGroup> groups = groups("""
          - { name: home-router, count: 4, preset: dnsmasq-2.90, forwardTo: isp }
          - { name: isp, count: 2, preset: unbound-1.17 }
          - { name: stub, count: 1, preset: systemd-resolved, forwardTo: home-router }
        """);

    assertThat(groups).extracting(ResolverGroup::forwardTo).containsExactly("isp", null, "home-router");
    assertThat(groups).extracting(ResolverGroup::kind).containsExactly("dnsmasq-2.90", "unbound-1.17", "systemd-resolved");
  }

  @Test
  void aForwarderPresetWithoutForwardToAsksTheAuthority() throws InputException {
    ResolverGroup g = group("  - { name: isp, count: 1, preset: dnsmasq-2.90 }\n");

    assertThat(g.isForwarder()).isFalse();
    assertThat(g.kind()).isEqualTo("dnsmasq-2.90");
  }

  // --- bad input ---

  @Test
  void unknownPresetListsTheKnownOnes() {
    assertBad("  - { name: isp, count: 1, preset: unbound-2 }\n",
        "bad.yaml:9:36: unknown resolver preset 'unbound-2'; expected one of: "
            + Presets.RESOLVERS.stream().map(ResolverPreset::name).collect(Collectors.joining(", ")));
  }

  @Test
  void unknownKeyListsTheResolverKeys() {
    assertBad("  - { name: isp, count: 1, prefech: unbound }\n",
        "bad.yaml:9:28: unknown key 'prefech' in resolvers[0]; expected one of: name, count, preset, forwardTo, "
            + "backends, choice, clamps, serveStale, prefetch, passOriginalTtl, capacity, clock, logic, restarts");
  }

  @Test
  void aUsersLogicTakesNoPolicyKeysButTheModelDoes() {
    assertBad("  - { name: isp, count: 1, logic: dev.dnsflip.spi.planted.OriginalTtlCache, preset: bind-9.18 }\n",
        "bad.yaml:9:85: preset sets the built-in cache, but this group's caches run logic: "
            + "dev.dnsflip.spi.planted.OriginalTtlCache; leave preset out, or use logic: model");
    assertBad("  - { name: isp, count: 1, logic: java.lang.String }\n",
        "bad.yaml:9:35: class java.lang.String does not implement dev.dnsflip.spi.CacheLogic");
  }

  @Test
  void farmSettings() {
    assertBad("  - { name: isp, count: 1, backends: 0 }\n", "bad.yaml:9:38: backends must be >= 1, got 0");
    assertBad("  - { name: isp, count: 1, choice: hash }\n",
        "bad.yaml:9:36: unknown choice 'hash'; expected one of: random, sticky, by-name");
  }

  @Test
  void clampsOutOfOrderNameWhereTheOtherBoundCameFrom() {
    assertBad("  - { name: isp, count: 1, clamps: { minTtl: 600, maxTtl: 60 } }\n",
        "bad.yaml:9:46: clamps.minTtl 600 is above clamps.maxTtl 60");
    assertBad("  - { name: isp, count: 1, preset: unbound-1.17, clamps: { minTtl: 90000 } }\n",
        "bad.yaml:9:68: clamps.minTtl 90000 is above the maxTtl 86400 of preset unbound-1.17");
    assertBad("  - { name: isp, count: 1, preset: isp-floor-3600, clamps: { maxTtl: 60 } }\n",
        "bad.yaml:9:70: clamps.maxTtl 60 is below the minTtl 3600 of preset isp-floor-3600");
    assertBad("  - { name: isp, count: 1, clamps: { minNegativeTtl: 10, maxNegativeTtl: 5 } }\n",
        "bad.yaml:9:54: clamps.minNegativeTtl 10 is above clamps.maxNegativeTtl 5");
  }

  @Test
  void clampsAreWholeSecondsInRange() {
    assertBad("  - { name: isp, count: 1, clamps: { minTtl: -1 } }\n",
        "bad.yaml:9:46: clamps.minTtl must be >= 0 and <= 2147483647 seconds, got -1");
    assertBad("  - { name: isp, count: 1, clamps: { minTtl: 60s } }\n",
        "bad.yaml:9:46: expected whole seconds without a unit (DNS convention), e.g. 300, got '60s'");
    assertBad("  - { name: isp, count: 1, clamps: { min: 60 } }\n",
        "bad.yaml:9:38: unknown key 'min' in resolvers[0].clamps; expected one of: minTtl, maxTtl, minNegativeTtl, "
            + "maxNegativeTtl");
  }

  @Test
  void badServeStale() {
    assertBad("  - { name: isp, count: 1, serveStale: yes }\n",
        "bad.yaml:9:40: unknown serveStale 'yes'; expected on, off or a mapping of: replyTtl, maxStale, clientTimeout, "
            + "refreshRetry, resetOnFailure, replyTtlCappedByOriginal");
    assertBad("  - { name: isp, count: 1, serveStale: { maxStale: 1500ms } }\n",
        "bad.yaml:9:52: maxStale 1500ms is not a whole number of seconds (resolvers keep the stale window in seconds)");
    assertBad("  - { name: isp, count: 1, serveStale: { replyTtl: 30s } }\n",
        "bad.yaml:9:52: expected whole seconds without a unit (DNS convention), e.g. 300, got '30s'");
    assertBad("  - { name: isp, count: 1, serveStale: { clientTimeout: 2 } }\n",
        "bad.yaml:9:57: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    assertBad("  - { name: isp, count: 1, serveStale: { resetOnFailure: yes } }\n",
        "bad.yaml:9:58: expected true or false, got 'yes'");
  }

  @Test
  void badPrefetch() {
    assertBad("  - { name: isp, count: 1, prefetch: bind }\n",
        "bad.yaml:9:38: unknown prefetch 'bind'; expected unbound, knot, { bind: { trigger: 2, eligible: 9 } }, "
            + "{ pdns: 10 } or off");
    assertBad("  - { name: isp, count: 1, prefetch: { pdns: 0 } }\n",
        "bad.yaml:9:46: pdns prefetch is refresh-on-ttl-perc, a whole percentage of the TTL from 1 to 100, got 0");
    assertBad("  - { name: isp, count: 1, prefetch: { pdns: 10, bind: {} } }\n",
        "bad.yaml:9:38: resolvers[0].prefetch needs exactly one of: bind, pdns");
    assertBad("  - { name: isp, count: 1, prefetch: { bind: { trigger: -2 } } }\n",
        "bad.yaml:9:57: bind trigger must be >= 0 and <= 2147483647 seconds, got -2");
  }

  @Test
  void forwardToMustNameAnotherGroupWithoutLoops() {
    assertBad("  - { name: isp, count: 1, forwardTo: pubic }\n  - { name: public, count: 1 }\n",
        "bad.yaml:9:39: unknown resolver group 'pubic' in resolvers[0].forwardTo; expected one of: isp, public");
    assertBad("  - { name: isp, count: 1, forwardTo: isp }\n",
        "bad.yaml:9:39: resolver group 'isp' cannot forward to itself");
    assertBad("""
          - { name: root, count: 1 }
          - { name: a, count: 1, forwardTo: b }
          - { name: b, count: 1, forwardTo: c }
          - { name: c, count: 1, forwardTo: a }
        """, "bad.yaml:10:37: resolver group 'a' forwards in a loop: a -> b -> c -> a; a chain must end at a group "
        + "without forwardTo");
    assertBad("""
          - { name: x, count: 1, forwardTo: a }
          - { name: a, count: 1, forwardTo: b }
          - { name: b, count: 1, forwardTo: a }
        """, "bad.yaml:10:37: resolver group 'a' forwards in a loop: a -> b -> a; a chain must end at a group "
        + "without forwardTo");
  }

  private static Prefetch prefetch(String value) throws InputException {
    return group("  - { name: isp, count: 1, prefetch: " + value + " }\n").behaviour().prefetch();
  }

  private static ResolverGroup group(String lines) throws InputException {
    return groups(lines).get(0);
  }

  private static List<ResolverGroup> groups(String lines) throws InputException {
    return ScenarioLoader.parse(ScenarioLoaderTest.VALID.replace(RESOLVER, lines), "ok.yaml").resolverGroups();
  }

  private static void assertBad(String lines, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse(ScenarioLoaderTest.VALID.replace(RESOLVER, lines), "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }
}
