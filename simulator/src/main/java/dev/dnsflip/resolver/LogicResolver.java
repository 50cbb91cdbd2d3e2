package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Question;
import dev.dnsflip.spi.CacheLogic;
import dev.dnsflip.spi.CacheLogicFailure;
import dev.dnsflip.spi.LogicChoice;
import dev.dnsflip.spi.Reply;

/**
 * A resolver cache run by a {@link CacheLogic}: the harness's side of the resolver SPI. It asks the
 * logic one link at a time and follows CNAMEs as {@link CachingResolver} does (a hit only when
 * every link was, the smallest TTL along the chain), and hands the logic its upstream as an
 * {@link dev.dnsflip.spi.Upstream}. What a user's logic gets wrong (throws, returns null, an
 * answer to another question, a TTL past 2^41 ms) stops the run as a {@link CacheLogicFailure}.
 */
public final class LogicResolver extends ResolvingNode {
  private final AnswerTable table;
  /** Kept, so a lookup allocates nothing. */
  private final CnameChain.Links links = this::fetch;
  private final AnswerIndex index;
  private final CacheLogic logic;
  private final String logicName;
  private final boolean model;
  private final dev.dnsflip.spi.Upstream upstream;

  private LogicResolver(AnswerTable table, AnswerIndex index, CacheLogic logic, String logicName, boolean model,
      Upstream upstream) {
    this.table = table;
    this.index = index;
    this.logic = logic;
    this.logicName = logicName;
    this.model = model;
    this.upstream = (question, nowMs) -> ask(upstream, question, nowMs);
  }

  /** One cache of {@code group}, which runs a {@link LogicChoice}, asking {@code upstream}. */
  public static LogicResolver of(AnswerTable table, ResolverGroup group, Upstream upstream) {
    LogicChoice choice = group.logic();
    AnswerIndex index = new AnswerIndex(table);
    CacheLogic logic = choice.isModel() ? new CachingResolverLogic(table, index, group.behaviour())
        : choice.newInstance();
    return new LogicResolver(table, index, logic, choice.name(), choice.isModel(), upstream);
  }

  /** A cache run by {@code logic} (tests, the bench), asking {@code upstream}. */
  public static LogicResolver of(AnswerTable table, CacheLogic logic, Upstream upstream) {
    return new LogicResolver(table, new AnswerIndex(table), logic, logic.getClass().getName(), false, upstream);
  }

  /** The built-in cache behind {@code logic: model}, for the stationary fill; null for other logic. */
  public CachingResolver modelCache() {
    return logic instanceof CachingResolverLogic m ? m.cache() : null;
  }

  @Override
  public long lookup(int question, long now, int client) {
    return CnameChain.follow(table, question, now, links);
  }

  /** One link, as the logic answers it. */
  @Override
  public long fetch(int q, long now) {
    Question question = table.question(q);
    Reply reply;
    if (model) {
      reply = logic.resolve(question, now, upstream);
    } else {
      try {
        reply = logic.resolve(question, now, upstream);
      } catch (CacheLogicFailure f) {
        throw f;
      } catch (RuntimeException | AssertionError | LinkageError e) {
        throw failure(question, now, "threw " + e, e);
      }
    }
    if (reply == null) {
      throw failure(question, now, "returned null (Reply.FAILED says there is no answer)", null);
    }
    if (reply.failed()) {
      return Resolution.FAILED;
    }
    int a = index.answer(reply.answer());
    if (!answers(a, q)) {
      throw failure(question, now, "returned an answer its upstream never gives for this question: "
          + reply.answer().kind() + " " + reply.answer().records(), null);
    }
    if (reply.ttlMs() > Resolution.MAX_TTL_MS) {
      throw failure(question, now, "returned TTL " + reply.ttlMs() + " ms, past the largest DNS TTL", null);
    }
    return Resolution.of(a, reply.fromCache(), reply.ttlMs());
  }

  /** Whether {@code a} answers {@code q}: one of its answers, or a CNAME of its name (shared by A and AAAA). */
  private boolean answers(int a, int q) {
    if (a == table.answerOf(q, false) || a == table.answerOf(q, true)) {
      return true;
    }
    return a != AnswerIndex.UNKNOWN && table.isCname(a) && table.cnameSlotOf(q) >= 0
        && table.answer(a).records().get(0).getName().equals(table.question(q).name());
  }

  private Reply ask(Upstream from, Question question, long nowMs) {
    int q = index.question(question);
    if (q == AnswerIndex.UNKNOWN) {
      throw failure(question, nowMs, "asked its upstream " + question + ", a question this run does not have "
          + "(the clients' questions and their CNAME targets)", null);
    }
    long r = from.fetch(q, nowMs);
    return Resolution.failed(r) ? Reply.FAILED
        : new Reply(table.answer(Resolution.answer(r)), Resolution.ttlMs(r), false);
  }

  private CacheLogicFailure failure(Question question, long now, String what, Throwable cause) {
    return CacheLogicFailure.answering(logicName, String.valueOf(question), now, what, cause);
  }

  /** Empties the built-in cache; a user's logic keeps its own state (groups that run one cannot restart). */
  @Override
  public void flush() {
    CachingResolver cache = modelCache();
    if (cache == null) {
      throw new IllegalStateException("a restart of a cache run by " + logicName);
    }
    cache.flush();
  }
}
