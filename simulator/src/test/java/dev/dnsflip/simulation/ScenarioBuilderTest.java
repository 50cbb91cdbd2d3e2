package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Problem;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scenario builder, its problem list, and the withers that replace positional rebuilds. */
class ScenarioBuilderTest {
  private static final Scenario BASE = TestScenarios.singleName(300, 2, 10, 0.1, 600_000,
      TestScenarios.schedule(60_000), Propagation.DEFAULT, InitialCache.STEADY, 7, 1, 5_000);

  @Test
  void toBuilderRebuildsTheSameScenarioAndChangesOnlyWhatIsSet() {
    assertThat(BASE.toBuilder().build()).isEqualTo(BASE);
    Scenario changed = BASE.toBuilder().bucketMs(1_000).nameservers(3).build();
    assertThat(changed.bucketMs()).isEqualTo(1_000);
    assertThat(changed.nameservers()).isEqualTo(3);
    assertThat(changed.toBuilder().bucketMs(BASE.bucketMs()).nameservers(BASE.nameservers()).build()).isEqualTo(BASE);
    assertThat(BASE.withSeed(9)).isEqualTo(BASE.toBuilder().seed(9).build());
    assertThat(BASE.withReplications(3).replications()).isEqualTo(3);
  }

  @Test
  void aNewBuilderHasTheDefaultsOfAScenarioFile() {
    Scenario s = Scenario.builder().name("t").durationMs(600_000).account(BASE.account())
        .resolverGroups(BASE.resolverGroups()).clientGroups(BASE.clientGroups()).build();
    assertThat(s.seed()).isEqualTo(1);
    assertThat(s.replications()).isEqualTo(1);
    assertThat(s.bucketMs()).isEqualTo(5_000);
    assertThat(s.nameservers()).isEqualTo(2);
    assertThat(s.propagation()).isEqualTo(Propagation.DEFAULT);
    assertThat(s.initialCache()).isEqualTo(InitialCache.STEADY);
    assertThat(s.schedule().events()).isEmpty();
  }

  @Test
  void validateListsEveryProblemWithItsPath() {
    List<ResolverGroup> groups = List.of(new ResolverGroup("a", 1), new ResolverGroup("a", 1),
        new ResolverGroup("b", 1).withForwardTo("nowhere"), new ResolverGroup("c", 1).withForwardTo("d"),
        new ResolverGroup("d", 1).withForwardTo("c"));
    Scenario.Builder b = BASE.toBuilder().replications(0).durationMs(60_000).bucketMs(0).nameservers(0)
        .resolverGroups(groups);

    assertThat(b.validate()).containsExactly(
        new Problem("replications", "replications must be >= 1"),
        new Problem("bucketMs", "bucket must be > 0"),
        new Problem("nameservers", "nameservers must be >= 1"),
        new Problem("schedule.events[0]", "switch at 60000 ms is outside the run (0, 60000 ms)"),
        new Problem("resolverGroups[1]", "duplicate resolver group 'a'"),
        new Problem("resolverGroups[2].forwardTo", "resolver group 'b' forwards to unknown group 'nowhere'"),
        new Problem("resolverGroups[3].forwardTo", "resolver group 'c' forwards in a loop"),
        new Problem("resolverGroups[4].forwardTo", "resolver group 'd' forwards in a loop"));
    assertThatThrownBy(b::build).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("replications must be >= 1");
  }

  @Test
  void switchesAreKeptJustInsideTheRun() {
    assertThat(BASE.toBuilder().durationMs(60_001).validate()).isEmpty();
    assertThat(BASE.toBuilder().durationMs(60_000).validate()).extracting(Problem::path)
        .containsExactly("schedule.events[0]");
    assertThat(BASE.toBuilder().schedule(TestScenarios.schedule(1)).validate()).isEmpty();
    assertThat(BASE.toBuilder().schedule(TestScenarios.schedule(0)).validate()).extracting(Problem::path)
        .containsExactly("schedule.events[0]");
  }

  @Test
  void aBuilderWithoutTheRequiredPartsSaysSo() {
    assertThat(Scenario.builder().validate()).extracting(Problem::path)
        .containsExactly("name", "account", "durationMs", "resolverGroups", "clientGroups");
  }

  @Test
  void groupWithersChangeOneThing() {
    ResolverGroup g = new ResolverGroup("r", 2);
    ResolverGroup farm = g.withBackends(4, BackendChoice.values()[BackendChoice.values().length - 1])
        .withBehaviour(ResolverBehaviour.TTL_HONOURING.withCapacity(10), Origin.of("custom")).withCount(3).withForwardTo("x");
    assertThat(farm).isEqualTo(new ResolverGroup("r", 3, ResolverBehaviour.TTL_HONOURING.withCapacity(10), 4,
        BackendChoice.values()[BackendChoice.values().length - 1], "x", Origin.of("custom")));
    assertThat(farm.withForwardTo(null).isForwarder()).isFalse();
    assertThatThrownBy(() -> g.withCount(0)).hasMessage("resolver group 'r' needs count >= 1");

    ClientGroup c = BASE.clientGroups().get(0);
    ClientBehaviour jvm = new ClientBehaviour(new ClientCache.Fixed(30, 30), 0, false);
    ClientGroup changed = c.withCount(5).withResolverShares(Map.of("r", 1.0)).withBehaviour(jvm, Origin.of("jvm"))
        .withQuestions(c.questions());
    assertThat(changed).isEqualTo(new ClientGroup(c.name(), 5, c.queriesPerSecond(), Map.of("r", 1.0),
        c.questions(), jvm, Origin.of("jvm")));
    assertThat(jvm.withDualStack(true).withConnectionMeanMs(5).withCache(ClientCache.NONE))
        .isEqualTo(new ClientBehaviour(ClientCache.NONE, 5, true));
  }
}
