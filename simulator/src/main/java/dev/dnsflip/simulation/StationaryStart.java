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
 * longest cycle or client lifetime in play, at most {@link #MAX_SETTLE_MS}. It is taken per
 * partition, over the resolver groups and client groups in it: partitions share no state, so each
 * needs only its own entries to settle, and one resolver group with a floor of an hour does not
 * make every other partition simulate two hours before time 0.
 */
final class StationaryStart {
  /** A longer settle would cost more than its gain: past two hours only floors of hours remain, kept whole. */
  static final long MAX_SETTLE_MS = 2 * 3_600_000L;

  private final long[][] keptMs; // [resolver group][slot]
  private final long[] longestMs; // [resolver group] its cycle, or the longest it keeps any answer (either setting)

  private StationaryStart(long[][] keptMs, long[] longestMs) {
    this.keptMs = keptMs;
    this.longestMs = longestMs;
  }

  static StationaryStart of(Scenario scenario, AnswerTable table) {
    List<ResolverGroup> groups = scenario.resolverGroups();
    boolean enabled = scenario.schedule().initiallyEnabled();
    long[][] kept = new long[groups.size()][];
    long[] cycle = new long[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      resolve(g, groups, table, enabled, kept, cycle);
    }
    long[] longest = cycle.clone();
    for (int g = 0; g < groups.size(); g++) {
      ResolverBehaviour behaviour = groups.get(g).behaviour();
      for (int a = 0; a < table.answerCount(); a++) {
        long ttl = table.ttlMs(a);
        boolean negative = table.provenance(a) == dev.dnsflip.authority.Provenance.NEGATIVE.ordinal();
        long keeps = negative ? behaviour.clamps().negativeMs(ttl) : behaviour.clamps().positiveMs(ttl);
        // A whole-second cache keeps an entry up to 1 s past its TTL.
        longest[g] = Math.max(longest[g], behaviour.wholeSecondClock() ? keeps + 1000 : keeps);
      }
    }
    return new StationaryStart(kept, longest);
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

  /**
   * How long filled caches settle before time 0 when the fill alone is not exactly stationary, for
   * the whole scenario: the longest any partition settles ({@link #settleMs(Scenario, boolean[], boolean[])}
   * over every group).
   */
  long settleMs(Scenario scenario) {
    boolean[] resolverGroups = new boolean[scenario.resolverGroups().size()];
    boolean[] clientGroups = new boolean[scenario.clientGroups().size()];
    java.util.Arrays.fill(resolverGroups, true);
    java.util.Arrays.fill(clientGroups, true);
    return settleMs(scenario, resolverGroups, clientGroups);
  }

  /**
   * How long a partition with the given resolver groups and client groups settles: twice the
   * longest cycle, the longest TTL any of its caches keeps of any answer (both settings, as before),
   * or the longest client cache lifetime or connection in play, at most two hours.
   */
  long settleMs(Scenario scenario, boolean[] resolverGroups, boolean[] clientGroups) {
    long longest = 0;
    for (int g = 0; g < resolverGroups.length; g++) {
      if (resolverGroups[g]) {
        longest = Math.max(longest, longestMs[g]);
      }
    }
    List<ClientGroup> clients = scenario.clientGroups();
    for (int g = 0; g < clientGroups.length; g++) {
      if (clientGroups[g]) {
        ClientGroup c = clients.get(g);
        longest = Math.max(longest, c.behaviour().cache().lifetimeMs(longest, false) + c.behaviour().cache().graceMs());
        longest = Math.max(longest, 3 * c.behaviour().connectionMeanMs());
      }
    }
    return Math.min(2 * longest, MAX_SETTLE_MS);
  }
}
