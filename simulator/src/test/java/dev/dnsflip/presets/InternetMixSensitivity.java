package dev.dnsflip.presets;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import dev.dnsflip.simulation.TestScenarios;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.xbill.DNS.Type;

/**
 * One-at-a-time sensitivity of a transition's headline figures to the internet mix's parameters
 * (docs/POPULATION.md, section 6): the default Auto TTL of 300 s, switch at 10 min, 70 minutes
 * observed after it so a 3600 s floor's tail ends inside the window; 10,000 clients of the mix at
 * 1 query/min behind scale 5 (500 resolvers); every variant runs with the same seeds (common random
 * numbers), so the differences are not seed noise. Not part of the build (a few minutes of two
 * cores); run it with
 * {@code mvn -o -q -pl simulator -am test -Dtest=InternetMixSensitivity -Ddnsflip.sensitivity=true -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "dnsflip.sensitivity", matches = "true")
class InternetMixSensitivity {
  private static final long[] SEEDS = {300, 301, 302, 303, 304, 305, 306, 307, 308, 309, 310, 311, 312, 313, 314, 315};

  @Test
  void headlineFiguresUnderOneAtATimePerturbations() {
    InternetMix.Parameters f = InternetMix.Parameters.FITTED;
    Map<String, InternetMix.Parameters> variants = new LinkedHashMap<>();
    variants.put("fitted", f);
    variants.put("P1 public farms 20 -> 10", with(f, 3, 3, 2, 2, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1, 0,
        f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P1 public farms 20 -> 30", with(f, 11, 11, 4, 4, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1,
        0, f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P3 ISP pools 17 -> 7", with(f, 7, 7, 3, 3, 7, f.homeRouters(), f.serveStale(), 3, 3, 1, 0, f.floor3600(),
        f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P3 ISP pools 17 -> 27", with(f, 7, 7, 3, 3, 27, f.homeRouters(), f.serveStale(), 3, 3, 1, 0,
        f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P5 home routers 15 -> 5", with(f, 7, 7, 3, 3, f.ispPools(), 5, f.serveStale(), 3, 3, 1, 0, f.floor3600(),
        f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P5 home routers 15 -> 25", with(f, 7, 7, 3, 3, f.ispPools(), 25, f.serveStale(), 3, 3, 1, 0,
        f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P6 enterprise BIND 5 -> 0", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1,
        0, f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), 0));
    variants.put("P6 enterprise BIND 5 -> 10", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3,
        1, 0, f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), 10));
    variants.put("P7 serve-stale 2 -> 0", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), 0, 3, 3, 1, 0, f.floor3600(),
        f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P7 serve-stale 2 -> 5", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), 5, 3, 3, 1, 0, f.floor3600(),
        f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P8 floors <= 300 s 7 -> 0", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 0, 0, 0,
        0, f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P8 floors <= 300 s 7 -> 14", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 6, 6,
        2, 0, f.floor3600(), f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P9 floor 3600 s 3 -> 1", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1, 0,
        1, f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("P9 floor 3600 s 3 -> 5", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1, 0,
        5, f.keepAliveShare(), f.keepAliveMeanMs(), f.enterprise()));
    variants.put("C2 keep-alive 2% -> 0%", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1, 0,
        f.floor3600(), 0.0, f.keepAliveMeanMs(), f.enterprise()));
    variants.put("C2 keep-alive 2% -> 5%", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3, 3, 1, 0,
        f.floor3600(), 0.05, f.keepAliveMeanMs(), f.enterprise()));
    variants.put("C3 keep-alive life 2 -> 10 min", with(f, 7, 7, 3, 3, f.ispPools(), f.homeRouters(), f.serveStale(), 3,
        3, 1, 0, f.floor3600(), f.keepAliveShare(), 600_000, f.enterprise()));

    System.out.println("| variant | lastStale.p99 (s) | lastStale.max (s) | stale share at 1 min | stale share at 5 min |");
    System.out.println("|---|---|---|---|---|");
    for (Map.Entry<String, InternetMix.Parameters> v : variants.entrySet()) {
      SummaryStatistics[] h = headline(v.getValue());
      System.out.printf("| %s | %.0f | %.0f | %.2f%% | %.2f%% |%n", v.getKey(), h[0].getMean(), h[1].getMean(),
          100 * h[2].getMean(), 100 * h[3].getMean());
      if (v.getKey().equals("fitted")) {
        // The seeds' standard error: a variant's difference smaller than about twice this is noise.
        double n = Math.sqrt(SEEDS.length);
        System.out.printf("| (standard error over the seeds) | %.0f | %.0f | %.2f | %.2f |%n",
            h[0].getStandardDeviation() / n, h[1].getStandardDeviation() / n, 100 * h[2].getStandardDeviation() / n,
            100 * h[3].getStandardDeviation() / n);
      }
    }
  }

  /** {lastStale.p99 s, lastStale.max s, stale share at [60 s, 65 s), at [300 s, 305 s)} over the seeds. */
  private static SummaryStatistics[] headline(InternetMix.Parameters p) {
    SummaryStatistics[] stats = {new SummaryStatistics(), new SummaryStatistics(), new SummaryStatistics(),
        new SummaryStatistics()};
    for (long seed : SEEDS) {
      EventReport e = new Simulation(transition(p, seed), 2).run().events().get(0);
      stats[0].addValue(e.metric("lastStale.p99").estimate().mean() / 1000);
      stats[1].addValue(e.metric("lastStale.max").estimate().mean() / 1000);
      stats[2].addValue(e.series().share(12));
      stats[3].addValue(e.series().share(60));
    }
    return stats;
  }

  private static Scenario transition(InternetMix.Parameters p, long seed) {
    Account account = new Account(List.of(TestScenarios.zone("example.com",
        TestScenarios.a("www.example.com", "192.0.2.10", 1, true))), 300, Account.defaultAnycastV4(),
        Account.defaultAnycastV6(), new SwitchSettings(true, false), List.of());
    List<WeightedQuestion> questions = List.of(new WeightedQuestion(TestScenarios.question("www.example.com", Type.A), 1));
    return new Scenario("sensitivity", "", seed, 1, 80 * 60_000L, 5_000, InitialCache.STEADY, account, 2,
        new Propagation.Fixed(0), TestScenarios.schedule(600_000), InternetMix.resolvers(5, p),
        InternetMix.clients(10_000, 1.0 / 60, questions, p), List.of());
  }

  private static InternetMix.Parameters with(InternetMix.Parameters f, int pub, int cap21600, int cap43200, int cap3600,
      int pools, int home, int serveStale, int floor30, int floor60, int floor300, int floor900, int floor3600,
      double keepAlive, long keepAliveMs, int enterprise) {
    return new InternetMix.Parameters(pub, cap21600, cap43200, cap3600, home, enterprise, serveStale, pools, floor30,
        floor60, floor300, floor900, floor3600, keepAlive, keepAliveMs);
  }
}
