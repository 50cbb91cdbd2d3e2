package dev.dnsflip.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.presets.Origin;
import dev.dnsflip.authority.Question;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

class PopulationTest {
  static final List<ResolverGroup> RESOLVERS = List.of(
      new ResolverGroup("isp", 3, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null, Origin.of("isp")),
      new ResolverGroup("public", 2, ResolverBehaviour.TTL_HONOURING, 1, BackendChoice.RANDOM, null, Origin.of("public")));

  static ClientGroup group(String name, int count, Map<String, Double> shares, ClientBehaviour behaviour,
      String... names) {
    List<WeightedQuestion> questions = java.util.Arrays.stream(names)
        .map(n -> new WeightedQuestion(new Question(Name.fromConstantString(n), Type.A), 1)).toList();
    return new ClientGroup(name, count, 1.0 / 60, shares, questions, behaviour, Origin.of(name));
  }

  static final List<ClientGroup> CLIENTS = List.of(
      group("browsers", 400, Map.of(), ClientBehaviour.PLAIN, "www.example.com."),
      group("apps", 250, Map.of("public", 1.0), ClientBehaviour.PLAIN, "www.example.com."),
      group("jvms", 150, Map.of("isp", 2.0, "public", 1.0), ClientBehaviour.PLAIN, "www.example.com."));

  @Test
  void clientsAreNumberedResolverByResolverThenGroupByGroup() {
    Population p = Population.assign(CLIENTS, RESOLVERS, new RandomStreams(7));

    assertThat(p.clients()).isEqualTo(800);
    int next = 0;
    for (int r = 0; r < p.resolvers(); r++) {
      for (int g = 0; g < p.groups(); g++) {
        assertThat(p.first(r, g)).as("resolver %d group %d", r, g).isEqualTo(next);
        for (int i = 0; i < p.count(r, g); i++) {
          assertThat(p.member(r, g, i)).isEqualTo(next + i);
        }
        next += p.count(r, g);
      }
    }
    assertThat(next).isEqualTo(p.clients());
  }

  @Test
  void sharesDecideWhereEachGroupGoes() {
    Population p = Population.assign(CLIENTS, RESOLVERS, new RandomStreams(7));

    int appsAtIsp = 0;
    int jvmsAtIsp = 0;
    for (int r = 0; r < 3; r++) {
      appsAtIsp += p.count(r, 1);
      jvmsAtIsp += p.count(r, 2);
    }
    assertThat(appsAtIsp).as("apps use only the public resolvers").isZero();
    // 150 draws at 2/3: the count lies within 4 standard deviations (about 23) of 100.
    assertThat(jvmsAtIsp).isBetween(100 - 23, 100 + 23);
  }

  /**
   * Each client picks a resolver group by the shares (3:1), then one of its resolvers uniformly:
   * drawn as counts, a million clients over 1,000 resolvers are the multinomial those picks give.
   * Chi-square against the expected counts, 999 degrees of freedom, α = 0.001, for three seeds.
   */
  @Test
  void clientsPerResolverAreMultinomialByTheShares() {
    List<ResolverGroup> resolvers = List.of(new ResolverGroup("a", 600), new ResolverGroup("b", 400));
    List<ClientGroup> clients = List.of(group("few", 10, Map.of(), ClientBehaviour.PLAIN, "www.example.com."),
        group("many", 1_000_000, Map.of("a", 3.0, "b", 1.0), ClientBehaviour.PLAIN, "www.example.com."));
    for (long seed : new long[] {1, 2, 3}) {
      Population p = Population.assign(clients, resolvers, new RandomStreams(seed));
      double[] expected = new double[1000];
      long[] observed = new long[1000];
      for (int r = 0; r < 1000; r++) {
        expected[r] = r < 600 ? 1_000_000 * 0.75 / 600 : 1_000_000 * 0.25 / 400;
        observed[r] = p.count(r, 1);
      }
      assertThat(java.util.Arrays.stream(observed).sum()).isEqualTo(1_000_000);
      assertThat(new org.apache.commons.math3.stat.inference.ChiSquareTest().chiSquareTest(expected, observed))
          .as("seed %d", seed).isGreaterThan(0.001);
      int few = 0;
      for (int r = 0; r < 1000; r++) {
        few += p.count(r, 0);
      }
      assertThat(few).isEqualTo(10);
    }
  }

  /** A resolver group without a share gets none of a group's clients, and one alone gets them all. */
  @Test
  void aSingleResolverGroupWithAShareTakesEveryClient() {
    List<ClientGroup> clients = List.of(group("only-public", 1001, Map.of("public", 0.5), ClientBehaviour.PLAIN,
        "www.example.com."));
    Population p = Population.assign(clients, RESOLVERS, new RandomStreams(3));
    assertThat(p.count(0, 0) + p.count(1, 0) + p.count(2, 0)).isZero();
    assertThat(p.count(3, 0) + p.count(4, 0)).isEqualTo(1001);
  }

  @Test
  void theSameStreamsGiveTheSamePopulation() {
    Population a = Population.assign(CLIENTS, RESOLVERS, new RandomStreams(7));
    Population b = Population.assign(CLIENTS, RESOLVERS, new RandomStreams(7));
    for (int r = 0; r < a.resolvers(); r++) {
      for (int g = 0; g < a.groups(); g++) {
        assertThat(b.count(r, g)).isEqualTo(a.count(r, g));
      }
    }
  }
}
