package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.ClientCache;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.format.NodeReader;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.Prefetch;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The registry of behaviour kinds: every kind reads back what it writes, claims what it
 * generates, is unique by name, and covers every preset; the families' messages list the forms.
 */
class RegistryTest {
  private static final int DRAWS = 500;

  private static <P> P readBack(PolicyFamily<P, ?> family, String written) throws InputException {
    Node root = NodeReader.yaml(family.key() + ": " + written + "\n", "kind.yaml", "empty");
    return family.read(root.entries().get(0).value(), null);
  }

  private static <P, K extends PolicyKind<P>> void roundTrips(PolicyFamily<P, K> family) throws InputException {
    SplittableRandom random = new SplittableRandom(20261201);
    for (K kind : family.kinds()) {
      for (int i = 0; i < DRAWS; i++) {
        P policy = kind.generate(random);
        assertThat(kind.isKindOf(policy)).as(kind.name() + " claims " + policy).isTrue();
        assertThat(family.kindOf(policy)).isSameAs(kind);
        String written = family.write(policy);
        assertThat(readBack(family, written)).as(written).isEqualTo(policy);
      }
    }
  }

  @Test
  void everyPrefetchKindReadsBackWhatItWrites() throws InputException {
    roundTrips(Registry.PREFETCH);
  }

  @Test
  void everyClientCacheKindReadsBackWhatItWrites() throws InputException {
    roundTrips(Registry.CLIENT_CACHE);
  }

  @Test
  void kindNamesAreUniqueWithinAFamily() {
    for (PolicyFamily<?, ?> family : List.of(Registry.PREFETCH, Registry.CLIENT_CACHE)) {
      assertThat(new HashSet<>(family.kinds().stream().map(PolicyKind::name).toList()))
          .hasSameSizeAs(family.kinds());
    }
  }

  @Test
  void everyPresetIsMadeOfRegisteredKinds() {
    for (ResolverPreset p : Presets.RESOLVERS) {
      Prefetch prefetch = p.behaviour().prefetch();
      assertThat(Registry.PREFETCH.kindOf(prefetch).isKindOf(prefetch)).as(p.name()).isTrue();
    }
    for (ClientPreset p : Presets.CLIENTS) {
      ClientCache cache = p.behaviour().cache();
      assertThat(Registry.CLIENT_CACHE.kindOf(cache).isKindOf(cache)).as(p.name()).isTrue();
    }
  }

  @Test
  void aPolicyNoEntryClaimsIsABugNotBadInput() {
    Prefetch unregistered = new Prefetch() {
      @Override
      public boolean triggers(long remainingMs, long originalMs) {
        return false;
      }

      @Override
      public String describe() {
        return "unregistered";
      }
    };
    assertThatThrownBy(() -> Registry.PREFETCH.write(unregistered)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("no prefetch kind is registered for ");
  }

  @Test
  void messagesListEveryFormInRegistryOrder() {
    assertThat(Registry.PREFETCH.forms())
        .isEqualTo("unbound, knot, { bind: { trigger: 2, eligible: 9 } }, { pdns: 10 } or off");
    assertThat(Registry.CLIENT_CACHE.forms()).isEqualTo("none, { ttl: { cap: 7200, negativeCap: 7200 } }, "
        + "{ fixed: { positive: 30s, negative: 10s } }, { atLeast: 60s } or { grace: { lifetime: 60s, grace: 60s } }");
  }

  @Test
  void theExamplesInMessagesAreValidInput() throws InputException {
    for (PolicyKind<Prefetch> kind : Registry.PREFETCH.kinds()) {
      assertThat(Registry.PREFETCH.kindOf(readBack(Registry.PREFETCH, kind.example()))).isSameAs(kind);
    }
    for (ClientCacheKind kind : Registry.CLIENT_CACHE.kinds()) {
      assertThat(Registry.CLIENT_CACHE.kindOf(readBack(Registry.CLIENT_CACHE, kind.example()))).isSameAs(kind);
    }
  }

  @Test
  void lawsOfTheClientCacheKinds() {
    // A replaced answer last handed out before H = 10 s, its copy expiring at K = 40 s.
    long h = 10_000;
    long k = 40_000;
    assertThat(keptUntil(ClientCache.NONE, h, k)).isEqualTo(h);
    assertThat(keptUntil(new ClientCache.TtlHonouring(20, 5), h, k)).isEqualTo(30_000);
    assertThat(keptUntil(new ClientCache.TtlHonouring(60, 5), h, k)).isEqualTo(k);
    assertThat(keptUntil(new ClientCache.Fixed(30, 45), h, k)).isEqualTo(55_000);
    assertThat(keptUntil(new ClientCache.AtLeast(60), h, k)).isEqualTo(70_000);
    assertThat(keptUntil(new ClientCache.AtLeast(20), h, k)).isEqualTo(k);
    assertThat(keptUntil(new ClientCache.Grace(0, 60), h, k)).isEqualTo(100_000);
    assertThat(keptUntil(new ClientCache.Grace(5, 60), h, k)).isEqualTo(75_000);
    assertThat(keptUntil(new ClientCache.Fixed(Long.MAX_VALUE / 10, 0), h, k)).isEqualTo(Long.MAX_VALUE);
    assertThat(Registry.CLIENT_CACHE.kinds()).filteredOn(ClientCacheKind::keepsAtMostTtl)
        .extracting(PolicyKind::name).containsExactly("none", "ttl");
  }

  private static long keptUntil(ClientCache cache, long h, long k) {
    return Registry.CLIENT_CACHE.kindOf(cache).keptUntilMs(cache, h, k);
  }
}
