package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientState;
import dev.dnsflip.engine.EventCalendar;
import dev.dnsflip.engine.ExponentialDraw;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.resolver.AuthorityUpstream;
import dev.dnsflip.resolver.CachingResolver;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.LogicResolver;
import dev.dnsflip.resolver.ResolverFarm;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ResolverNode;
import dev.dnsflip.resolver.Resolution;
import dev.dnsflip.resolver.SteadyState;
import dev.dnsflip.resolver.Upstream;
import java.util.SplittableRandom;

/**
 * One resolver tree (a resolver that asks the authority, and every forwarder that leads to it)
 * with all their clients: independent of every other partition, so partitions run in parallel
 * and their results merge exactly. The Poisson clients of a partition form one Poisson stream
 * (superposition); each query picks its resolver and client group by their rates, its client
 * uniformly and its question by weight (thinning) — exact for Poisson clients, whose state
 * (cache, connection) is then consulted.
 * A client on a fixed schedule has an event of its own instead, repeated every period.
 */
final class Partition {
  private static final int NONE = Upstream.FAILED;
  /** Event kinds: the next query of a Poisson stream, the next use of a client on a fixed schedule. */
  private static final int POISSON = 0;
  private static final int SCHEDULED = 1;

  private final RunContext ctx;
  private final int[] resolvers;
  private final ClientState clientState;
  private final AnswerTable table;
  private ResolverNode[] nodes;
  private CachingResolver[] bare; // per node: itself when a bare cache, whose plain hits are inlined; else null
  private SplittableRandom random;
  private final Holders.LetGo letGo;
  private Holders holders;
  private long startMs; // this partition's own start: its settle period before 0, or the run's start
  private boolean watched; // nodes wrapped to see every hand-out of a revealed answer

  Partition(RunContext ctx, int[] resolvers, ClientState clientState) {
    this(ctx, resolvers, clientState, null);
  }

  /** {@code letGo}: also told each client's and resolver's last use of a revealed answer (tests), or null. */
  Partition(RunContext ctx, int[] resolvers, ClientState clientState, Holders.LetGo letGo) {
    this.ctx = ctx;
    this.letGo = letGo;
    this.resolvers = resolvers;
    this.clientState = clientState;
    this.table = ctx.table;
  }

  void run(Tally tally, ClientRecord record) {
    random = ctx.streams.stream(RandomStreams.RESOLVER, resolvers[0]);
    startMs = ctx.startOf(resolvers);
    holders = new Holders(ctx, resolvers, ctx.revealedItemOf);
    boolean skip = SkipAhead.reason(ctx, resolvers) == null;
    // A resolver's hand-outs are its clients' lookups, which the loop below sees, unless
    // forwarders ask it or clients' own state stands between: only then are nodes wrapped (one
    // more virtual call a lookup). Skipping ahead needs the bare cache.
    watched = !skip && ctx.anyRevealed && (resolvers.length > 1 || clientState != null);
    boolean direct = !skip && ctx.anyRevealed && !watched;
    buildNodes();
    if (clientState != null && ctx.scenario.initialCache().mode() == InitialCache.Mode.STEADY) {
      ClientCacheFill.fill(ctx, resolvers, clientState, startMs);
    }
    AnswerTracker answers = new AnswerTracker(ctx, resolvers, tally);
    if (skip) {
      new SkipAhead(ctx, resolvers[0], startMs, (CachingResolver) nodes[0], random, tally, record, holders, answers)
          .run();
      end(tally, record, answers);
      return;
    }
    Streams streams = Streams.of(ctx, resolvers, clientState);
    EventCalendar calendar = new EventCalendar();
    // Only clients on fixed schedules need the calendar; without them the next use is the Poisson
    // stream's, in the same order and with the same draws.
    boolean onCalendar = false; // known before schedule(), so the Poisson event is the calendar's first, as it was
    for (int s = 0; s < streams.count(); s++) {
      onCalendar |= streams.members()[s] > 0 && ctx.everyMs[streams.groupOf()[s]] > 0;
    }
    long end = ctx.endMs;
    Arrivals arrivals = new Arrivals(ctx, resolvers, streams, startMs, end);
    if (onCalendar && arrivals.time() < end) {
      calendar.schedule(arrivals.time(), POISSON, -1);
    }
    int[][] scheduled = schedule(calendar, streams.members());
    loop(tally, record, answers, direct, streams, arrivals, calendar, scheduled, onCalendar);
    end(tally, record, answers);
  }

