package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Question;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.Population;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.engine.AliasTable;
import dev.dnsflip.engine.RandomStreams;
import java.util.List;

/** What every partition of one replication shares, read-only. */
final class RunContext {
  final Scenario scenario;
  final AnswerTable table;
  final NameserverTimeline timeline;
  final Population population;
  final RandomStreams streams;
  final AliasTable[] questionPick; // per client group
  final int[][] questionOf; // [group][alias index] -> table question
  final double[][] questionShare; // [group][alias index] -> weight / total
  final double[] ratePerMs; // per client of each group
  final long[] eventAt;
  final boolean[] settingAfter;
  final long[] windowEnd;
  final int[] buckets;
  final boolean initiallyEnabled;
  final long startMs;
  final long endMs;

  RunContext(Scenario scenario, AnswerTable table, NameserverTimeline timeline, Population population,
      RandomStreams streams) {
    this.scenario = scenario;
    this.table = table;
    this.timeline = timeline;
    this.population = population;
    this.streams = streams;
    List<ClientGroup> groups = scenario.clientGroups();
    questionPick = new AliasTable[groups.size()];
    questionOf = new int[groups.size()][];
    questionShare = new double[groups.size()][];
    ratePerMs = new double[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      List<WeightedQuestion> qs = groups.get(g).questions();
      double[] weights = new double[qs.size()];
      double total = 0;
      questionOf[g] = new int[qs.size()];
      for (int i = 0; i < qs.size(); i++) {
        weights[i] = qs.get(i).weight();
        total += weights[i];
        questionOf[g][i] = table.indexOf(qs.get(i).question());
      }
      questionShare[g] = new double[qs.size()];
      for (int i = 0; i < qs.size(); i++) {
        questionShare[g][i] = weights[i] / total;
      }
      questionPick[g] = new AliasTable(weights);
      ratePerMs[g] = groups.get(g).queriesPerSecond() / 1000.0;
    }
    var events = scenario.schedule().events();
    int e = events.size();
    eventAt = new long[e];
    settingAfter = new boolean[e];
    windowEnd = new long[e];
    buckets = new int[e];
    for (int i = 0; i < e; i++) {
      eventAt[i] = events.get(i).atMs();
      settingAfter[i] = events.get(i).direction().settingAfter();
    }
    for (int i = 0; i < e; i++) {
      windowEnd[i] = i + 1 < e ? eventAt[i + 1] : scenario.durationMs();
      buckets[i] = (int) Math.max(1, (windowEnd[i] - eventAt[i] + scenario.bucketMs() - 1) / scenario.bucketMs());
    }
    initiallyEnabled = scenario.schedule().initiallyEnabled();
    startMs = scenario.initialCache().startMs();
    endMs = scenario.durationMs();
  }

  /** Client query rate per ms for each table question at resolver {@code r}. */
  double[] questionRates(int r) {
    double[] rates = new double[table.questionCount()];
    for (int g = 0; g < questionOf.length; g++) {
      double groupRate = population.count(r, g) * ratePerMs[g];
      if (groupRate == 0) {
        continue;
      }
      for (int i = 0; i < questionOf[g].length; i++) {
        rates[questionOf[g][i]] += groupRate * questionShare[g][i];
      }
    }
    return rates;
  }

  boolean settingAt(int event) {
    return event < 0 ? initiallyEnabled : settingAfter[event];
  }

}
