package dev.dnsflip.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.format.InputException;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.scenarios.ScenarioWriter;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Generated scenarios: valid, small, deterministic per seed, spread over what the model knows, and writable. */
class ScenarioGeneratorTest {
  private static final ScenarioGenerator GENERATOR = new ScenarioGenerator();
  private static final int SEEDS = 150;

  private static List<Scenario> sample(Profile profile) {
    List<Scenario> out = new ArrayList<>();
    for (int i = 0; i < SEEDS; i++) {
      out.add(GENERATOR.generate(Explorer.caseSeed(2024, i), profile));
    }
    return out;
  }

  @Test
  void theSameSeedGivesTheSameScenarioAndOtherSeedsOtherOnes() {
    for (Profile profile : Profile.values()) {
      Set<Scenario> distinct = new HashSet<>();
      for (int i = 0; i < 40; i++) {
        long seed = Explorer.caseSeed(7, i);
        Scenario s = GENERATOR.generate(seed, profile);
        assertThat(new ScenarioGenerator().generate(seed, profile)).as("seed %d, %s", seed, profile).isEqualTo(s);
        assertThat(s.seed()).isEqualTo(seed);
        distinct.add(s);
      }
      assertThat(distinct).as(profile.name()).hasSize(40);
    }
  }

  @Test
  void generatedScenariosAreValidSmallAndFitTheirProfile() {
    for (Profile profile : Profile.values()) {
      for (Scenario s : sample(profile)) {
        String as = profile + " seed " + s.seed();
        assertThat(ScenarioEdits.valid(s)).as(as).isTrue();
        List<SwitchEvent> events = s.schedule().events();
        assertThat(events).as(as).hasSizeBetween(1, 4);
        boolean on = s.schedule().initiallyEnabled();
        for (SwitchEvent e : events) {
          assertThat(e.direction().settingAfter()).as(as).isNotEqualTo(on);
          on = e.direction().settingAfter();
          assertThat(e.atMs()).as(as).isBetween(1L, s.durationMs() - 1);
        }
        assertThat(s.durationMs()).as(as).isLessThanOrEqualTo(3 * 3_600_000L);
        assertThat(s.resolverGroups()).as(as).hasSizeBetween(1, 3);
        assertThat(s.clientGroups()).as(as).hasSizeBetween(1, 3);
        assertThat(s.clientCount()).as(as).isLessThanOrEqualTo(320);
        assertThat(s.resolverCount()).as(as).isLessThanOrEqualTo(18);
        assertThat(s.resolverGroups()).as(as).allMatch(g -> profile.allowsResolver(g.behaviour()));
        assertThat(s.clientGroups()).as(as).allMatch(c -> profile.allowsClient(c.behaviour()));
        if (profile.requiredResolver() != null) {
          assertThat(Traits.anyResolver(s, profile.requiredResolver())).as(as).isTrue();
        }
        if (profile.requiredClient() != null) {
          assertThat(Traits.anyClient(s, profile.requiredClient())).as(as).isTrue();
        }
      }
    }
  }

  @Test
  void eachPropertyAppliesToEveryScenarioOfItsProfile() {
    for (Property p : Properties.shipped()) {
      assertThat(sample(p.profile())).as(p.name()).allMatch(p::appliesTo);
    }
  }

