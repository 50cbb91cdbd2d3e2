package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientState;
import dev.dnsflip.engine.RandomStreams;
import dev.dnsflip.resolver.SteadyState;
import java.util.SplittableRandom;

/**
 * Client caches at the start of a steady run, as the resolver caches are filled: a client asking
 * question q at rate λ holds its resolver's answer with probability λL/(1+λL) and an age uniform on
 * [0, L), L the lifetime its cache gives that answer (fixed, a floor over the TTL, the TTL capped).
 * Without it every client would make its first query within a few seconds of the start and, with
 * a fixed lifetime, all would expire together cycle after cycle: a JVM's 30 s or curl's 60 s
 * locked to the start, so a switch's figures would depend on where it falls. The settle period
 * then lets the rest (grace, connections, dual stack) reach its own steady state.
 */
final class ClientCacheFill {
  private ClientCacheFill() {}

  /** Fills the caches of the clients of {@code resolvers} (one partition), from the partition's own stream. */
  static void fill(RunContext ctx, int[] resolvers, ClientState state, long start) {
    SplittableRandom random = ctx.streams.stream(RandomStreams.CACHE_INIT, resolvers[0]);
    AnswerTable table = ctx.table;
    boolean enabled = ctx.initiallyEnabled;
    for (int r : resolvers) {
      long[] passedOn = ctx.stationary.keptMs(ctx.groupOfResolver[r]);
      for (int g = 0; g < ctx.population.groups(); g++) {
        ClientBehaviour behaviour = ctx.scenario.clientGroups().get(g).behaviour();
        int clients = ctx.population.count(r, g);
        if (behaviour.cache() instanceof ClientCache.None || clients == 0) {
          continue;
        }
        for (int q : ctx.stateQuestions[g]) {
          double rate = ratePerMs(ctx, g, q, behaviour.dualStack());
          int terminal = terminalQuestion(table, q, enabled);
          int answer = table.answerOf(terminal, enabled);
          boolean negative = table.provenance(answer) == Provenance.NEGATIVE.ordinal();
          long life = behaviour.cache().lifetimeMs(passedOn[terminal], negative);
          if (rate <= 0 || life <= 0) {
            continue;
          }
          double present = SteadyState.hitProbability(rate, life);
          for (int i = 0; i < clients; i++) {
            if (random.nextDouble() < present) {
              int client = ctx.population.member(r, g, i);
              state.cache(state.index(state.base(r, g, client), g, q), answer, start - random.nextLong(life) + life);
            }
          }
        }
      }
    }
  }

  /** How often one client of group {@code g} looks {@code q} up: a dual-stack client asks both families of a name it uses. */
  private static double ratePerMs(RunContext ctx, int g, int q, boolean dualStack) {
    double share = 0;
    for (int i = 0; i < ctx.questionOf[g].length; i++) {
      int asked = ctx.questionOf[g][i];
      if (asked == q || (dualStack && (ctx.siblingA[asked] == q || ctx.siblingAaaa[asked] == q))) {
        share += ctx.questionShare[g][i];
      }
    }
    return ctx.ratePerMs[g] * share;
  }

  /** The question whose answer ends the CNAME chain from {@code q} (the one a client keeps). */
  private static int terminalQuestion(AnswerTable table, int q, boolean enabled) {
    int cur = q;
    for (int depth = 0; table.isCname(table.answerOf(cur, enabled)); depth++) {
      if (depth > dev.dnsflip.authority.Authority.MAX_CHAIN) {
        throw new IllegalStateException("CNAME chain too long at " + table.question(q));
      }
      cur = table.target(table.answerOf(cur, enabled), cur);
    }
    return cur;
  }
}