  /**
   * Every use is in: the holders and the answers are told to the tally, and this partition's
   * clients' cells in the record are made ready and counted (see ClientRecord), on this worker.
   */
  private void end(Tally tally, ClientRecord record, AnswerTracker answers) {
    holders.addTo(tally, ctx.scenario.bucketMs(), letGo);
    answers.finish();
    for (int r : resolvers) {
      record.ready(ctx.population.first(r, 0), ctx.population.first(r + 1, 0));
    }
  }

  /**
   * Every use, one by one: a method of its own, so the JIT spends its inlining budget on the
   * loop, not on the set-up around it.
   */
  private void loop(Tally tally, ClientRecord record, AnswerTracker answers, boolean direct, Streams streams,
      Arrivals arrivals, EventCalendar calendar, int[][] scheduled, boolean onCalendar) {
    int[] pair = streams.pair();
    int[] resolverOf = streams.resolverOf();
    int[] groupOf = streams.groupOf();
    ClientBehaviour[] behaviours = streams.behaviours();
    boolean[] stateless = streams.stateless();
    boolean[] dualStack = streams.dualStack();
    RestartClock restarts = new RestartClock(ctx, resolvers, startMs);
    long end = ctx.endMs;
    long[] eventAt = ctx.eventAt;
    int events = eventAt.length;
    int current = -1;
    long bucketMs = ctx.scenario.bucketMs();
    // The switch in force, its setting and the bucket hold until the next switch or bucket edge:
    // worked out there, not per use.
    long edge = 0;
    boolean enabled = ctx.initiallyEnabled;
    int bucket = 0;
    while (onCalendar ? !calendar.isEmpty() && calendar.peekTime() < end : arrivals.time() < end) {
      long t;
      boolean onSchedule;
      int k;
      if (onCalendar) {
        calendar.poll();
        t = calendar.time();
        onSchedule = calendar.kind() == SCHEDULED;
        k = calendar.payload();
      } else {
        t = arrivals.time();
        onSchedule = false;
        k = -1;
      }
      restarts.advance(t, nodes);
      int s = onSchedule ? scheduled[0][k] : arrivals.stream();
      int i = resolverOf[s];
      int g = groupOf[s];
      int client = onSchedule ? scheduled[1][k] : arrivals.client();
      int q = onSchedule ? ctx.questionOf[g][ctx.questionPick[g].sample(random)] : arrivals.question();
      long used = stateless[g] ? lookup(i, q, t, client)
          : use(i, behaviours[g], clientState.base(resolvers[i], g, client), g, client, q, t);
      if (direct) {
        holders.handOut(i, t, used);
      }
      if (t >= 0) {
        if (t >= edge) {
          while (current + 1 < events && t >= eventAt[current + 1]) {
            current++;
          }
          enabled = ctx.settingAt(current);
          edge = current + 1 < events ? eventAt[current + 1] : Long.MAX_VALUE;
          if (current >= 0) {
            bucket = (int) ((t - eventAt[current]) / bucketMs);
            edge = Math.min(edge, eventAt[current] + (bucket + 1) * bucketMs);
          }
        }
        answers.query(i, client, t, pair[s], !Resolution.failed(used));
        if (Resolution.failed(used)) {
          tally.failure();
        } else {
          int intended = dualStack[g] ? intendedDual(q, enabled) : table.intendedProvenance(q, enabled);
          boolean stale = table.provenance(Resolution.answer(used)) != intended;
          boolean hit = Resolution.hit(used);
          if (current < 0) {
            tally.query(hit);
          } else {
            long offset = t - eventAt[current];
            tally.use(current, offset, bucket, q, stale, hit, pair[s], Resolution.answer(used));
            record.use(client, current, offset, stale);
            holders.use(i, client, current, offset, Resolution.answer(used));
          }
        }
      }
      if (onSchedule) {
        calendar.schedule(t + ctx.everyMs[g], SCHEDULED, k);
      } else {
        arrivals.advance();
        if (onCalendar && arrivals.time() < end) {
          calendar.schedule(arrivals.time(), POISSON, -1);
        }
      }
    }
  }

