package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Question;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.Population;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.engine.AliasTable;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.resolver.OutageWindows;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.List;
import org.xbill.DNS.Type;

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
  final long[] everyMs; // per group: the period of clients on a fixed schedule, 0 for Poisson clients
  final boolean[] asksOwnNames; // per group: some question is a name of each client's own
  final long[] eventAt;
  final boolean[] settingAfter;
  final long[] windowEnd;
  final int[] buckets;
  final boolean initiallyEnabled;
  final long startMs; // the earliest any partition starts: its own start is startOf(partition)
  final boolean settles; // a steady start whose fill is not exact: each partition settles before 0
  final long endMs;
  final Mode mode;
  final int[] groupOfResolver;
  final int[] upstreamOf; // resolver -> the resolver it forwards to, or -1
  final List<int[]> partitions; // each: a root resolver first, then every resolver forwarding to it
  final int[] siblingA; // question -> (same name, A) or -1
  final int[] siblingAaaa; // question -> (same name, AAAA) or -1
  final OutageWindows outages;
  final boolean needsClientState;
  final boolean clientCaches; // some group has a cache of its own
  final boolean clientConnections; // some group keeps connections open
  final int[][] stateQuestions; // [client group] -> table questions its clients keep state for
  final StationaryStart stationary; // how long each group's entries may live, for a steady fill
  final int[] revealedItemOf; // answer id -> the revealed answer it is (Revealed), or -1
  final boolean anyRevealed; // some answer is revealed: holders are worth watching

  RunContext(Scenario scenario, AnswerTable table, NameserverTimeline timeline, Population population,
      RandomStreams streams, long startMs, Mode mode, int[] revealedItemOf) {
    this.mode = mode;
    this.scenario = scenario;
    this.revealedItemOf = revealedItemOf;
    this.anyRevealed = java.util.Arrays.stream(revealedItemOf).anyMatch(i -> i >= 0);
    this.table = table;
    this.timeline = timeline;
    this.population = population;
    this.streams = streams;
    List<ClientGroup> groups = scenario.clientGroups();
    questionPick = new AliasTable[groups.size()];
    questionOf = new int[groups.size()][];
    questionShare = new double[groups.size()][];
    ratePerMs = new double[groups.size()];
    everyMs = new long[groups.size()];
    asksOwnNames = new boolean[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      List<WeightedQuestion> qs = groups.get(g).questions();
      double[] weights = new double[qs.size()];
      double total = 0;
      questionOf[g] = new int[qs.size()];
      for (int i = 0; i < qs.size(); i++) {
        weights[i] = qs.get(i).weight();
        total += weights[i];
        questionOf[g][i] = table.indexOf(qs.get(i).question());
        asksOwnNames[g] |= table.isPerClient(questionOf[g][i]);
      }
      questionShare[g] = new double[qs.size()];
      for (int i = 0; i < qs.size(); i++) {
        questionShare[g][i] = weights[i] / total;
      }
      questionPick[g] = new AliasTable(weights);
      ratePerMs[g] = groups.get(g).queriesPerSecond() / 1000.0;
      everyMs[g] = groups.get(g).everyMs();
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
      windowEnd[i] = scenario.windowEndMs(i);
      buckets[i] = (int) Math.max(1, (windowEnd[i] - eventAt[i] + scenario.bucketMs() - 1) / scenario.bucketMs());
    }
    initiallyEnabled = scenario.schedule().initiallyEnabled();
    this.startMs = startMs;
    settles = scenario.initialCache().mode() == dev.dnsflip.resolver.InitialCache.Mode.STEADY && startMs < 0;
    stationary = StationaryStart.of(scenario, table);
    endMs = scenario.durationMs();
    List<ResolverGroup> rgs = scenario.resolverGroups();
    int resolvers = population.resolvers();
    groupOfResolver = new int[resolvers];
    int[] firstOfGroup = new int[rgs.size()];
    for (int g = 0, r = 0; g < rgs.size(); g++) {
      firstOfGroup[g] = r;
      for (int i = 0; i < rgs.get(g).count(); i++) {
        groupOfResolver[r++] = g;
      }
    }
    upstreamOf = new int[resolvers];
    for (int r = 0; r < resolvers; r++) {
      ResolverGroup g = rgs.get(groupOfResolver[r]);
      upstreamOf[r] = -1;
      if (g.isForwarder()) {
        int target = indexOfGroup(rgs, g.forwardTo());
        int pick = (int) (streams.uniform(RandomStreams.RESOLVER, r, 1) * rgs.get(target).count());
        upstreamOf[r] = firstOfGroup[target] + pick;
      }
    }
    partitions = partitionsOf(upstreamOf);
    siblingA = new int[table.questionCount()];
    siblingAaaa = new int[table.questionCount()];
    for (int q = 0; q < table.questionCount(); q++) {
      siblingA[q] = indexOrMinusOne(table, new Question(table.question(q).name(), Type.A));
      siblingAaaa[q] = indexOrMinusOne(table, new Question(table.question(q).name(), Type.AAAA));
    }
    List<Outage> os = scenario.outages();
    outages = new OutageWindows(os.stream().mapToLong(Outage::fromMs).toArray(),
        os.stream().mapToLong(Outage::toMs).toArray(), os.stream().mapToDouble(Outage::loss).toArray(),
        os.stream().mapToLong(Outage::nameserverMask).toArray());
    needsClientState = groups.stream().anyMatch(g -> !g.behaviour().isPlain());
    clientCaches = groups.stream().anyMatch(g -> !(g.behaviour().cache() instanceof dev.dnsflip.client.ClientCache.None));
    clientConnections = groups.stream().anyMatch(g -> g.behaviour().connectionMeanMs() > 0);
    stateQuestions = new int[groups.size()][];
    for (int g = 0; g < groups.size(); g++) {
      stateQuestions[g] = stateQuestions(groups.get(g), questionOf[g]);
    }
  }

  /**
   * The questions a client of {@code group} keeps state for: none for a plain client; else those
   * it asks (connections are kept per asked question), and for a dual-stack client both families
   * of each name (its cache holds them apart).
   */
  private int[] stateQuestions(ClientGroup group, int[] asked) {
    if (group.behaviour().isPlain()) {
      return new int[0];
    }
    java.util.Set<Integer> questions = new java.util.LinkedHashSet<>();
    for (int q : asked) {
      questions.add(q);
      if (group.behaviour().dualStack()) {
        questions.add(siblingAaaa[q]);
        questions.add(siblingA[q]);
      }
    }
    return questions.stream().mapToInt(Integer::intValue).toArray();
  }

  private static int indexOfGroup(List<ResolverGroup> groups, String name) {
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).name().equals(name)) {
        return g;
      }
    }
    throw new IllegalArgumentException("unknown resolver group " + name);
  }

  private static int indexOrMinusOne(AnswerTable table, Question q) {
    return table.questions().indexOf(q);
  }

  /**
   * Groups resolvers into trees: a root (asks the authority) and all that forward to it, root first,
   * then by depth and id, so every upstream comes before its forwarders. Sorted as packed longs
   * (root, depth, id): a few bytes per resolver, where boxed maps took a hundred.
   */
  static List<int[]> partitionsOf(int[] upstreamOf) {
    int n = upstreamOf.length;
    long[] keys = new long[n];
    int roots = 0;
    for (int r = 0; r < n; r++) {
      int x = r;
      long depth = 0;
      while (upstreamOf[x] >= 0) {
        x = upstreamOf[x];
        depth++;
      }
      if (depth > 255 || n > 1 << 27) {
        throw new IllegalStateException("forwarder chains deeper than 255 or more than 2^27 resolvers");
      }
      roots += x == r ? 1 : 0;
      keys[r] = (long) x << 36 | depth << 28 | r; // ids below 2^27 keep the key positive
    }
    java.util.Arrays.sort(keys);
    List<int[]> result = new java.util.ArrayList<>(roots);
    for (int i = 0; i < n; ) {
      long root = keys[i] >>> 36;
      int j = i;
      while (j < n && keys[j] >>> 36 == root) {
        j++;
      }
      int[] members = new int[j - i];
      for (int k = i; k < j; k++) {
        members[k - i] = (int) (keys[k] & ((1 << 28) - 1));
      }
      result.add(members);
      i = j;
    }
    return result;
  }

  /** Per-client state for the groups that keep some, or null when none does. */
  dev.dnsflip.client.ClientState newClientState() {
    return needsClientState ? new dev.dnsflip.client.ClientState(population, stateQuestions, table.questionCount(),
        clientCaches, clientConnections) : null;
  }

  /**
   * What running {@code partition} costs, in expected queries' worth: every query event by
   * event; skipping ahead, its draws ({@link SkipAhead#draws}).
   */
  double expectedWork(int[] partition) {
    double span = endMs - (double) startOf(partition);
    double queries = 0;
    for (int r : partition) {
      for (int g = 0; g < questionOf.length; g++) {
        queries += population.count(r, g) * ratePerMs[g] * span;
      }
    }
    if (SkipAhead.reason(this, partition) == null) {
      return SkipAhead.draws(this, partition[0]);
    }
    return queries;
  }

  /** The (resolver group, client group) pair index used for blame. */
  int pair(int resolver, int clientGroup) {
    return groupOfResolver[resolver] * questionOf.length + clientGroup;
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


  /**
   * The phase of a client on group g's fixed schedule: uniform over the whole milliseconds of
   * [0, period), from a stream of the client's own, so it depends on neither thread nor partition.
   */
  long phaseMs(int g, int client) {
    return (long) (streams.uniform(RandomStreams.SCHEDULE, client, 0) * everyMs[g]);
  }

  /** The first use at or after {@code fromMs} (its partition's start) of a client on a fixed schedule. */
  long firstUseMs(int g, int client, long fromMs) {
    long period = everyMs[g];
    long phase = phaseMs(g, client);
    return phase + Math.floorDiv(fromMs - phase + period - 1, period) * period;
  }

  /**
   * Where {@code partition}'s run starts: the run's start, or when caches settle before time 0,
   * the settle period of the partition's own resolver groups and the client groups asking them
   * ({@link StationaryStart}).
   */
  long startOf(int[] partition) {
    if (!settles) {
      return startMs;
    }
    boolean[] resolverGroups = new boolean[scenario.resolverGroups().size()];
    boolean[] clientGroups = new boolean[questionOf.length];
    for (int r : partition) {
      resolverGroups[groupOfResolver[r]] = true;
      for (int g = 0; g < clientGroups.length; g++) {
        clientGroups[g] |= population.count(r, g) > 0;
      }
    }
    return -stationary.settleMs(scenario, resolverGroups, clientGroups);
  }
}
