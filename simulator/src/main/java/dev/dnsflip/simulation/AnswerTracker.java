package dev.dnsflip.simulation;

import dev.dnsflip.engine.BinomialDraw;
import dev.dnsflip.engine.PoissonDraw;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.observe.AnswerCounts;
import dev.dnsflip.observe.Tally;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * One partition's answered and failed client queries, per bucket of the run and per outage, and
 * per outage which of its clients queried inside it and whether every such query was answered.
 * A query looked up one by one is told with its client; hits drawn in bulk by {@link SkipAhead}
 * before the first switch are drawn here piece by piece of the run's buckets and outage windows,
 * from the partition's own stream, so they count for every figure ({@link #drawHits}); inside a
 * switch's window they are told as a count on a span, which is spread over those pieces (a
 * multinomial by length; both exact for Poisson hits), and as the intensity of each client group's
 * hits inside each outage, from which the clients reached by no looked-up query are drawn at the
 * end (each independently with 1 − exp(−mean per client)). The spreading and the reached clients
 * have a stream of their own ({@link RandomStreams#ANSWERS}), so the other figures draw as if
 * answers were not counted.
 */
final class AnswerTracker {
  private static final byte QUIET = 0; // no query inside the outage
  private static final byte ANSWERED = 1; // every query inside it answered so far
  private static final byte MISSED = 2; // some query inside it got no answer

  private final RunContext ctx;
  private final int[] resolvers;
  private final AnswerCounts counts;
  private final boolean on;
  private final long bucketMs;
  private final long[] outageFrom;
  private final long[] outageTo;
  private final long[] edges; // every outage's from and to, sorted
  private final int[] base; // partition resolver i -> its first client's local index
  private final byte[][] state; // [outage][local client]
  private final double[][] intensity; // [outage][client group]: mean bulk hits at resolvers[0]
  private SplittableRandom random; // made when first needed
  private double[] cuts = new double[16];

  AnswerTracker(RunContext ctx, int[] resolvers, Tally tally) {
    this.ctx = ctx;
    this.resolvers = resolvers;
    this.counts = tally.answers();
    this.on = counts.counting();
    this.bucketMs = ctx.scenario.bucketMs();
    List<Outage> outages = on ? ctx.scenario.outages() : List.of();
    outageFrom = outages.stream().mapToLong(Outage::fromMs).toArray();
    outageTo = outages.stream().mapToLong(Outage::toMs).toArray();
    edges = java.util.stream.LongStream.concat(Arrays.stream(outageFrom), Arrays.stream(outageTo)).sorted().toArray();
    base = new int[resolvers.length];
    int clients = 0;
    for (int i = 0; i < resolvers.length; i++) {
      base[i] = clients;
      clients += ctx.population.first(resolvers[i] + 1, 0) - ctx.population.first(resolvers[i], 0);
    }
    state = new byte[outageFrom.length][outageFrom.length == 0 ? 0 : clients];
    intensity = new double[outageFrom.length][ctx.population.groups()];
  }

  /** A query of {@code client} (at partition resolver i) at {@code t}, answered or not; none before 0. */
  void query(int i, int client, long t, int pair, boolean answered) {
    if (!on || t < 0) {
      return;
    }
    int b = bucket(t);
    if (answered) {
      counts.addAnswered(b, pair, 1);
    } else {
      counts.addFailed(b, pair);
    }
    for (int o = 0; o < outageFrom.length; o++) {
      if (t >= outageFrom[o] && t < outageTo[o]) {
        counts.outageQueries(o, pair, answered ? 1 : 0, answered ? 0 : 1);
        int c = base[i] + client - ctx.population.first(resolvers[i], 0);
        state[o][c] = answered ? (state[o][c] == QUIET ? ANSWERED : state[o][c]) : MISSED;
      }
    }
  }

  /**
   * Draws the hits of Poisson streams on [from, to) (from >= 0), client group g's at rate
   * {@code rate[g]} per ms (its pair {@code pair[g]}), and returns how many there were: one
   * Poisson count per group and piece of the span (a piece lies in one bucket and inside or
   * outside each outage), independent as the streams' counts on disjoint pieces are. No split of
   * a total: a multinomial over a span's buckets cost a binomial draw a bucket.
   */
  long drawHits(SplittableRandom random, PoissonDraw.Reusing poisson, double[] rate, int[] pair, double from,
      double to) {
    if (!on) {
      double total = 0;
      for (double r : rate) {
        total += r;
      }
      return poisson.sample(random, total * (to - from));
    }
    int pieces = cut(from, to);
    long n = 0;
    for (int j = 0; j < pieces; j++) {
      double l = cuts[j + 1] - cuts[j];
      long t = (long) Math.floor(cuts[j]);
      for (int g = 0; g < rate.length; g++) {
        if (rate[g] > 0) {
          long k = poisson.sample(random, rate[g] * l);
          if (k > 0) {
            add(pair[g], t, k);
            n += k;
          }
        }
      }
    }
    return n;
  }

  /** {@code n} hits of one pair's Poisson stream of constant rate on [from, to), from >= 0: spread by length. */
  void hits(int pair, double from, double to, long n) {
    if (!on || n == 0) {
      return;
    }
    int pieces = cut(from, to);
    double length = to - from;
    long left = n;
    for (int j = 0; j < pieces && left > 0; j++) {
      double l = cuts[j + 1] - cuts[j];
      long k = j == pieces - 1 ? left : BinomialDraw.sample(random(), left, Math.min(1, l / length));
      length -= l;
      left -= k;
      if (k > 0) {
        add(pair, (long) Math.floor(cuts[j]), k);
      }
    }
  }

  /** {@code k} answered hits of a pair on a piece starting at {@code t}: one bucket, inside or outside each outage. */
  private void add(int pair, long t, long k) {
    counts.addAnswered(bucket(t), pair, k);
    for (int o = 0; o < outageFrom.length; o++) {
      if (t >= outageFrom[o] && t < outageTo[o]) {
        counts.outageQueries(o, pair, k, 0);
      }
    }
  }

  /** Group g's hits at rate {@code ratePerMs} on [from, to), from >= 0: their mean inside each outage. */
  void intensity(int g, double ratePerMs, double from, double to) {
    for (int o = 0; o < outageFrom.length; o++) {
      double overlap = Math.min(to, outageTo[o]) - Math.max(from, outageFrom[o]);
      if (overlap > 0) {
        intensity[o][g] += ratePerMs * overlap;
      }
    }
  }

  /** Tells the tally, per outage and pair, the clients that queried inside it and those always answered there. */
  void finish() {
    if (!on) {
      return;
    }
    for (int o = 0; o < outageFrom.length; o++) {
      for (int i = 0; i < resolvers.length; i++) {
        int r = resolvers[i];
        int first = ctx.population.first(r, 0);
        for (int g = 0; g < ctx.population.groups(); g++) {
          int m = ctx.population.count(r, g);
          if (m == 0) {
            continue;
          }
          long marked = 0;
          long riders = 0;
          int from = base[i] + ctx.population.first(r, g) - first;
          for (int c = from; c < from + m; c++) {
            marked += state[o][c] == QUIET ? 0 : 1;
            riders += state[o][c] == ANSWERED ? 1 : 0;
          }
          long reached = 0;
          if (i == 0 && intensity[o][g] > 0 && marked < m) {
            // Hits reach each client independently (Poisson thinning): those no lookup marked.
            reached = BinomialDraw.sample(random(), m - marked, -Math.expm1(-intensity[o][g] / m));
          }
          counts.outageClients(o, ctx.pair(r, g), marked + reached, riders + reached);
        }
      }
    }
  }

  private int bucket(long t) {
    return (int) Math.min(t / bucketMs, counts.buckets() - 1);
  }

  /** Cuts [from, to) at every bucket boundary and outage edge inside it into cuts[0..pieces]; returns pieces. */
  private int cut(double from, double to) {
    int n = 0;
    n = put(n, from);
    boolean edgesInside = false;
    for (long edge : edges) {
      if (edge > from && edge < to) {
        n = put(n, edge);
        edgesInside = true;
      }
    }
    for (long b = (long) Math.floor(from) / bucketMs + 1; b * (double) bucketMs < to; b++) {
      n = put(n, b * (double) bucketMs);
    }
    if (edgesInside) {
      Arrays.sort(cuts, 1, n);
      int distinct = 1;
      for (int j = 1; j < n; j++) {
        if (cuts[j] != cuts[distinct - 1]) {
          cuts[distinct++] = cuts[j];
        }
      }
      n = distinct;
    }
    n = put(n, to);
    return n - 1;
  }

  private int put(int n, double x) {
    if (n == cuts.length) {
      cuts = Arrays.copyOf(cuts, n * 2);
    }
    cuts[n] = x;
    return n + 1;
  }

  private SplittableRandom random() {
    if (random == null) {
      random = ctx.streams.stream(RandomStreams.ANSWERS, resolvers[0]);
    }
    return random;
  }
}
