package dev.dnsflip.explore;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.engine.Durations;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.scenarios.Registry;
import dev.dnsflip.simulation.Scenario;
import java.util.List;

/**
 * Upper bounds on the last stale use after each switch event, derived from the scenario as in
 * docs/ARCHITECTURE.md ("Laws"). All are exclusive and relative to the event, before adding d, the
 * largest realised propagation delay (which only the run knows).
 *
 * <p>The common ground: a stale use needs an answer somewhere on its way that differs from the
 * new setting's answer for the same cache slot, a <em>replaced</em> answer. Such an answer comes
 * from a nameserver the event had not reached yet, so it was fetched before t0 + d. Each cache on
 * the way keeps it for a time the laws bound:
 * <ul>
 *   <li>a resolver asking the authority keeps a replaced answer of TTL T for its clamped TTL
 *       (max(T, M) with a floor M, at most the cap): it expires before t0 + d + clamp(T);
 *   <li>a forwarder receives a copy at s, before its upstream's last hand-out H, with a TTL that
 *       ends by the upstream's copy expiry K; it keeps min(max(r, M), cap): its copy expires
 *       before max(K, H + M), and before H + cap;
 *   <li>a resolver that serves stale at once (window W, reply TTL R) hands an expired entry out
 *       until its expiry + W, with TTL R: H = A + W, K = A + W + R; otherwise H = K = A;
 *   <li>a client uses what it gets at once (before H); a TTL cache (cap C) keeps its copy until
 *       min(K, H + C); a fixed cache of L (positive or negative) until H + L; max(TTL, F) until
 *       max(K, H + F); a grace period G adds G to whichever of those applies;
 *   <li>a cache with the whole-second clock keeps what it stores to the end of the second its
 *       expiry falls in: less than 1 s more than the millisecond clock would, so each such cache
 *       on the way adds 1 s to what it keeps (and hence to its H and K). Its hand-outs carry whole
 *       seconds rounded down, so they expire before its own entry does.
 * </ul>
 * For the plain TTL law ({@link #replacedTtl}) the whole-second caches add 1 s in all, not 1 s
 * each: without floors or stale answers every cache keeps at most what it received, the first
 * whole-second cache rounds the expiry up to a second boundary, and every later hand-out rounds
 * down, so no cache below it passes that boundary (docs/ARCHITECTURE.md, "Laws").
 * Original-TTL pass-on and connection reuse have no bound here (Long.MAX_VALUE): the properties
 * do not apply to scenarios that have them.
 */
public final class StaleBounds {
  /** The bound of one event and the replaced answer, path and clients that give it. */
  public record EventBound(long boundMs, String why) {}

  /** What a whole-second cache may keep an entry beyond the millisecond clock's expiry (exclusive bound). */
  static final long WHOLE_SECOND_MS = 1_000;

  private StaleBounds() {}

  /**
   * Per event: T, the largest TTL (ms, as the authority sent it) of a replaced answer, plus 1 s when
   * any resolver group keeps whole seconds; 0 when the event replaces nothing. Negative answers
   * count with their negative TTL.
   */
  public static List<EventBound> replacedTtl(Scenario s, AnswerTable table) {
    int events = s.schedule().events().size();
    EventBound[] out = new EventBound[events];
    String wholeSecond = s.resolverGroups().stream().filter(g -> Traits.wholeSecondClock(g.behaviour()))
        .map(ResolverGroup::name).findFirst().orElse(null);
    for (int e = 0; e < events; e++) {
      boolean before = settingBefore(s, e);
      boolean after = !before;
      long worst = 0;
      String why = "the event replaces no answer";
      for (int q = 0; q < table.questionCount(); q++) {
        int old = table.answerOf(q, before);
        if (old == table.answerOf(q, after)) {
          continue;
        }
        long ttl = table.ttlMs(old);
        if (ttl > worst || why.startsWith("the event")) {
          worst = Math.max(worst, ttl);
          why = "T " + Durations.format(ttl) + ": " + describe(table, q, old);
        }
      }
      if (wholeSecond != null && worst > 0) {
        worst = add(worst, WHOLE_SECOND_MS);
        why = why + "; + 1s: resolver group " + wholeSecond + " keeps whole seconds";
      }
      out[e] = new EventBound(worst, why);
    }
    return List.of(out);
  }

  /** Per event: the chain bound through every resolver group to every client group it serves. */
  public static List<EventBound> chain(Scenario s, AnswerTable table) {
    int events = s.schedule().events().size();
    EventBound[] out = new EventBound[events];
    for (int e = 0; e < events; e++) {
      boolean before = settingBefore(s, e);
      long worst = 0;
      String why = "the event replaces no answer";
      for (int q = 0; q < table.questionCount(); q++) {
        int old = table.answerOf(q, before);
        if (old == table.answerOf(q, !before)) {
          continue;
        }
        long ttl = table.ttlMs(old);
        boolean negative = table.provenance(old) == Provenance.NEGATIVE.ordinal();
        for (ClientGroup c : s.clientGroups()) {
          for (ResolverGroup g : s.resolverGroups()) {
            if (!serves(c, g)) {
              continue;
            }
            long[] hk = handOut(s, g, ttl, negative);
            long bound = clientKeeps(c.behaviour(), hk[0], hk[1], negative);
            if (bound > worst || why.startsWith("the event")) {
              worst = Math.max(worst, bound);
              why = Durations.format(bound) + ": " + describe(table, q, old) + " through " + path(s, g)
                  + " to client group " + c.name() + " (" + c.kind() + ")";
            }
          }
        }
      }
      out[e] = new EventBound(worst, why);
    }
    return List.of(out);
  }

