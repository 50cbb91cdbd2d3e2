package dev.dnsflip.simulation;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.aaaa;
import static dev.dnsflip.simulation.TestScenarios.cname;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.QuestionStats;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Type;

/**
 * With TTL-honouring resolvers and no client caches, no stale use happens later after a switch
 * than the TTL of the answer it replaces plus the largest realised propagation delay. Exact:
 * an old answer is fetched at the latest 1 ms before the last nameserver switches, and is used
 * at the latest 1 ms before it expires.
 */
class HardBoundTest {
  private static final long AUTO = 300_000;
  private static final long NEGATIVE = 1_800_000;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3})
  void noStaleUseOutlivesTheReplacedTtlPlusPropagation(long seed) {
    Account account = TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
            a("v4only.example.com", "192.0.2.1", 1, true),
            a("dual.example.com", "192.0.2.2", 1, true),
            aaaa("dual.example.com", "2001:db8::2", 1, true, Category.REGULAR),
            cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, false),
            a("tunnel-like.example.com", "192.0.2.3", 1, true, Category.SPECTRUM))),
        List.of(TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 3600, false))));
    List<WeightedQuestion> questions = new ArrayList<>();
    for (String n : List.of("v4only", "dual", "app", "tunnel-like")) {
      questions.add(new WeightedQuestion(question(n + ".example.com", Type.A), 1));
      questions.add(new WeightedQuestion(question(n + ".example.com", Type.AAAA), 1));
    }
    long enable = 400_000;
    long disable = 1_000_000;
    Scenario s = new Scenario("bound", "", seed, 1, disable + NEGATIVE + 120_000, 5_000, InitialCache.STEADY,
        account, 4, new Propagation.Uniform(0, 30_000), TestScenarios.schedule(enable, disable),
        List.of(new ResolverGroup("r", 40)),
        List.of(new ClientGroup("c", 4_000, 1.0 / 20, Map.of(), questions)), List.of());
    RunResult report = new Simulation(s, 2).run();
    long maxDelay = report.summary().maxPropagationDelayMs();
    assertThat(maxDelay).isBetween(1L, 30_000L);

    EventReport enabled = report.events().get(0);
    for (QuestionStats q : enabled.questions()) {
      assertThat(q.lastStaleMaxMs()).as(q.question()).isLessThan(AUTO + maxDelay);
    }
    assertThat(lastStale(enabled, "v4only.example.com. A")).as("the bound is approached").isGreaterThan(AUTO / 2);
    assertThat(lastStale(enabled, "tunnel-like.example.com. A")).as("excluded: never stale").isEqualTo(-1);

    EventReport disabled = report.events().get(1);
    for (QuestionStats q : disabled.questions()) {
      long replaced = q.question().equals("v4only.example.com. AAAA") ? NEGATIVE : AUTO;
      assertThat(q.lastStaleMaxMs()).as(q.question()).isLessThan(replaced + maxDelay);
    }
    assertThat(lastStale(disabled, "v4only.example.com. AAAA"))
        .as("a cached NODATA keeps IPv6 away for up to the negative TTL").isGreaterThan(AUTO + maxDelay);
    assertThat(lastStale(disabled, "app.example.com. A"))
        .as("the chain lets go when the CNAME expires, not the 3600 s target").isBetween(1L, AUTO + maxDelay - 1);
    assertThat(disabled.metric("lastStale.max").estimate().max()).isLessThan(NEGATIVE + maxDelay);
  }

  private static long lastStale(EventReport e, String question) {
    return e.questions().stream().filter(q -> q.question().equals(question)).findFirst()
        .map(QuestionStats::lastStaleMaxMs).orElseThrow();
  }

}
