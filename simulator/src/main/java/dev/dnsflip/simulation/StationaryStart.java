package dev.dnsflip.simulation;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.SteadyState;
import java.util.List;

/**
 * What a steady start needs to know about every way an entry can live before time 0, in any
 * topology: per resolver group and cache slot, the longest TTL a cache of the group may keep for
 * the slot's initial answer, and the settle period.
 *
 * <p>A cache asking the authority keeps the record's TTL after its clamps (floors included). A
 * forwarder keeps, after its own clamps, the longest TTL its upstream hands out: what the upstream
 * keeps (remaining or original TTL), or the upstream's stale reply TTL when it answers stale at once
 * (client timeout 0), which may exceed the record's TTL (Unbound before the cap: 30 s above a 5 s
 * Auto TTL). Filling a cache over that whole lifetime spreads its expiries over its real cycle;
 * filling a forwarder over the record's TTL alone would start every forwarder within one TTL and
 * keep them in phase for as long as their stale replies last.
 *
 * <p>A cache's <em>cycle</em> is that longest lifetime, 1 s more on a whole-second clock, plus its
 * upstream's cycle (a forwarder's expiry meets the upstream's). The settle period is twice the
 * longest cycle or client lifetime in play, at most {@link #MAX_SETTLE_MS}.
 */
final class StationaryStart {
  /** A longer settle would cost more than its gain: past two hours only floors of hours remain, kept whole. */
  static final long MAX_SETTLE_MS = 2 * 3_600_000L;

  private final long[][] keptMs; // [resolver group][slot]
  private final long[] cycleMs; // [resolver group]

  private StationaryStart(long[][] keptMs, long[] cycleMs) {
    this.keptMs = keptMs;
    this.cycleMs = cycleMs;
  }

  static StationaryStart of(Scenario scenario, AnswerTable table) {
    List<ResolverGroup> groups = scenario.resolverGroups();
    boolean enabled = scenario.schedule().initiallyEnabled();
    long[][] kept = new long[groups.size()][];
    long[] cycle = new long[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      resolve(g, groups, table, enabled, kept, cycle);
    }
    return new StationaryStart(kept, cycle);
  }

  /** Fills group {@code g}'s row after its upstream's (forwarding has no loops: the scenario refuses them). */
  private static void resolve(int g, List<ResolverGroup> groups, AnswerTable table, boolean enabled, long[][] kept,
      long[] cycle) {
    if (kept[g] != null) {
      return;
    }
    ResolverGroup group = groups.get(g);
    ResolverBehaviour behaviour = group.behaviour();
    long extra = behaviour.wholeSecondClock() ? 1000 : 0;
    if (!group.isForwarder()) {
      kept[g] = SteadyState.keptFromAuthority(behaviour, table, enabled);
      cycle[g] = max(kept[g]) + extra;
      return;
    }
    int u = indexOf(groups, group.forwardTo());
    resolve(u, groups, table, enabled, kept, cycle);
    ServeStale stale = groups.get(u).behaviour().serveStale();
    boolean staleAtOnce = stale.enabled() && stale.clientTimeoutMs() == 0;
    long[] row = new long[table.slotCount()];
    for (int slot = 0; slot < row.length; slot++) {
      int answer = SteadyState.initialAnswer(table, slot, enabled);
      if (answer < 0) {
        continue;
      }
      long upstreamKeeps = kept[u][slot];
      long received = staleAtOnce ? Math.max(upstreamKeeps, stale.replyTtlMs(upstreamKeeps)) : upstreamKeeps;
      row[slot] = SteadyState.kept(behaviour, table, answer, received);
    }
    kept[g] = row;
    cycle[g] = max(row) + extra + cycle[u];
  }

  private static int indexOf(List<ResolverGroup> groups, String name) {
    for (int i = 0; i < groups.size(); i++) {
      if (groups.get(i).name().equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException("no resolver group " + name);
  }

  private static long max(long[] values) {
    long m = 0;
    for (long v : values) {
      m = Math.max(m, v);
    }
    return m;
  }

  /** Per slot, the longest TTL a cache of resolver group {@code group} keeps (for the fill). */
  long[] keptMs(int group) {
    return keptMs[group];
  }

  /** The longest cycle of any resolver cache. */
  long longestCycleMs() {
    return max(cycleMs);
  }

  /**
   * How long filled caches settle before time 0 when the fill alone is not exactly stationary:
   * twice the longest cycle, the longest TTL any cache keeps of any answer (both settings, as
   * before), or the longest client cache lifetime or connection in play, at most two hours.
   */
  long settleMs(Scenario scenario, AnswerTable table) {
    long longest = longestCycleMs();
    for (int a = 0; a < table.answerCount(); a++) {
      for (ResolverGroup g : scenario.resolverGroups()) {
        long ttl = table.ttlMs(a);
        boolean negative = table.provenance(a) == dev.dnsflip.authority.Provenance.NEGATIVE.ordinal();
        long kept = negative ? g.behaviour().clamps().negativeMs(ttl) : g.behaviour().clamps().positiveMs(ttl);
        // A whole-second cache keeps an entry up to 1 s past its TTL.
        longest = Math.max(longest, g.behaviour().wholeSecondClock() ? kept + 1000 : kept);
      }
    }
    for (ClientGroup g : scenario.clientGroups()) {
      longest = Math.max(longest, g.behaviour().cache().lifetimeMs(longest, false) + g.behaviour().cache().graceMs());
      longest = Math.max(longest, 3 * g.behaviour().connectionMeanMs());
    }
    return Math.min(2 * longest, MAX_SETTLE_MS);
  }
}