  /** A lookup at partition resolver i, a plain hit of a bare cache taken without a call. */
  private long lookup(int i, int q, long t, int client) {
    CachingResolver cache = bare[i];
    long found = cache == null ? Resolution.FAILED : cache.freshAnswer(q, t);
    return found != Resolution.FAILED ? found : nodes[i].lookup(q, t, client);
  }

  /**
   * The first use at or after the start of every client on a fixed schedule, as a calendar event
   * whose payload indexes the returned [stream][k] and [client][k].
   */
  private int[][] schedule(EventCalendar calendar, int[] members) {
    int groups = ctx.population.groups();
    int total = 0;
    for (int s = 0; s < members.length; s++) {
      total += ctx.everyMs[s % groups] > 0 ? members[s] : 0;
    }
    int[][] scheduled = new int[2][total];
    int k = 0;
    for (int s = 0; s < members.length; s++) {
      int i = s / groups;
      int g = s % groups;
      for (int m = 0; ctx.everyMs[g] > 0 && m < members[s]; m++) {
        int client = ctx.population.member(resolvers[i], g, m);
        scheduled[0][k] = s;
        scheduled[1][k] = client;
        calendar.schedule(ctx.firstUseMs(g, client, startMs), SCHEDULED, k++);
      }
    }
    return scheduled;
  }

  /**
   * A use by a client with state (its first slot {@code base}): open connection, then its own
   * cache, then its resolver. A hit is a use answered without a resolver fetch beyond the client
   * or a resolver cache.
   */
  private long use(int i, ClientBehaviour behaviour, int base, int g, int client, int q, long t) {
    if (behaviour.connectionMeanMs() > 0) {
      int ci = clientState.index(base, g, q);
      if (t < clientState.connectedUntil(ci)) {
        int a = clientState.connected(ci);
        return Resolution.of(a, true, 0);
      }
      long found = behaviour.dualStack() ? lookupDual(i, behaviour.cache(), base, g, client, q, t)
          : lookup(i, behaviour.cache(), base, g, client, q, t);
      if (!Resolution.failed(found)) {
        long life = (long) Math.ceil(exponential() * behaviour.connectionMeanMs());
        clientState.connect(ci, Resolution.answer(found), t + life);
      }
      return found;
    }
    return behaviour.dualStack() ? lookupDual(i, behaviour.cache(), base, g, client, q, t)
        : lookup(i, behaviour.cache(), base, g, client, q, t);
  }

  /** Dual stack: AAAA when it has addresses, else A; a hit only when both lookups were. */
  private long lookupDual(int i, ClientCache cache, int base, int g, int client, int q, long t) {
    long v6 = lookup(i, cache, base, g, client, ctx.siblingAaaa[q], t);
    if (!Resolution.failed(v6) && table.answer(Resolution.answer(v6)).kind() == AnswerKind.DATA) {
      return v6;
    }
    long v4 = lookup(i, cache, base, g, client, ctx.siblingA[q], t);
    return Resolution.withHit(v4, Resolution.hit(v4) && Resolution.hit(v6)); // a failed lookup is no hit
  }

  private int intendedDual(int q, boolean enabled) {
    int v6 = table.intendedProvenance(ctx.siblingAaaa[q], enabled);
    return v6 != Provenance.NEGATIVE.ordinal() ? v6 : table.intendedProvenance(ctx.siblingA[q], enabled);
  }

