package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.engine.BinomialDraw;
import dev.dnsflip.engine.ExponentialDraw;
import dev.dnsflip.engine.PoissonDraw;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.engine.UniformIndex;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import dev.dnsflip.resolver.CachingResolver;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.Resolution;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A partition run without simulating each cache hit, exact in distribution: between two changes
 * of what a question's lookup returns (an expiry along its chain, a store) every use is a hit
 * with the same answer. The uses of question q form a Poisson process of rate Λ_q (all clients of
 * all groups at the resolver), so the first use after the answer's expiry X lies X + Exp(Λ_q)
 * later; that use is looked up as event by event does, by a client drawn from the groups'
 * shares. The hits in between are drawn in bulk once the run is over: Poisson counts per bucket,
 * question and client group, with a client and an instant for the fresh hits that are some
 * client's first ({@link #draw}, forwards) and the stale hits that are some client's last
 * ({@link #drawStale}, backwards), so counts, first fresh and last stale uses agree with each
 * other as event by event, exactly in distribution.
 *
 * <p>Exact for one cache asked by plain clients, whose hits change nothing: see {@link #reason}
 * for when a partition runs event by event instead.
 */
final class SkipAhead {
  private final RunContext ctx;
  private final long startMs; // the partition's own start (settling included)
  private final AnswerTable table;
  private final int resolver;
  private final CachingResolver cache;
  private final SplittableRandom random;
  private SplittableRandom holdersRandom; // the last revealed uses' own stream, made when first needed
  private final Tally tally;
  private final ClientRecord record;
  private final Holders holders;
  private final AnswerTracker answers;
  private final int[] itemOf; // answer id -> revealed item, or -1
  private final int groups;
  private final int[] members;
  private final int[] pair;
  private final int[] question; // [k] -> table question asked at this resolver
  private final double[][] rate; // [k][group] uses per ms
  private final double[] total; // [k] all groups
  private final long[] until; // [k] answer fresh before this instant (ms), or MIN_VALUE
  private final int[] answer; // [k] the answer while fresh
  private final double[] open; // [k] hits counted from here
  private final double[] nextLookup; // [k] the first use after a possible change
  private final Pieces[][] pieces; // [event][group] spans of hits, drawn once the run is over
  private int[] reached = new int[16]; // clients given a fresh hit in the current cut
  private final PoissonDraw.Reusing poisson = new PoissonDraw.Reusing(); // bucket after bucket, the same mean

  /**
   * Why a partition must run event by event, or null when skipping ahead is exact for it: one
   * cache (no forwarders, no farm, no logic of one's own; either clock) without policies that act on hits or on expiry (prefetch,
   * serve-stale, a capacity, restarts), and only plain Poisson clients (no cache, connection, second family
   * or fixed schedule) asking names shared by all of them (not names of their own).
   */
  static String reason(RunContext ctx, int[] partition) {
    if (ctx.mode == Mode.EVENTS) {
      return "event by event was asked for";
    }
    if (partition.length > 1) {
      return "forwarders ask it (their caches change on their own lookups)";
    }
    int r = partition[0];
    ResolverGroup group = ctx.scenario.resolverGroups().get(ctx.groupOfResolver[r]);
    ResolverBehaviour b = group.behaviour();
    if (group.logic() != null) {
      return "a cache logic through the resolver SPI (every use is handed to it)";
    }
    if (!group.restarts().isNone()) {
      return "resolver restarts (a restart empties the cache at its instant)";
    }
    if (group.backends() > 1) {
      return "a farm of caches (which backend answers is drawn per use)";
    }
    if (!(b.prefetch() instanceof Prefetch.None)) {
      return "prefetch (a hit near expiry refreshes the entry)";
    }
    if (b.serveStale().enabled()) {
      return "serve-stale (expired entries answer and refresh)";
    }
    if (b.capacity() > 0) {
      return "a bounded cache (every hit reorders its LRU list)";
    }
    for (int g = 0; g < ctx.population.groups(); g++) {
      if (ctx.population.count(r, g) > 0 && !ctx.scenario.clientGroups().get(g).behaviour().isPlain()) {
        return "clients with caches, connections or two address families (each keeps its own state)";
      }
    }
    for (int g = 0; g < ctx.population.groups(); g++) {
      if (ctx.population.count(r, g) > 0 && ctx.everyMs[g] > 0) {
        return "clients on fixed schedules (their uses are periodic, not a Poisson process)";
      }
    }
    for (int g = 0; g < ctx.population.groups(); g++) {
      if (ctx.population.count(r, g) > 0 && ctx.asksOwnNames[g]) {
        return "clients asking names of their own (skipping ahead draws the hits of one entry per question)";
      }
    }
    if (ctx.mode == Mode.AUTO && draws(ctx, r) >= uses(ctx, r)) {
      return "few uses per bucket and question (drawing the hits would cost more than simulating them)";
    }
    return null;
  }

  /** The uses of resolver r's clients over the run: what event by event costs. */
  private static double uses(RunContext ctx, int r) {
    double span = ctx.endMs - (double) ctx.startOf(new int[] {r});
    double uses = 0;
    for (int g = 0; g < ctx.population.groups(); g++) {
      uses += ctx.population.count(r, g) * ctx.ratePerMs[g] * span;
    }
    return uses;
  }

  /**
   * What skipping ahead at resolver r costs, in draws: about three a bucket of the switch events'
   * windows per question and client group, one a client per event, and for each lookup (the first
   * use after an expiry: a renewal cycle of TTL + 1/Λ, with the shorter of the question's TTLs)
   * a look at every question's state. Counting answers adds, before the first switch (over the
   * whole run without one), a Poisson count per question, client group and piece of the run's
   * buckets and outage windows, and per outage a look at each client and a binomial per group;
   * readiness, when the switch reveals answers, about one backward draw more a client per event.
   */
  static double draws(RunContext ctx, int r) {
    double buckets = ctx.eventAt.length == 0 ? 0
        : (ctx.endMs - (double) ctx.eventAt[0]) / ctx.scenario.bucketMs() + ctx.eventAt.length;
    int outages = ctx.scenario.outages().size();
    double beforeFirst = Math.max(0, ctx.eventAt.length == 0 ? ctx.endMs : Math.min(ctx.eventAt[0], ctx.endMs));
    double answerPieces = beforeFirst / ctx.scenario.bucketMs() + 1 + 2.0 * outages;
    double draws = 0;
    for (int g = 0; g < ctx.population.groups(); g++) {
      int members = ctx.population.count(r, g);
      if (members > 0) {
        draws += 3 * buckets * ctx.questionOf[g].length + (ctx.anyRevealed ? 2.0 : 1.0) * members * ctx.eventAt.length
            + answerPieces * ctx.questionOf[g].length + (double) outages * (members + 1);
      }
    }
    double[] rates = ctx.questionRates(r);
    double span = ctx.endMs - (double) ctx.startOf(new int[] {r});
    int asked = 0;
    double lookups = 0;
    for (int q = 0; q < rates.length; q++) {
      if (rates[q] > 0) {
        asked++;
        double ttl = Math.min(ctx.table.ttlMs(ctx.table.answerOf(q, false)), ctx.table.ttlMs(ctx.table.answerOf(q, true)));
        lookups += rates[q] * span / (1 + rates[q] * ttl);
      }
    }
    return draws + lookups * (1 + asked);
  }

  SkipAhead(RunContext ctx, int resolver, long startMs, CachingResolver cache, SplittableRandom random,
      Tally tally, ClientRecord record, Holders holders, AnswerTracker answers) {
    this.ctx = ctx;
    this.table = ctx.table;
    this.resolver = resolver;
    this.startMs = startMs;
    this.cache = cache;
    this.random = random;
    this.tally = tally;
    this.record = record;
    this.holders = holders;
    this.answers = answers;
    this.itemOf = ctx.revealedItemOf;
    groups = ctx.population.groups();
    members = new int[groups];
    pair = new int[groups];
    double[][] byQuestion = new double[table.questionCount()][groups];
    boolean[] asked = new boolean[table.questionCount()];
    int askedCount = 0;
    for (int g = 0; g < groups; g++) {
      members[g] = ctx.population.count(resolver, g);
      pair[g] = ctx.pair(resolver, g);
      if (members[g] == 0) {
        continue;
      }
      for (int i = 0; i < ctx.questionOf[g].length; i++) {
        int q = ctx.questionOf[g][i];
        byQuestion[q][g] += members[g] * ctx.ratePerMs[g] * ctx.questionShare[g][i];
        if (!asked[q] && byQuestion[q][g] > 0) {
          asked[q] = true;
          askedCount++;
        }
      }
    }
    question = new int[askedCount];
    rate = new double[askedCount][];
    total = new double[askedCount];
    for (int q = 0, k = 0; q < asked.length; q++) {
      if (asked[q]) {
        question[k] = q;
        rate[k] = byQuestion[q];
        total[k] = Arrays.stream(byQuestion[q]).sum();
        k++;
      }
    }
    until = new long[askedCount];
    answer = new int[askedCount];
    open = new double[askedCount];
    nextLookup = new double[askedCount];
    int events = ctx.eventAt.length;
    pieces = new Pieces[events][groups];
  }

  void run() {
    double end = ctx.endMs;
    double start = startMs;
    for (int k = 0; k < question.length; k++) {
      change(k, start, startMs);
    }
    while (question.length > 0) {
      int k = 0;
      for (int j = 1; j < question.length; j++) {
        if (nextLookup[j] < nextLookup[k]) {
          k = j;
        }
      }
      double at = nextLookup[k];
      if (at >= end) {
        break;
      }
      long t = (long) Math.floor(at);
      int g = group(k);
      int n = members[g];
      int client = ctx.population.member(resolver, g, n == 1 ? 0 : UniformIndex.below(random, n));
      long used = cache.lookup(question[k], t, client);
      observe(t, question[k], g, client, used);
      for (int j = 0; j < question.length; j++) {
        long fresh = cache.freshUntil(question[j], t);
        int a = fresh > t ? Resolution.answer(cache.lookup(question[j], t, client)) : -1;
        if (j == k || fresh != until[j] || a != answer[j]) {
          credit(j, Math.min(at, until[j]));
          open[j] = at;
          until[j] = fresh;
          answer[j] = a;
          nextLookup[j] = Math.max(fresh, at) + exponential() / total[j];
        }
      }
    }
    for (int k = 0; k < question.length; k++) {
      credit(k, Math.min(end, until[k]));
    }
    for (int e = 0; e < ctx.eventAt.length; e++) {
      for (int g = 0; g < groups; g++) {
        if (pieces[e][g] != null) {
          draw(e, g, pieces[e][g]);
          drawStale(e, g, pieces[e][g]);
          drawLastRevealed(e, g, pieces[e][g]);
        }
      }
    }
  }

  /** The state of question k at {@code t} (instant {@code at}), and its next lookup. */
  private void change(int k, double at, long t) {
    long fresh = cache.freshUntil(question[k], t);
    open[k] = at;
    until[k] = fresh;
    answer[k] = fresh > t ? Resolution.answer(cache.lookup(question[k], t, -1)) : -1;
    nextLookup[k] = Math.max(fresh, at) + exponential() / total[k];
  }

  /** The client group of a use of question k: by the groups' shares of its rate. */
  private int group(int k) {
    double u = random.nextDouble() * total[k];
    int last = 0;
    for (int g = 0; g < groups; g++) {
      if (rate[k][g] > 0) {
        last = g;
        u -= rate[k][g];
        if (u < 0) {
          return g;
        }
      }
    }
    return last;
  }

  /** A use looked up one by one, counted exactly as event by event counts it. */
  private void observe(long t, int q, int g, int client, long used) {
    if (t < 0) {
      return;
    }
    int e = eventIndex(t);
    answers.query(0, client, t, pair[g], !Resolution.failed(used));
    if (Resolution.failed(used)) {
      tally.failure();
      return;
    }
    boolean hit = Resolution.hit(used);
    if (e < 0) {
      tally.query(hit);
      return;
    }
    boolean stale = table.provenance(Resolution.answer(used)) != table.intendedProvenance(q, ctx.settingAt(e));
    long offset = t - ctx.eventAt[e];
    int a = Resolution.answer(used);
    tally.use(e, offset, (int) (offset / ctx.scenario.bucketMs()), q, stale, hit, pair[g], a);
    record.use(client, e, offset, stale);
    if (item(a) >= 0) {
      holders.held(0, client, e, offset);
    }
  }

  /** The revealed item answer {@code a} is, or -1 (also for no answer). */
  private int item(int a) {
    return a < 0 ? -1 : itemOf[a];
  }

  /** The hits of question k from its open instant to {@code to}: counts per bucket, intensities for the clients. */
  private void credit(int k, double to) {
    double a = Math.max(open[k], 0);
    if (!(to > a)) {
      return;
    }
    for (int g = 0; g < groups; g++) {
      answers.intensity(g, rate[k][g], a, to);
    }
    long[] eventAt = ctx.eventAt;
    int e = eventIndex((long) Math.floor(a));
    while (a < to) {
      if (e < 0) {
        double b = Math.min(to, eventAt.length == 0 ? to : eventAt[0]);
        tally.hits(answers.drawHits(random, poisson, rate[k], pair, a, b));
        a = b;
        e = 0;
        continue;
      }
      double windowEnd = ctx.windowEnd[e];
      double b = Math.min(to, windowEnd);
      boolean stale = table.provenance(answer[k]) != table.intendedProvenance(question[k], ctx.settingAt(e));
      for (int g = 0; g < groups; g++) {
        if (rate[k][g] > 0) {
          if (pieces[e][g] == null) {
            pieces[e][g] = new Pieces();
          }
          pieces[e][g].add(a, b, k, stale, item(answer[k]));
        }
      }
      a = b;
      e++;
    }
  }

  /**
   * The fresh hits of group g in event e's window, and the stale hits of a revealed answer, drawn
   * from their spans cut at every span end and bucket boundary, in time order. On each cut the
   * intensity of each span's question is constant. A fresh hit's count is split by thinning: those
   * of the clients without a fresh hit so far (Poisson with the share u/m of the intensity) each
   * get a uniform one of them and an instant (the earliest is kept), the others are only counted.
   * So counts and first fresh uses agree with each other, as event by event, at a cost of about
   * one draw a client. A stale revealed answer's hits each get a uniform client and instant, which
   * count as a last stale use and as a use of the revealed answer alike, so after a disable the
   * clients' last stale use and their last use of the origin are one and the same, as event by
   * event.
   */
  private void draw(int e, int g, Pieces spans) {
    int[] fresh = spans.select(p -> !spans.stale(p) || spans.item(p) >= 0);
    if (fresh.length == 0) {
      return;
    }
    int m = members[g];
    int[] pool = identity(m); // clients without a fresh hit so far: pool[0, u)
    int[] at = identity(m); // client - first -> its place in pool
    int u = m;
    long eventAt = ctx.eventAt[e];
    long bucketMs = ctx.scenario.bucketMs();
    double[] ends = spans.ends(fresh);
    int[] byStart = spans.byStart(fresh);
    int[] active = new int[fresh.length];
    int activeCount = 0;
    int next = 0;
    for (int i = 0; i + 1 < ends.length; i++) {
      for (int j = 0; j < activeCount; ) { // spans that end here leave
        if (spans.to(active[j]) <= ends[i]) {
          active[j] = active[--activeCount];
        } else {
          j++;
        }
      }
      while (next < byStart.length && spans.from(byStart[next]) <= ends[i]) { // spans that start here join
        active[activeCount++] = byStart[next++];
      }
      double from = ends[i];
      while (activeCount > 0 && from < ends[i + 1]) {
        long bucket = ((long) Math.floor(from) - eventAt) / bucketMs;
        double to = Math.min(ends[i + 1], eventAt + (bucket + 1) * (double) bucketMs);
        u = drawCut(e, g, spans, active, activeCount, from, to, (int) bucket, pool, at, u);
        from = to;
      }
    }
  }

  /**
   * The hits of the active spans on [from, to), inside one bucket; returns how many clients are
   * still without a fresh hit.
   */
  private int drawCut(int e, int g, Pieces spans, int[] active, int activeCount, double from, double to, int bucket,
      int[] pool, int[] at, int u) {
    int m = members[g];
    int first = ctx.population.first(resolver, g);
    long eventAt = ctx.eventAt[e];
    double length = to - from;
    int reachedCount = 0;
    for (int a = 0; a < activeCount; a++) {
      int p = active[a];
      int k = spans.question(p);
      double mean = rate[k][g] * length;
      int q = question[k];
      int item = spans.item(p);
      if (spans.stale(p)) { // a stale revealed answer: every hit has its client and instant
        long n = poisson.sample(random, mean);
        if (n > 0) {
          tally.hits(e, bucket, q, pair[g], true, n);
          answers.hits(pair[g], from, to, n);
          tally.itemHits(e, bucket, item, n);
        }
        for (long j = 0; j < n; j++) {
          int c = first + (m == 1 ? 0 : UniformIndex.below(random, m));
          long offset = (long) Math.floor(within(from, to, from + length * random.nextDouble())) - eventAt;
          record.use(c, e, offset, true);
          tally.lastStale(e, q, pair[g], offset);
          tally.itemUse(e, item, offset);
          holders.held(0, c, e, offset);
        }
        continue;
      }
      long reaching = u == 0 ? 0 : poisson.sample(random, mean * u / m);
      long others = u == m ? 0 : poisson.sample(random, mean * (m - u) / m);
      if (reaching + others > 0) {
        tally.hits(e, bucket, q, pair[g], false, reaching + others);
        answers.hits(pair[g], from, to, reaching + others);
        if (item >= 0) { // their last uses are drawn apart, by drawLastRevealed
          tally.itemHits(e, bucket, item, reaching + others);
        }
      }
      for (long j = 0; j < reaching; j++) {
        int c = pool[u == 1 ? 0 : UniformIndex.below(random, u)];
        record.use(first + c, e, (long) Math.floor(within(from, to, from + length * random.nextDouble())) - eventAt,
            false);
        reachedCount = reach(reachedCount, c);
      }
    }
    return leave(reachedCount, pool, at, u);
  }

  /**
   * The stale hits of group g in event e's window whose answer is not revealed (a revealed one's
   * are drawn by {@link #draw}), drawn backwards from the window's end over their spans, cut at every span end and bucket boundary: the mirror of {@link #draw}, since a
   * client's stale uses matter by their latest only. On each cut, those of the clients without a
   * later stale hit (Poisson with the share u/m of the intensity) each get a uniform one of them
   * and an instant (the latest is kept), the others are only counted; a question's (and pair's)
   * last stale use is the latest of these and, while none is known yet in a later cut, of the
   * others' hits in the cut (their count, then the largest of that many uniform instants). So
   * counts, last stale uses per client and per question agree with each other, as event by event,
   * at a cost of about one draw a client with a stale use, not one a stale hit.
   */
  private void drawStale(int e, int g, Pieces spans) {
    int[] stale = spans.select(p -> spans.stale(p) && spans.item(p) < 0);
    if (stale.length == 0) {
      return;
    }
    int m = members[g];
    int first = ctx.population.first(resolver, g);
    long eventAt = ctx.eventAt[e];
    long bucketMs = ctx.scenario.bucketMs();
    int[] pool = identity(m); // clients without a later stale hit: pool[0, u)
    int[] at = identity(m);
    int u = m;
    boolean[] known = new boolean[question.length]; // the question's last stale use lies in a later cut
    boolean[] seen = new boolean[question.length]; // ... or in this one
    for (BackwardCuts cuts = new BackwardCuts(spans, stale); cuts.previous(); ) {
      double lo = cuts.lo();
      int[] active = cuts.active;
      int activeCount = cuts.activeCount;
      double to = cuts.hi();
      while (activeCount > 0 && to > lo) { // bucket by bucket, backwards
        long bucket = ((long) Math.ceil(to) - 1 - eventAt) / bucketMs; // the bucket of the instants just below to
        double from = Math.max(lo, eventAt + bucket * (double) bucketMs);
        double length = to - from;
        int reachedCount = 0;
        for (int a = 0; a < activeCount; a++) {
          int p = active[a];
          int k = spans.question(p);
          int q = question[k];
          double mean = rate[k][g] * length;
          long reaching = u == 0 ? 0 : poisson.sample(random, mean * u / m);
          long others = u == m ? 0 : poisson.sample(random, mean * (m - u) / m);
          if (reaching + others == 0) {
            continue;
          }
          tally.hits(e, (int) bucket, q, pair[g], true, reaching + others);
          answers.hits(pair[g], from, to, reaching + others);
          if (spans.item(p) >= 0) {
            tally.itemHits(e, (int) bucket, spans.item(p), reaching + others);
          }
          for (long j = 0; j < reaching; j++) {
            int c = pool[u == 1 ? 0 : UniformIndex.below(random, u)];
            long offset = (long) Math.floor(within(from, to, from + length * random.nextDouble())) - eventAt;
            record.use(first + c, e, offset, true);
            tally.lastStale(e, q, pair[g], offset);
            seen[k] = true;
            reachedCount = reach(reachedCount, c);
          }
          if (!known[k] && others > 0) {
            // The max of that many uniforms.
            double latest = within(from, to, from + length * Math.pow(random.nextDouble(), 1.0 / others));
            tally.lastStale(e, q, pair[g], (long) Math.floor(latest) - eventAt);
            seen[k] = true;
          }
        }
        u = leave(reachedCount, pool, at, u);
        System.arraycopy(seen, 0, known, 0, known.length);
        to = from;
      }
    }
  }

  /** 0, 1, ..., m - 1: every client of a group in the pool, each at its own place. */
  private static int[] identity(int m) {
    int[] a = new int[m];
    for (int i = 0; i < m; i++) {
      a[i] = i;
    }
    return a;
  }

  /** Notes client c as reached in the current cut; returns the count so far. */
  private int reach(int reachedCount, int c) {
    if (reachedCount == reached.length) {
      reached = Arrays.copyOf(reached, reachedCount * 2);
    }
    reached[reachedCount] = c;
    return reachedCount + 1;
  }

  /** Takes the clients reached in the cut just over out of the pool; returns how many are left in it. */
  private int leave(int reachedCount, int[] pool, int[] at, int u) {
    for (int j = 0; j < reachedCount; j++) {
      int c = reached[j];
      int place = at[c];
      if (place < u) {
        int last = pool[--u];
        pool[place] = last;
        at[last] = place;
        pool[u] = c;
        at[c] = u;
      }
    }
    return u;
  }

  /**
   * The last fresh uses of revealed answers by group g's clients in event e's window (a stale
   * one's are drawn with its client and instant by {@link #drawCut}), drawn backwards from the
   * window's end over the spans whose answer is revealed and fresh. On each cut,
   * where every client's such uses form a Poisson process of one rate λ (the active spans'), the
   * clients without a later such use that have one in the cut are a binomial count of them (each
   * with probability 1 − e^(−λL)), chosen uniformly without repeats; each one's last use lies a
   * truncated Exp(λ) before the cut's end, and its answer is a span's with probability in
   * proportion to the span's rate; its earlier uses in the cut are a Poisson process on [lo, last),
   * whose latest use of each other answer not yet known is drawn too (else that answer's last use
   * would fall early when one client uses two in a cut). So a cut costs one draw and each client
   * about one, however long the cut and however many uses it holds. An item's last use is the latest of these and,
   * while none is known yet in a later cut, of the others' hits in the cut (their count, then the
   * largest of that many uniform instants), so a resolver's last hand-out (the latest of its
   * clients') and each item's last use agree with the clients' within the run. These draws are
   * apart from the counts per bucket drawn in {@link #drawCut} (their own
   * stream, so the other figures draw as if readiness were not observed): both are exact in
   * distribution, the pair is not drawn jointly.
   */
  private void drawLastRevealed(int e, int g, Pieces spans) {
    int[] mine = spans.select(p -> !spans.stale(p) && spans.item(p) >= 0);
    if (mine.length == 0) {
      return;
    }
    if (holdersRandom == null) {
      holdersRandom = ctx.streams.stream(RandomStreams.HOLDERS, resolver);
    }
    SplittableRandom draws = holdersRandom;
    int m = members[g];
    int first = ctx.population.first(resolver, g);
    long eventAt = ctx.eventAt[e];
    int[] pool = identity(m); // clients without a later revealed use: pool[0, u)
    int u = m;
    boolean[] known = new boolean[tally.items()]; // the item's last use lies in a later cut
    boolean[] seen = new boolean[known.length]; // ... or in this one
    for (BackwardCuts cuts = new BackwardCuts(spans, mine); cuts.previous(); ) {
      double lo = cuts.lo();
      double hi = cuts.hi();
      int[] active = cuts.active;
      int activeCount = cuts.activeCount;
      if (activeCount == 0) {
        continue;
      }
      double length = hi - lo;
      double groupRate = 0; // the active spans' uses per ms, all of group g's clients
      for (int a = 0; a < activeCount; a++) {
        groupRate += rate[spans.question(active[a])][g];
      }
      double perClient = groupRate / m;
      double none = Math.exp(-perClient * length); // a client's chance of no use in the cut
      long reached = u == 0 ? 0 : BinomialDraw.sample(draws, u, Math.min(1, -Math.expm1(-perClient * length)));
      int before = u;
      for (long j = 0; j < reached; j++) {
        int place = u == 1 ? 0 : UniformIndex.below(draws, u);
        int c = pool[place];
        pool[place] = pool[--u]; // out of the pool: no repeats
        pool[u] = c;
        double back = -Math.log(none + draws.nextDouble() * (1 - none)) / perClient; // in (0, length]
        double last = within(lo, hi, hi - back);
        long offset = (long) Math.floor(last) - eventAt;
        int item = spans.item(active[activeCount == 1 ? 0 : pick(draws, active, activeCount, spans, g, groupRate)]);
        holders.held(0, first + c, e, offset);
        tally.itemUse(e, item, offset);
        seen[item] = true;
        for (int a = 0; a < activeCount; a++) {
          // The client's uses before its last are a Poisson process on [lo, last): those of another
          // item may still be that item's latest in the cut.
          int other = spans.item(active[a]);
          if (other != item && !known[other]) {
            long earlier = PoissonDraw.sample(draws, rate[spans.question(active[a])][g] / m * (last - lo));
            if (earlier > 0) {
              double latest = within(lo, last, lo + (last - lo) * Math.pow(draws.nextDouble(), 1.0 / earlier));
              tally.itemUse(e, other, (long) Math.floor(latest) - eventAt);
              seen[other] = true;
            }
          }
        }
      }
      for (int a = 0; a < activeCount && before < m; a++) {
        int p = active[a];
        int item = spans.item(p);
        if (!known[item]) {
          long others = PoissonDraw.sample(draws, rate[spans.question(p)][g] * length * (m - before) / m);
          if (others > 0) {
            // The max of that many uniforms.
            double latest = within(lo, hi, lo + length * Math.pow(draws.nextDouble(), 1.0 / others));
            tally.itemUse(e, item, (long) Math.floor(latest) - eventAt);
            seen[item] = true;
          }
        }
      }
      System.arraycopy(seen, 0, known, 0, known.length);
    }
  }

  /**
   * An instant drawn in [from, to) as {@code x}, kept there: past a billion ms, from + length·U
   * can round up onto {@code to}, which would move a use into the next bucket or out of the window.
   */
  private static double within(double from, double to, double x) {
    return Math.max(from, Math.min(x, Math.nextDown(to)));
  }

  /** An active span drawn in proportion to its question's rate for group g (summing to {@code groupRate}). */
  private int pick(SplittableRandom draws, int[] active, int activeCount, Pieces spans, int g, double groupRate) {
    double x = draws.nextDouble() * groupRate;
    for (int a = 0; a < activeCount - 1; a++) {
      x -= rate[spans.question(active[a])][g];
      if (x < 0) {
        return a;
      }
    }
    return activeCount - 1;
  }

  /**
   * The cuts between the chosen spans' starts and ends, from the last back to the first, each
   * with the spans that cover it: {@code active[0, activeCount)}.
   */
  private static final class BackwardCuts {
    private final Pieces spans;
    private final double[] ends;
    private final int[] byEnd; // latest end first
    private final int[] active;
    private int activeCount;
    private int next; // byEnd[next, ) have not joined yet
    private int cut; // the current cut is [ends[cut], ends[cut + 1])

    BackwardCuts(Pieces spans, int[] chosen) {
      this.spans = spans;
      ends = spans.ends(chosen);
      byEnd = spans.byEnd(chosen);
      active = new int[chosen.length];
      cut = ends.length - 1;
    }

    /** Moves to the cut before the current one (the last one, at first); false when there is none. */
    boolean previous() {
      if (--cut < 0) {
        return false;
      }
      double hi = ends[cut + 1];
      while (next < byEnd.length && spans.to(byEnd[next]) >= hi) { // spans that reach this cut's end join
        active[activeCount++] = byEnd[next++];
      }
      for (int j = 0; j < activeCount; ) { // spans that start at or after it leave
        if (spans.from(active[j]) >= hi) {
          active[j] = active[--activeCount];
        } else {
          j++;
        }
      }
      return true;
    }

    double lo() {
      return ends[cut];
    }

    double hi() {
      return ends[cut + 1];
    }
  }

  /** Spans of hits of one group in one event's window: [from, to), question, stale or fresh. */
  private static final class Pieces {
    private double[] from = new double[8];
    private double[] to = new double[8];
    private int[] question = new int[8];
    private boolean[] stale = new boolean[8];
    private int[] item = new int[8];
    private int size;

    void add(double a, double b, int k, boolean isStale, int revealed) {
      if (size == from.length) {
        from = Arrays.copyOf(from, size * 2);
        to = Arrays.copyOf(to, size * 2);
        question = Arrays.copyOf(question, size * 2);
        stale = Arrays.copyOf(stale, size * 2);
        item = Arrays.copyOf(item, size * 2);
      }
      from[size] = a;
      to[size] = b;
      question[size] = k;
      stale[size] = isStale;
      item[size] = revealed;
      size++;
    }

    int size() {
      return size;
    }

    double from(int p) {
      return from[p];
    }

    double to(int p) {
      return to[p];
    }

    int question(int p) {
      return question[p];
    }

    boolean stale(int p) {
      return stale[p];
    }

    /** The revealed item the span's answer is, or -1. */
    int item(int p) {
      return item[p];
    }

    /** The spans [from, to) of positive length that {@code keep} accepts. */
    int[] select(java.util.function.IntPredicate keep) {
      int[] chosen = new int[size];
      int count = 0;
      for (int p = 0; p < size; p++) {
        if (to[p] > from[p] && keep.test(p)) {
          chosen[count++] = p;
        }
      }
      return Arrays.copyOf(chosen, count);
    }

    /** The chosen spans' starts and ends, sorted, distinct. */
    double[] ends(int[] chosen) {
      double[] all = new double[2 * chosen.length];
      for (int j = 0; j < chosen.length; j++) {
        all[2 * j] = from[chosen[j]];
        all[2 * j + 1] = to[chosen[j]];
      }
      Arrays.sort(all);
      int distinct = 0;
      for (int i = 0; i < all.length; i++) {
        if (distinct == 0 || all[i] != all[distinct - 1]) {
          all[distinct++] = all[i];
        }
      }
      return Arrays.copyOf(all, distinct);
    }

    /** The chosen spans by start. */
    int[] byStart(int[] chosen) {
      return Arrays.stream(chosen).boxed().sorted((x, y) -> Double.compare(from[x], from[y]))
          .mapToInt(Integer::intValue).toArray();
    }

    /** The chosen spans by end, latest first. */
    int[] byEnd(int[] chosen) {
      return Arrays.stream(chosen).boxed().sorted((x, y) -> Double.compare(to[y], to[x]))
          .mapToInt(Integer::intValue).toArray();
    }
  }

  /** The switch event whose window holds {@code t}, or -1 before the first. */
  private int eventIndex(long t) {
    int e = -1;
    while (e + 1 < ctx.eventAt.length && t >= ctx.eventAt[e + 1]) {
      e++;
    }
    return e;
  }

  /** Exp(1). */
  private double exponential() {
    return ExponentialDraw.standard(random);
  }
}
