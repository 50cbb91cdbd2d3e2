package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.NameserverTimeline;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.ClientState;
import dev.dnsflip.resolver.BackendChoice;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.client.Population;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.engine.WorkerPool;
import dev.dnsflip.observe.AnswerStats;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.ClosedFormPoint;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.Readiness;
import dev.dnsflip.observe.RunSummary;
import dev.dnsflip.observe.SwitchReadiness;
import dev.dnsflip.observe.StaleSeries;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.observe.TransitionStats;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Runs a scenario: for each replication, one partition per resolver (with its clients), run in
 * parallel on {@code threads} workers, then merged into a {@link RunResult}. Every random draw
 * comes from a stream keyed by (seed, replication, entity), and merging only adds integers, so the
 * result does not depend on the thread count. Report concerns (checked expectations, where an
 * imported account came from) are the harness's: it attaches them to the result.
 */
public final class Simulation {
  private final Scenario scenario;
  private final int threads;
  private final Mode mode;
  private final AnswerTable table;
  private final Revealed revealed;

  public Simulation(Scenario scenario, int threads) {
    this(scenario, threads, Mode.AUTO);
  }

  public Simulation(Scenario scenario, int threads, Mode mode) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
    this.scenario = scenario;
    this.threads = threads;
    this.mode = java.util.Objects.requireNonNull(mode, "mode");
    this.table = AnswerTable.build(new Authority(scenario.account()), clientQuestions(scenario));
    this.revealed = Revealed.of(table);
  }

  public Scenario scenario() {
    return scenario;
  }

  public AnswerTable table() {
    return table;
  }

  public Mode mode() {
    return mode;
  }

  /** How the first replication's partitions would run, known before running them (the population is drawn). */
  public PartitionModes partitionModes() {
    return PartitionModes.of(context(0));
  }

  /**
   * Runs every replication and returns what they observed. Holds no state between calls: the
   * same instance gives an equal result each time.
   */
  public RunResult run() {
    return observe(null);
  }

  /**
   * Partitions in every replication: one per resolver that asks the authority itself (with the
   * resolvers that forward to it), so the same count whatever the replication draws.
   */
  public int partitionCount() {
    return scenario.resolverGroups().stream().filter(g -> !g.isForwarder()).mapToInt(ResolverGroup::count).sum();
  }

  /**
   * Runs one range of partitions by itself, exactly as {@link #run()} runs them within their
   * replication: every draw is keyed by (seed, replication, entity), so a range run on another
   * machine, from the same scenario, observes the same. {@link #merge} puts ranges together.
   */
  public PartitionOutcome run(PartitionRange range) {
    RunContext ctx = context(range.replication());
    if (range.to() > ctx.partitions.size()) {
      throw new IllegalArgumentException(range + " past the " + ctx.partitions.size() + " partitions");
    }
    ClientState clientState = ctx.newClientState();
    java.util.BitSet owned = new java.util.BitSet(ctx.population.resolvers());
    for (int p = range.from(); p < range.to(); p++) {
      for (int r : ctx.partitions.get(p)) {
        owned.set(r);
      }
    }
    // Cells for the range's clients only: from its first resolver's first client to its last one's last.
    ClientRecord record = ClientRecord.window(ctx.population.first(owned.nextSetBit(0), 0),
        ctx.population.first(owned.length(), 0), scenario.schedule().events().size());
    Tally tally = newTally(ctx);
    for (int p = range.from(); p < range.to(); p++) {
      new Partition(ctx, ctx.partitions.get(p), clientState).run(tally, record);
    }
    return PartitionOutcome.of(range, tally, record, ctx.population, owned);
  }

  /**
   * The result of a run whose partitions ran apart ({@link #run(PartitionRange)}): equal to
   * {@link #run()}'s, given outcomes that cover every partition of every replication once.
   */
  public RunResult merge(List<PartitionOutcome> outcomes) {
    List<List<PartitionOutcome>> byReplication = new ArrayList<>();
    for (int rep = 0; rep < scenario.replications(); rep++) {
      byReplication.add(new ArrayList<>());
    }
    for (PartitionOutcome o : outcomes) {
      if (o.range().replication() >= byReplication.size()) {
        throw new IllegalArgumentException(o.range() + " past the " + byReplication.size() + " replications");
      }
      byReplication.get(o.range().replication()).add(o);
    }
    return observe((rep, ctx, record) -> {
      List<PartitionOutcome> mine = byReplication.get(rep);
      mine.sort(java.util.Comparator.comparingInt(o -> o.range().from()));
      int covered = 0;
      Tally total = newTally(ctx);
      for (PartitionOutcome o : mine) {
        if (o.range().from() != covered) {
          throw new IllegalArgumentException("replication " + rep + ": partitions from " + covered + " missing or twice");
        }
        o.addTo(total, record);
        covered = o.range().to();
      }
      if (covered != ctx.partitions.size()) {
        throw new IllegalArgumentException("replication " + rep + ": " + covered + " of " + ctx.partitions.size()
            + " partitions merged");
      }
      return total;
    });
  }

  /** How the partitions of one replication ran elsewhere: they add to its client record and return their tally. */
  private interface ReplicationRunner {
    Tally run(int replication, RunContext ctx, ClientRecord record);
  }

  /**
   * Every replication in order, its partitions run on the thread pool, or by {@code elsewhere}
   * when given, observed and merged.
   */
  private RunResult observe(ReplicationRunner elsewhere) {
    List<SwitchEvent> events = scenario.schedule().events();
    List<String> questionNames = new ArrayList<>();
    for (int q = 0; q < table.questionCount(); q++) {
      questionNames.add(table.question(q).toString());
    }
    RunContext shape = null;
    List<TransitionStats> stats = new ArrayList<>();
    List<ReadinessStats> readiness = new ArrayList<>();
    List<ClosedForm> closedForms = new ArrayList<>();
    List<long[]> closedFormOffsets = new ArrayList<>();
    long maxDelayMs = 0;
    long queries = 0;
    long hits = 0;
    PartitionModes modes = new PartitionModes(0, java.util.Map.of());
    AnswerStats answers = answerStats();
    ExecutorService pool = WorkerPool.pool();
    ExecutorService observer = threads > 1 ? pool : null; // the observation's helper
    PartitionQueue queue = elsewhere == null ? new PartitionQueue(this::context, rep -> newTally(shapeOf(rep)),
        scenario.replications(), events.size(), threads, pool) : null;
    try {
      for (int rep = 0; rep < scenario.replications(); rep++) {
        RunContext ctx;
        ClientRecord record;
        Tally tally;
        if (queue != null) {
          PartitionQueue.Done done = queue.take(rep);
          ctx = done.ctx();
          record = done.record();
          tally = done.tally();
        } else {
          ctx = context(rep);
          record = new ClientRecord(ctx.population.clients(), events.size());
          tally = elsewhere.run(rep, ctx, record);
        }
        Population population = ctx.population;
        maxDelayMs = Math.max(maxDelayMs, ctx.timeline.maxDelayMs());
        if (shape == null) {
          shape = ctx;
          for (int e = 0; e < events.size(); e++) {
            stats.add(new TransitionStats(e, events.get(e).direction(), ctx.eventAt[e], ctx.windowEnd[e],
                scenario.bucketMs(), ctx.buckets[e], questionNames, blamePairs()));
            readiness.add(new ReadinessStats(e, events.get(e).direction(), ctx.windowEnd[e] - ctx.eventAt[e],
                scenario.bucketMs(), ctx.buckets[e], revealed, scenario.origins()));
            long[] offsets = ClosedForm.offsetsFor(table, ctx.settingAt(e - 1), ctx.settingAt(e),
                ctx.windowEnd[e] - ctx.eventAt[e], scenario.bucketMs(), scenario.propagation().meanMs());
            closedFormOffsets.add(offsets);
            closedForms.add(new ClosedForm(table, offsets, scenario.bucketMs()));
          }
        }
        queries += tally.queries();
        hits += tally.hits();
        answers.add(tally);
        modes = modes.plus(PartitionModes.of(ctx));
        for (int e = 0; e < events.size(); e++) {
          stats.get(e).add(tally, record, observer);
          readiness.get(e).add(tally);
          for (int r = 0; r < population.resolvers() && isPlain(); r++) {
            closedForms.get(e).add(ctx.questionRates(r), ctx.settingAt(e - 1), ctx.settingAt(e),
                scenario.propagation().meanMs());
          }
        }
        if (queue != null) {
          queue.release(rep);
        }
      }
    } finally {
      if (queue != null) {
        queue.stop(); // its workers leave, even when this thread failed while they waited
      }
    }
    List<EventReport> eventReports = new ArrayList<>();
    for (int e = 0; e < events.size(); e++) {
      StaleSeries series = stats.get(e).series();
      String note = closedFormNote(e);
      long[] offsets = note == null ? closedFormOffsets.get(e) : new long[0];
      List<ClosedFormPoint> points = new ArrayList<>();
      for (int i = 0; i < offsets.length; i++) {
        int b = (int) (offsets[i] / scenario.bucketMs());
        points.add(new ClosedFormPoint(offsets[i], closedForms.get(e).predicted(i), series.share(b)));
      }
      eventReports.add(stats.get(e).report(points, note));
    }
    List<SwitchReadiness> switches = new ArrayList<>();
    for (int e = 0; e < events.size(); e++) {
      boolean before = e == 0 ? scenario.schedule().initiallyEnabled() : events.get(e - 1).direction().settingAfter();
      switches.add(readiness.get(e).report(TailCauses.of(table, scenario, eventReports.get(e), before,
          maxDelayMs, scenario.bucketMs())));
    }
    RunSummary summary = new RunSummary(scenario.clientCount(), scenario.resolverCount(), scenario.nameservers(),
        maxDelayMs, queries, hits, queries == 0 ? 0 : (double) hits / queries,
        modes.skippingAhead(), modes.eventByEvent(), modes.eventByEventBecause());
    return new RunResult(summary, eventReports,
        new Readiness(scenario.bucketMs(), TailCauses.excluded(scenario.account()), switches), answers.report());
  }

  /**
   * Why the closed form does not apply to event {@code e}, or null when it does. It assumes the
   * replaced answers sat in stationary caches: true for the first event (caches start stationary),
   * but not when the previous switch came less than the replaced TTL before — those entries were
   * all fetched in a burst after it.
   */
  private String closedFormNote(int e) {
    if (table.anyPerClient()) {
      return "the closed form sums shared entries per cache; clients here ask names of their own";
    }
    if (!isPlain()) {
      return "the closed form covers TTL-honouring resolvers and clients without caches only";
    }
    if (e == 0) {
      return null;
    }
    List<SwitchEvent> events = scenario.schedule().events();
    boolean before = events.get(e - 1).direction().settingAfter();
    long gap = events.get(e).atMs() - events.get(e - 1).atMs();
    long longest = ClosedForm.longestReplacedTtlMs(table, before, !before);
    if (gap < 2 * longest) {
      return "the previous switch was " + dev.dnsflip.engine.Durations.format(gap) + " earlier, less than twice the "
          + "longest replaced TTL (" + dev.dnsflip.engine.Durations.format(longest) + "): the replaced answers were "
          + "fetched together after it, so the caches were not stationary";
    }
    return null;
  }

  /**
   * Whether every resolver is a plain TTL-honouring cache asking the authority and every client is
   * plain: then caches start exactly stationary and the closed form applies.
   */
  boolean isPlain() {
    return scenario.resolverGroups().stream().allMatch(g -> g.behaviour().equals(ResolverBehaviour.TTL_HONOURING)
            && !g.runsOwnLogic()
            && !g.isForwarder() && (g.backends() == 1 || g.choice() == BackendChoice.RANDOM))
        && scenario.clientGroups().stream().allMatch(g -> g.behaviour().isPlain());
  }

  /**
   * Where the run starts at the earliest. A stationary fill is exact only for plain scenarios;
   * otherwise the filled caches then settle before time 0, with nothing observed, for the period
   * {@link StationaryStart} derives from every way an entry can live (floors, whole seconds,
   * stale replies down forwarder chains, client caches and connections), so forwarders, prefetch,
   * serve-stale and client caches reach their own steady state. Each partition settles for its own
   * period ({@link RunContext#startOf}); this is the longest.
   */
  long startMs() {
    InitialCache init = scenario.initialCache();
    if (init.mode() != InitialCache.Mode.STEADY || isPlain()) {
      return init.startMs();
    }
    return -StationaryStart.of(scenario, table).settleMs(scenario);
  }

  private List<String[]> blamePairs() {
    List<String[]> pairs = new ArrayList<>();
    for (ResolverGroup r : scenario.resolverGroups()) {
      for (ClientGroup c : scenario.clientGroups()) {
        pairs.add(new String[] {r.name(), r.kind(), c.name(), c.kind()});
      }
    }
    return pairs;
  }

  /** What every partition of replication {@code rep} shares: its timeline, population and streams. */
  RunContext context(int rep) {
    RandomStreams streams = new RandomStreams(scenario.seed()).replication(rep);
    NameserverTimeline timeline = new NameserverTimeline(scenario.schedule(), scenario.propagation(),
        scenario.nameservers(), streams.stream(RandomStreams.PROPAGATION, 0));
    Population population = Population.assign(scenario.clientGroups(), scenario.resolverGroups(), streams);
    return new RunContext(scenario, table, timeline, population, streams, startMs(), mode, revealed.itemOf());
  }

  private Tally newTally(RunContext ctx) {
    return newTally(ctx.buckets);
  }

  private Tally newTally(int[] buckets) {
    return new Tally(buckets, table.questionCount(), scenario.resolverGroups().size() * scenario.clientGroups().size(),
        revealed.itemOf(), revealed.count(), runBuckets(), scenario.outages().size());
  }

  /** Buckets of the whole observed time [0, duration), aligned to 0. */
  private int runBuckets() {
    return (int) Math.max(1, (scenario.durationMs() + scenario.bucketMs() - 1) / scenario.bucketMs());
  }

  private AnswerStats answerStats() {
    List<AnswerStats.Window> windows = new ArrayList<>();
    for (Outage o : scenario.outages()) {
      windows.add(new AnswerStats.Window(Math.max(0, o.fromMs()), Math.min(scenario.durationMs(), o.toMs()), o.loss(),
          o.nameservers().stream().map(ns -> ns + 1).toList()));
    }
    return new AnswerStats(scenario.bucketMs(), runBuckets(),
        scenario.resolverGroups().stream().map(g -> new String[] {g.name(), g.kind()}).toList(),
        scenario.clientGroups().stream().map(g -> new String[] {g.name(), g.kind()}).toList(), windows);
  }

  /** Buckets per switch event: the same in every replication. */
  private int[] shapeOf(int replication) {
    List<SwitchEvent> events = scenario.schedule().events();
    int[] buckets = new int[events.size()];
    for (int e = 0; e < buckets.length; e++) {
      long end = scenario.windowEndMs(e);
      buckets[e] = (int) Math.max(1, (end - events.get(e).atMs() + scenario.bucketMs() - 1) / scenario.bucketMs());
    }
    return buckets;
  }

  static List<Question> clientQuestions(Scenario scenario) {
    Set<Question> questions = new LinkedHashSet<>();
    for (ClientGroup g : scenario.clientGroups()) {
      for (WeightedQuestion wq : g.questions()) {
        questions.add(wq.question());
      }
    }
    for (ClientGroup g : scenario.clientGroups()) {
      if (g.behaviour().dualStack()) {
        // A dual-stack client asks both families for every name it uses.
        for (WeightedQuestion wq : g.questions()) {
          questions.add(new Question(wq.question().name(), org.xbill.DNS.Type.AAAA));
          questions.add(new Question(wq.question().name(), org.xbill.DNS.Type.A));
        }
      }
    }
    return List.copyOf(questions);
  }
}