  /** The generator reaches every corner it claims to: otherwise the properties are tried on less than they say. */
  @Test
  void coversPresetsTopologiesPoliciesClientsAndAccounts() {
    List<Scenario> all = sample(Profile.ANY);
    List<ResolverGroup> resolvers = all.stream().flatMap(s -> s.resolverGroups().stream()).toList();
    List<ClientGroup> clients = all.stream().flatMap(s -> s.clientGroups().stream()).toList();
    List<DnsRecord> records = all.stream().flatMap(s -> s.account().zones().stream()).map(Zone::records)
        .flatMap(List::stream).toList();
    Predicate<Predicate<Scenario>> some = p -> all.stream().anyMatch(p);

    assertThat(resolvers.stream().map(ResolverGroup::kind).filter(k -> Presets.resolver(k).isPresent()).distinct()
        .count()).isGreaterThanOrEqualTo(12);
    assertThat(resolvers).anyMatch(g -> g.kind().equals("custom"));
    assertThat(resolvers).anyMatch(ResolverGroup::isForwarder);
    assertThat(resolvers).anyMatch(g -> g.backends() > 1);
    assertThat(resolvers).anyMatch(g -> Traits.hasFloor(g.behaviour()));
    assertThat(resolvers).anyMatch(g -> Traits.servesStaleAtOnce(g.behaviour()));
    assertThat(resolvers).anyMatch(g -> g.behaviour().serveStale().enabled() && !Traits.servesStaleAtOnce(g.behaviour()));
    assertThat(resolvers).anyMatch(g -> g.behaviour().passOriginalTtl());
    assertThat(resolvers).anyMatch(g -> g.behaviour().capacity() > 0);
    assertThat(resolvers).anyMatch(g -> g.behaviour().wholeSecondClock() && g.kind().startsWith("unbound-"));
    assertThat(resolvers).anyMatch(g -> g.behaviour().wholeSecondClock() && g.kind().equals("custom"));
    assertThat(resolvers).anyMatch(g -> g.behaviour().wholeSecondClock() && g.isForwarder());
    assertThat(clients.stream().map(ClientGroup::kind).filter(k -> Presets.client(k).isPresent()).distinct().count())
        .isGreaterThanOrEqualTo(8);
    for (Class<?> kind : List.of(ClientCache.None.class, ClientCache.TtlHonouring.class, ClientCache.Fixed.class,
        ClientCache.AtLeast.class, ClientCache.Grace.class)) {
      assertThat(clients).as(kind.getSimpleName()).anyMatch(c -> kind.isInstance(c.behaviour().cache()));
    }
    assertThat(clients).anyMatch(c -> c.behaviour().connectionMeanMs() > 0);
    assertThat(clients).anyMatch(c -> c.behaviour().dualStack());
    assertThat(clients).anyMatch(c -> !c.resolverShares().isEmpty());
    assertThat(records).anyMatch(r -> r.type() == Type.CNAME && r.proxied());
    assertThat(records).anyMatch(r -> r.type() == Type.CNAME && !r.proxied());
    assertThat(records).anyMatch(DnsRecord::flatten);
    assertThat(records).anyMatch(r -> r.proxied() && !r.category().affectedBySwitch(dev.dnsflip.authority.SwitchSettings.DEFAULTS));
    assertThat(records).anyMatch(r -> r.type() == Type.A && !r.proxied());
    assertThat(records).anyMatch(r -> r.type() == Type.AAAA);
    assertThat(some.test(s -> s.schedule().events().size() >= 3)).isTrue();
    assertThat(some.test(s -> s.schedule().initiallyEnabled())).isTrue();
    assertThat(some.test(s -> gapBelowTtl(s))).as("events closer than a TTL").isTrue();
    assertThat(some.test(s -> s.propagation().maxMs() == 0)).isTrue();
    assertThat(some.test(s -> s.propagation().maxMs() > 5_000)).isTrue();
    assertThat(some.test(s -> s.initialCache().mode() == InitialCache.Mode.COLD)).isTrue();
    assertThat(some.test(s -> s.initialCache().mode() == InitialCache.Mode.WARMUP)).isTrue();
    assertThat(some.test(s -> s.replications() > 1)).isTrue();
    assertThat(some.test(s -> s.resolverGroups().size() == 3 && s.clientGroups().size() == 3)).isTrue();
  }

  private static boolean gapBelowTtl(Scenario s) {
    List<SwitchEvent> e = s.schedule().events();
    for (int i = 1; i < e.size(); i++) {
      if (e.get(i).atMs() - e.get(i - 1).atMs() < s.account().autoTtlSeconds() * 1000) {
        return true;
      }
    }
    return false;
  }

  /** Whatever the generator makes, the writer writes and the loader reads back to the same scenario. */
  @Test
  void everyGeneratedScenarioWritesAsYamlThatLoadsBackEqual() throws InputException {
    for (Profile profile : Profile.values()) {
      for (Scenario s : sample(profile)) {
        String yaml = ScenarioWriter.write(s, List.of("generated"));
        Scenario loaded = ScenarioLoader.parse(yaml, "generated.yaml");
        assertThat(loaded).as("%s seed %d:%n%s", profile, s.seed(), yaml).isEqualTo(s);
        // dnsjava compares records without their TTL: compare those too.
        assertThat(ttls(loaded)).as("seed %d", s.seed()).isEqualTo(ttls(s));
      }
    }
  }

  /** The shrinker's candidates too: a minimal scenario must always be writable. */
  @Test
  void everyShrinkCandidateWritesAsYamlThatLoadsBackEqual() throws InputException {
    for (Profile profile : Profile.values()) {
      for (int i = 0; i < 12; i++) {
        Scenario s = GENERATOR.generate(Explorer.caseSeed(99, i), profile);
        for (ScenarioEdits.Candidate c : ScenarioEdits.candidates(s)) {
          String yaml = ScenarioWriter.write(c.scenario(), List.of());
          Scenario loaded = ScenarioLoader.parse(yaml, "candidate.yaml");
          assertThat(loaded).as("%s seed %d, %s:%n%s", profile, s.seed(), c.change(), yaml).isEqualTo(c.scenario());
        }
      }
    }
  }

  private static List<Long> ttls(Scenario s) {
    List<Long> out = new ArrayList<>();
    s.account().zones().forEach(z -> z.records().forEach(r -> out.add(r.record().getTTL())));
    s.account().externalZones().forEach(z -> z.records().forEach(r -> out.add(r.record().getTTL())));
    return out;
  }
}