  /** One question through the client's cache. */
  private long lookup(int i, ClientCache cache, int base, int g, int client, int q, long t) {
    if (cache instanceof ClientCache.None) {
      return lookup(i, q, t, client);
    }
    int ci = clientState.index(base, g, q);
    long until = clientState.cachedUntil(ci);
    if (t < until) {
      return Resolution.of(clientState.cached(ci), true, 0); // no resolver passed a TTL on
    }
    if (clientState.cached(ci) != NONE && t < until + cache.graceMs()) {
      // Grace: use the expired entry once more and revalidate behind it.
      int old = clientState.cached(ci);
      long fresh = lookup(i, q, t, client);
      if (!Resolution.failed(fresh)) {
        store(cache, ci, fresh, t);
      }
      return Resolution.of(old, true, 0);
    }
    long fetched = lookup(i, q, t, client);
    if (!Resolution.failed(fetched)) {
      store(cache, ci, fetched, t);
    }
    return fetched;
  }

  private void store(ClientCache cache, int ci, long resolution, long t) {
    int a = Resolution.answer(resolution);
    boolean negative = table.provenance(a) == Provenance.NEGATIVE.ordinal();
    long life = cache.lifetimeMs(Resolution.ttlMs(resolution), negative);
    clientState.cache(ci, a, t + life);
  }

  private void buildNodes() {
    nodes = new ResolverNode[resolvers.length];
    bare = new CachingResolver[resolvers.length];
    AuthorityUpstream authority = new AuthorityUpstream(table, ctx.timeline, ctx.outages, random);
    boolean steady = ctx.scenario.initialCache().mode() == InitialCache.Mode.STEADY;
    for (int i = 0; i < resolvers.length; i++) {
      int r = resolvers[i];
      ResolverGroup group = ctx.scenario.resolverGroups().get(ctx.groupOfResolver[r]);
      Upstream upstream = authority;
      if (ctx.upstreamOf[r] >= 0) {
        upstream = nodes[indexOf(ctx.upstreamOf[r])];
      }
      CachingResolver[] backends = new CachingResolver[group.backends()];
      ResolverNode[] logic = group.logic() == null ? null : new ResolverNode[backends.length];
      for (int b = 0; b < backends.length; b++) {
        if (logic == null) {
          backends[b] = new CachingResolver(table, group.behaviour(), upstream);
        } else {
          // Through the resolver SPI; only the model has a cache to fill (a user's logic starts cold).
          LogicResolver node = LogicResolver.of(table, group, upstream);
          logic[b] = node;
          backends[b] = node.modelCache();
        }
      }
      if (steady) {
        double[] rates = ctx.questionRates(r);
        for (int j = i + 1; j < resolvers.length; j++) {
          // Forwarders below add their clients' lookups (an overestimate the settle period absorbs).
          if (leadsTo(resolvers[j], r)) {
            double[] more = ctx.questionRates(resolvers[j]);
            for (int q = 0; q < rates.length; q++) {
              rates[q] += more[q];
            }
          }
        }
        for (int q = 0; q < rates.length; q++) {
          rates[q] /= backends.length;
        }
        double[] slotRates = SteadyState.slotRates(table, rates, ctx.initiallyEnabled);
        for (CachingResolver backend : backends) {
          if (backend != null) {
            SteadyState.fill(backend, table, slotRates, ctx.stationary.keptMs(ctx.groupOfResolver[r]),
                ctx.initiallyEnabled, startMs, random);
          }
        }
        if (table.anyPerClient() && logic == null) {
          PerClientFill.fill(ctx, resolvers, i, backends, startMs, random);
        }
      }
      ResolverNode[] built = logic == null ? backends : logic;
      ResolverNode node = built.length == 1 ? built[0] : new ResolverFarm(table, built, group.choice(), random);
      nodes[i] = watched ? holders.watch(i, node) : node;
      bare[i] = nodes[i] instanceof CachingResolver c ? c : null;
    }
  }

  private boolean leadsTo(int from, int to) {
    for (int x = ctx.upstreamOf[from]; x >= 0; x = ctx.upstreamOf[x]) {
      if (x == to) {
        return true;
      }
    }
    return false;
  }

  private int indexOf(int resolver) {
    for (int i = 0; i < resolvers.length; i++) {
      if (resolvers[i] == resolver) {
        return i;
      }
    }
    throw new IllegalStateException("resolver " + resolver + " is not in this partition");
  }

  /** Exp(1). */
  private double exponential() {
    return ExponentialDraw.standard(random);
  }
}
