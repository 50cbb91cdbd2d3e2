package dev.dnsflip.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Policies and client behaviours inside whole scenarios, at their edges. */
class ScenarioBehaviourTest {
  private static final long T = 300_000;
  private static final long ENABLE = 600_000;

  private static Account aOnlyAccount() {
    return TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), List.of());
  }

  private static Scenario scenario(ResolverBehaviour resolver, ClientGroup clients, List<Outage> outages,
      long... switches) {
    return new Scenario("behaviour", "", 5, 1, 4_000_000, 1_000, InitialCache.STEADY, aOnlyAccount(), 2,
        new Propagation.Fixed(0), TestScenarios.schedule(switches),
        List.of(new ResolverGroup("r", 20, resolver, 1, BackendChoice.RANDOM, null, Origin.of("r"))), List.of(clients),
        List.of(), outages);
  }

  private static ClientGroup clients(int type, ClientBehaviour behaviour) {
    return new ClientGroup("c", 2_000, 1.0 / 10, Map.of(),
        List.of(new WeightedQuestion(TestScenarios.question("www.example.com", type), 1)), behaviour, Origin.of("c"));
  }

  @Test
  void duringAnOutageServeStaleKeepsAnsweringTheOldAnswerUntilTheRetryAfterTheOutage() {
    long outageFrom = ENABLE - 60_000;
    long outageTo = ENABLE + 900_000;
    ResolverBehaviour bindStale = new ResolverBehaviour(TtlClamps.NONE,
        new ServeStale(true, 30, 86_400, 1, 30_000, false, false), Prefetch.NONE, false);
    RunResult stale = new Simulation(scenario(bindStale, clients(Type.A, ClientBehaviour.PLAIN),
        List.of(new Outage(outageFrom, outageTo)), ENABLE), 2).run();
    long lastStale = (long) stale.events().get(0).metric("lastStale.max").estimate().max();
    assertThat(lastStale).as("stale past the old TTL, through the outage").isGreaterThan(outageTo - ENABLE - 10_000);
    assertThat(lastStale).as("but not past the first retry after it").isLessThan(outageTo - ENABLE + 30_000);

    RunResult plain = new Simulation(scenario(ResolverBehaviour.TTL_HONOURING,
        clients(Type.A, ClientBehaviour.PLAIN), List.of(new Outage(outageFrom, outageTo)), ENABLE), 2).run();
    assertThat(plain.events().get(0).metric("lastStale.max").estimate().max()).isLessThan(T);
    assertThat(plain.summary().queries()).as("failures are queries")
        .isGreaterThan((long) plain.events().get(0).metric("uses").estimate().mean());
  }

  @Test
  void dualStackClientsFallBackToAWhileTheResolverHoldsANodata() {
    long disable = ENABLE + 1_900_000;
    RunResult aaaaOnly = new Simulation(scenario(ResolverBehaviour.TTL_HONOURING,
        clients(Type.AAAA, ClientBehaviour.PLAIN), List.of(), ENABLE, disable), 2).run();
    EventReport disabled = aaaaOnly.events().get(1);
    assertThat((long) disabled.metric("lastStale.max").estimate().max()).as("a cached NODATA keeps IPv6 away")
        .isGreaterThan(T);
    RunResult dual = new Simulation(scenario(ResolverBehaviour.TTL_HONOURING,
        clients(Type.A, new ClientBehaviour(ClientCache.NONE, 0, true)), List.of(), ENABLE, disable), 2).run();
    assertThat((long) dual.events().get(1).metric("lastStale.max").estimate().max())
        .as("dual stack: uses A (anycast) meanwhile, which is what is intended").isLessThan(T);
  }

  @Test
  void keepAliveConnectionsKeepTheOldAddressPastTheTtl() {
    RunResult r = new Simulation(scenario(ResolverBehaviour.TTL_HONOURING,
        clients(Type.A, new ClientBehaviour(ClientCache.NONE, 600_000, false)), List.of(), ENABLE), 2).run();
    assertThat((long) r.events().get(0).metric("lastStale.max").estimate().max()).isGreaterThan(2 * T);
    assertThat(r.events().get(0).metric("clientsStaleAfter.15m").estimate().mean()).isPositive();
  }
}
