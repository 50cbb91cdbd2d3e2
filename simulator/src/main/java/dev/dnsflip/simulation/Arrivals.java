package dev.dnsflip.simulation;

import dev.dnsflip.engine.AliasTable;
import dev.dnsflip.engine.ExponentialDraw;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.engine.UniformIndex;
import java.util.SplittableRandom;

/**
 * A partition's Poisson uses, superposed into one stream of the summed rate, drawn ahead in
 * blocks from a stream of their own: each use's instant, its (resolver, client group) stream by
 * that stream's share of the rate, its client uniformly and its question by weight. None of this
 * depends on what caches hold, so drawing it apart is exact; in a block the draws do not wait on
 * the lookups, and the lookups do not wait on the draws' chain of dependent arithmetic.
 *
 * <p>The block makes its random words itself, SplitMix64 as {@link SplittableRandom} does, with
 * the state in a local variable: a generator's state in a field is stored and loaded again at
 * every draw, and that chain set the pace of the loop. The rare draws that need more words (a
 * ziggurat draw outside its layer, a rejected index) take them from a second stream.
 */
final class Arrivals {
  private static final int BLOCK = 64;

  private final RunContext ctx;
  private final Streams streams;
  private final SplittableRandom extras;
  private long state; // the block's SplitMix64 state between blocks
  private final AliasTable streamPick;
  private final int[] poissonStreams; // the streams of positive Poisson rate
  private final int[] firstClient; // per such stream, its first client
  private final boolean oneStreamOneQuestion; // then only the instant and the client vary
  private final double meanGap;
  private final long end;
  private final long[] at = new long[BLOCK];
  private final int[] stream = new int[BLOCK];
  private final int[] client = new int[BLOCK];
  private final int[] question = new int[BLOCK];
  private int next;
  private double clock; // the instant of the last use drawn, fractional

  /** The uses of the streams' Poisson clients from {@code start} until {@code end}. */
  Arrivals(RunContext ctx, int[] resolvers, Streams streams, long start, long end) {
    this.ctx = ctx;
    this.streams = streams;
    this.state = ctx.streams.seedOf(RandomStreams.ARRIVALS, resolvers[0]);
    this.extras = ctx.streams.stream(RandomStreams.ARRIVAL_EXTRAS, resolvers[0]);
    this.end = end;
    poissonStreams = java.util.stream.IntStream.range(0, streams.count()).filter(s -> streams.ratePerMs()[s] > 0).toArray();
    double[] rates = new double[poissonStreams.length];
    double total = 0;
    for (int k = 0; k < rates.length; k++) {
      rates[k] = streams.ratePerMs()[poissonStreams[k]];
      total += rates[k];
    }
    meanGap = 1 / total; // a multiplication per use, not a division
    firstClient = java.util.Arrays.stream(poissonStreams).map(s -> ctx.population.member(
        resolvers[streams.resolverOf()[s]], streams.groupOf()[s], 0)).toArray();
    oneStreamOneQuestion = rates.length == 1 && ctx.questionPick[streams.groupOf()[poissonStreams[0]]].size() == 1;
    streamPick = new AliasTable(rates.length > 0 ? rates : new double[] {1});
    clock = start;
    if (rates.length == 0) {
      at[0] = Long.MAX_VALUE;
    } else {
      int g = streams.groupOf()[poissonStreams[0]];
      java.util.Arrays.fill(stream, poissonStreams[0]); // what one stream asking one question keeps
      java.util.Arrays.fill(question, ctx.questionOf[g][0]);
      fill();
    }
  }

  /** The next use's instant (ms), or {@link Long#MAX_VALUE} past the end. */
  long time() {
    return at[next];
  }

  /** The next use's stream: partition resolver × groups + client group. */
  int stream() {
    return stream[next];
  }

  int client() {
    return client[next];
  }

  int question() {
    return question[next];
  }

  /** On to the following use. */
  void advance() {
    if (++next == BLOCK) {
      fill();
    }
  }

  private void fill() {
    next = 0;
    long x = state;
    double t = clock;
    double gap = meanGap;
    long until = end;
    boolean varies = !oneStreamOneQuestion; // else the stream and question stay as filled at the start
    int s = poissonStreams[0];
    int n = streams.members()[s];
    int first = firstClient[0];
    for (int k = 0; k < BLOCK; k++) {
      x += RandomStreams.GAMMA;
      t += ExponentialDraw.fromBits(RandomStreams.mix(x), extras) * gap;
      if (t >= until) {
        at[k] = Long.MAX_VALUE; // the use after it is never asked for
        break;
      }
      at[k] = (long) Math.floor(t);
      if (varies) {
        int pick = 0;
        if (streamPick.size() > 1) {
          x += RandomStreams.GAMMA;
          pick = streamPick.sample((RandomStreams.mix(x) >>> 11) * 0x1.0p-53);
        }
        s = poissonStreams[pick];
        n = streams.members()[s];
        first = firstClient[pick];
        stream[k] = s;
      }
      int index = 0;
      if (n > 1) {
        x += RandomStreams.GAMMA;
        index = UniformIndex.below((int) (RandomStreams.mix(x) >>> 32), n, extras);
      }
      client[k] = first + index;
      if (varies) {
        int g = streams.groupOf()[s];
        AliasTable questions = ctx.questionPick[g];
        int q = 0;
        if (questions.size() > 1) {
          x += RandomStreams.GAMMA;
          q = questions.sample((RandomStreams.mix(x) >>> 11) * 0x1.0p-53);
        }
        question[k] = ctx.questionOf[g][q];
      }
    }
    state = x;
    clock = t;
  }
}