  /**
   * The chain bound of one event for the clients of {@code c} through {@code g} alone (exclusive,
   * relative to t0 + d): the largest over the answers the event replaces; 0 when it replaces none.
   */
  public static long pairBound(Scenario s, AnswerTable table, int event, ResolverGroup g, ClientGroup c) {
    boolean before = settingBefore(s, event);
    long worst = 0;
    for (int q = 0; q < table.questionCount(); q++) {
      int old = table.answerOf(q, before);
      if (old == table.answerOf(q, !before)) {
        continue;
      }
      boolean negative = table.provenance(old) == Provenance.NEGATIVE.ordinal();
      long[] hk = handOut(s, g, table.ttlMs(old), negative);
      worst = Math.max(worst, clientKeeps(c.behaviour(), hk[0], hk[1], negative));
    }
    return worst;
  }

  /** The setting in force before event {@code e}. */
  static boolean settingBefore(Scenario s, int e) {
    return e == 0 ? s.schedule().initiallyEnabled() : s.schedule().events().get(e - 1).direction().settingAfter();
  }

  /** Whether clients of {@code c} may use resolvers of {@code g}. */
  static boolean serves(ClientGroup c, ResolverGroup g) {
    return c.resolverShares().isEmpty() || c.resolverShares().getOrDefault(g.name(), 0.0) > 0;
  }

  /**
   * {H, K} for a replaced answer of TTL {@code ttlMs} at group {@code g}: H bounds when g last hands
   * it out, K when a copy it handed out expires (both exclusive, relative to t0 + d).
   */
  static long[] handOut(Scenario s, ResolverGroup g, long ttlMs, boolean negative) {
    ResolverBehaviour b = g.behaviour();
    if (Traits.passesOriginalTtl(b)) {
      return new long[] {Long.MAX_VALUE, Long.MAX_VALUE};
    }
    long kept;
    if (!g.isForwarder()) {
      kept = negative ? b.clamps().negativeMs(ttlMs) : b.clamps().positiveMs(ttlMs);
    } else {
      ResolverGroup up = s.resolverGroups().stream().filter(x -> x.name().equals(g.forwardTo())).findFirst()
          .orElseThrow();
      long[] upstream = handOut(s, up, ttlMs, negative);
      long floorMs = 1000 * (negative ? b.clamps().minNegativeS() : b.clamps().minPositiveS());
      long capMs = seconds(negative ? b.clamps().maxNegativeS() : b.clamps().maxPositiveS());
      kept = Math.min(Math.max(upstream[1], add(upstream[0], floorMs)), add(upstream[0], capMs));
    }
    if (Traits.wholeSecondClock(b)) {
      // Kept to the end of the second its expiry falls in (the stale window starts there too).
      kept = add(kept, WHOLE_SECOND_MS);
    }
    if (!Traits.servesStaleAtOnce(b)) {
      return new long[] {kept, kept};
    }
    long h = add(kept, seconds(b.serveStale().maxStaleS()));
    return new long[] {h, add(h, seconds(b.serveStale().replyTtlS()))};
  }

  /** Until when a client keeps using what its resolver handed out (exclusive, relative to t0 + d). */
  static long clientKeeps(ClientBehaviour c, long h, long k, boolean negative) {
    if (Traits.reusesConnections(c)) {
      return Long.MAX_VALUE;
    }
    ClientCache cache = c.cache();
    long until = Registry.CLIENT_CACHE.kindOf(cache).keptUntilMs(cache, h, k);
    return Math.max(h, until);
  }

  private static String path(Scenario s, ResolverGroup g) {
    StringBuilder sb = new StringBuilder(g.name() + " (" + g.kind() + ")");
    for (ResolverGroup at = g; at.isForwarder(); ) {
      String next = at.forwardTo();
      at = s.resolverGroups().stream().filter(x -> x.name().equals(next)).findFirst().orElseThrow();
      sb.append(" -> ").append(at.name()).append(" (").append(at.kind()).append(')');
    }
    return sb.toString();
  }

  private static String describe(AnswerTable table, int q, int answer) {
    var a = table.answer(answer);
    String what = switch (a.kind()) {
      case CNAME -> "CNAME";
      case NODATA -> "NODATA";
      case NXDOMAIN -> "NXDOMAIN";
      case DATA -> a.provenance().name();
    };
    return table.question(q) + " was " + what + " (TTL " + Durations.format(table.ttlMs(answer)) + ")";
  }

  private static long seconds(long s) {
    return s > Long.MAX_VALUE / 1000 ? Long.MAX_VALUE : s * 1000;
  }

  /** Saturating addition of non-negative values. */
  static long add(long a, long b) {
    long r = a + b;
    return r < a ? Long.MAX_VALUE : r;
  }
}
