package dev.dnsflip.resolver;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.cname;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.CacheLogicFailure;
import dev.dnsflip.spi.Reply;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** The harness side of the resolver SPI: chains, hits and TTLs as the built-in cache, and every broken contract named. */
class LogicResolverTest {
  private static final long T = 300_000;

  private AnswerTable table;
  private Upstream authority;
  private int www;
  private int app;

  @BeforeEach
  void account() {
    Authority auth = new Authority(TestScenarios.account(300, List.of(TestScenarios.zone("example.com",
        a("www.example.com", "192.0.2.10", 1, true),
        cname("app.example.com", "lb.origin.net", 1, true, Category.REGULAR, false))),
        List.of(TestScenarios.zone("origin.net", a("lb.origin.net", "198.51.100.7", 3600, false)))));
    table = AnswerTable.build(auth, List.of(question("www.example.com", Type.A), question("app.example.com", Type.A)));
    www = table.indexOf(question("www.example.com", Type.A));
    app = table.indexOf(question("app.example.com", Type.A));
    NameserverTimeline timeline = new NameserverTimeline(TestScenarios.schedule(0), new Propagation.Fixed(0), 1,
        new SplittableRandom(1));
    authority = new AuthorityUpstream(table, timeline, new long[0], new long[0], new SplittableRandom(1));
  }

  @Test
  void theModelThroughTheSpiAnswersAsTheBuiltInCacheAtTheExpiryEdges() {
    LogicResolver spi = LogicResolver.of(table, new ResolverGroup("isp", 1).withLogic(dev.dnsflip.spi.LogicChoice.MODEL),
        authority);
    CachingResolver builtIn = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING, authority);
    for (long t : new long[] {1_000, 1_000 + T - 1, 1_000 + T, 1_000 + T + 1}) {
      for (int q : new int[] {www, app}) {
        assertThat(Resolution.describe(spi.lookup(q, t, 0))).as("t = %d", t)
            .isEqualTo(Resolution.describe(builtIn.lookup(q, t, 0)));
      }
    }
  }

  @Test
  void aChainIsAHitOnlyWhenEveryLinkIsAndPassesOnTheSmallestTtl() {
    // Caches the CNAME only: its target is asked upstream every time.
    CacheLogic cnameOnly = new CacheLogic() {
      private Reply cname;

      @Override
      public Reply resolve(dev.dnsflip.authority.Question q, long nowMs, dev.dnsflip.spi.Upstream upstream) {
        if (q.type() == Type.A && q.name().toString().equals("app.example.com.") && cname != null) {
          return cname.cached(7);
        }
        Reply r = upstream.ask(q, nowMs);
        if (q.name().toString().equals("app.example.com.")) {
          cname = r;
        }
        return r;
      }
    };
    LogicResolver r = LogicResolver.of(table, cnameOnly, authority);

    long first = r.lookup(app, 0, 0);
    long second = r.lookup(app, 1, 0);

    assertThat(Resolution.hit(first)).isFalse();
    assertThat(Resolution.hit(second)).as("the target came from upstream").isFalse();
    assertThat(Resolution.ttlMs(second)).as("min(7 ms of the CNAME, 3600 s of the target)").isEqualTo(7);
  }

  @Test
  void everyBrokenContractIsTheLogicsFailureNamingClassQuestionAndInstant() {
    assertThatThrownBy(() -> LogicResolver.of(table, (q, now, up) -> null, authority).lookup(www, 5, 0))
        .isInstanceOf(CacheLogicFailure.class)
        .hasMessageEndingWith("failed answering www.example.com. A at simulated 5ms (5 ms): returned null "
            + "(Reply.FAILED says there is no answer)");
    assertThatThrownBy(() -> LogicResolver.of(table, (q, now, up) -> up.ask(question("app.example.com", Type.A), now),
        authority).lookup(www, 5, 0))
        .isInstanceOf(CacheLogicFailure.class)
        .hasMessageContaining("returned an answer its upstream never gives for this question: CNAME");
    assertThatThrownBy(() -> LogicResolver.of(table, (q, now, up) -> up.ask(question("nope.example.com", Type.A), now),
        authority).lookup(www, 5, 0))
        .isInstanceOf(CacheLogicFailure.class)
        .hasMessageContaining("asked its upstream nope.example.com. A, a question this run does not have");
    assertThatThrownBy(() -> LogicResolver.of(table, (q, now, up) -> {
      throw new ArrayIndexOutOfBoundsException("7");
    }, authority).lookup(www, 5, 0))
        .isInstanceOf(CacheLogicFailure.class)
        .hasMessageEndingWith("threw java.lang.ArrayIndexOutOfBoundsException: 7")
        .hasCauseInstanceOf(ArrayIndexOutOfBoundsException.class);
  }

  @Test
  void theLargestTtlPassesAndOneMoreMillisecondIsRefused() {
    long max = Resolution.MAX_TTL_MS;
    assertThat(Resolution.ttlMs(LogicResolver.of(table, (q, now, up) -> up.ask(q, now).withTtlMs(max), authority)
        .lookup(www, 0, 0))).isEqualTo(max);
    assertThatThrownBy(() -> LogicResolver.of(table, (q, now, up) -> up.ask(q, now).withTtlMs(max + 1), authority)
        .lookup(www, 0, 0))
        .isInstanceOf(CacheLogicFailure.class)
        .hasMessageEndingWith("returned TTL " + (max + 1) + " ms, past the largest DNS TTL");
    assertThatThrownBy(() -> new Reply(table.answer(0), -1, true)).isInstanceOf(IllegalArgumentException.class);
  }
}
