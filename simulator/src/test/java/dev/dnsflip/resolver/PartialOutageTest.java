package dev.dnsflip.resolver;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Outages that lose a share of the queries, to all nameservers or to some, and the retry to the next one. */
public class PartialOutageTest {
  private static final long T = 300_000;
  private static final long DAY = 86_400_000;

  private final AnswerTable table = AnswerTable.build(new Authority(TestScenarios.account(300,
      List.of(TestScenarios.zone("example.com", a("www.example.com", "192.0.2.10", 1, true))), List.of())),
      List.of(question("www.example.com", Type.A)));
  private final int www = table.indexOf(question("www.example.com", Type.A));

  private AuthorityUpstream authority(int nameservers, OutageWindows outages, long seed) {
    NameserverTimeline timeline = new NameserverTimeline(TestScenarios.schedule(), new Propagation.Fixed(0),
        nameservers, new SplittableRandom(1));
    return new AuthorityUpstream(table, timeline, outages, new SplittableRandom(seed));
  }

  private static OutageWindows window(long from, long to, double loss, long mask) {
    return new OutageWindows(new long[] {from}, new long[] {to}, new double[] {loss}, new long[] {mask});
  }

  /**
   * One TTL-honouring cache, queried as a Poisson process of rate L, one nameserver losing each query
   * with probability p. A cycle starts with an answered fetch; the entry then answers the L·T uses
   * of its TTL; after expiry each use fetches, and the uses until one is answered are geometric with
   * mean 1/(1−p). The long-run answered share is the ratio of the cycle's means:
   * (L·T + 1) / (L·T + 1/(1−p)).
   */
  /** The closed form above: uses per TTL {@code lt} = L·T, loss {@code p}. */
  public static double answeredShare(double lt, double p) {
    return (lt + 1) / (lt + 1 / (1 - p));
  }

  @Test
  void answeredShareOfOneCacheUnderLossMatchesItsClosedForm() {
    double ratePerMs = 1.0 / 60_000; // one use a minute: L·T = 5
    double p = 0.5;
    double expected = answeredShare(ratePerMs * T, p);
    int runs = 40;
    double[] answered = new double[runs];
    double[] uses = new double[runs];
    for (int run = 0; run < runs; run++) {
      CachingResolver cache = new CachingResolver(table, ResolverBehaviour.TTL_HONOURING,
          authority(1, window(0, 2 * DAY, p, OutageWindows.ALL_NAMESERVERS), 100 + run));
      SplittableRandom arrivals = new SplittableRandom(run);
      for (double t = 0; t < DAY; t += -Math.log(1 - arrivals.nextDouble()) / ratePerMs) {
        uses[run]++;
        if (cache.resolve(www, (long) t, 0) != Upstream.FAILED) {
          answered[run]++;
        }
      }
    }
    // Ratio estimator over independent runs with its delta-method standard error; a two-sided
    // 99.9 % normal interval (40 runs of about 200 cycles each).
    double sumA = 0;
    double sumU = 0;
    for (int run = 0; run < runs; run++) {
      sumA += answered[run];
      sumU += uses[run];
    }
    double share = sumA / sumU;
    double meanU = sumU / runs;
    double ss = 0;
    for (int run = 0; run < runs; run++) {
      double d = answered[run] - share * uses[run];
      ss += d * d;
    }
    double se = Math.sqrt(ss / (runs - 1) / runs) / meanU;
    double z = new NormalDistribution().inverseCumulativeProbability(1 - 0.001 / 2);
    assertThat(Math.abs(share - expected)).as("answered share %s against %s (se %s)", share, expected, se)
        .isLessThanOrEqualTo(z * se);
    assertThat(z * se).as("the interval is narrow enough to tell p = 0.5 from p = 0.45").isLessThan(0.01);
  }

  @Test
  void aQueryLostByOneNameserverIsAskedOfTheNext() {
    // Nameserver 1 (bit 0) loses every query; nameserver 2 answers: no fetch fails.
    AuthorityUpstream up = authority(2, window(1_000, 2_000, 1.0, 0b01), 7);
    for (long t = 0; t < 3_000; t += 10) {
      assertThat(Resolution.failed(up.fetch(www, t))).as("at %d ms", t).isFalse();
    }
    // Both named one by one: a total outage in effect, [from, to) exactly.
    AuthorityUpstream both = authority(2, window(1_000, 2_000, 1.0, 0b11), 7);
    assertThat(Resolution.failed(both.fetch(www, 999))).isFalse();
    assertThat(Resolution.failed(both.fetch(www, 1_000))).isTrue();
    assertThat(Resolution.failed(both.fetch(www, 1_999))).isTrue();
    assertThat(Resolution.failed(both.fetch(www, 2_000))).isFalse();
  }

  @Test
  void aTotalOutageDrawsNothingSoEarlierRunsAreUnchanged() {
    SplittableRandom random = new SplittableRandom(3);
    SplittableRandom twin = new SplittableRandom(3);
    NameserverTimeline timeline = new NameserverTimeline(TestScenarios.schedule(), new Propagation.Fixed(0), 2,
        new SplittableRandom(1));
    AuthorityUpstream up = new AuthorityUpstream(table, timeline, new long[] {0}, new long[] {1_000}, random);
    assertThat(Resolution.failed(up.fetch(www, 500))).isTrue();
    assertThat(random.nextLong()).as("no draw during a total outage").isEqualTo(twin.nextLong());
    up.fetch(www, 1_000);
    twin.nextInt(2);
    assertThat(random.nextLong()).as("one draw, the nameserver, outside it").isEqualTo(twin.nextLong());
  }

  @Test
  void lossOfOneLosesEveryQueryAndASmallLossAlmostNone() {
    AuthorityUpstream all = authority(1, window(0, 10_000, 1.0, OutageWindows.ALL_NAMESERVERS), 5);
    AuthorityUpstream tiny = authority(1, window(0, 10_000, 1e-9, OutageWindows.ALL_NAMESERVERS), 5);
    for (long t = 0; t < 10_000; t += 10) {
      assertThat(Resolution.failed(all.fetch(www, t))).isTrue();
      assertThat(Resolution.failed(tiny.fetch(www, t))).isFalse();
    }
  }
}
