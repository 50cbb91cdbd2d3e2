package dev.dnsflip.explore;

import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.scenarios.Exploration;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The variation of a user's scenario that one case seed draws, within what its {@code vary:}
 * allows, and the test of whether a scenario (a shrunk one, say) is still such a variation.
 */
public final class Variations {
  private static final long SECOND = 1_000;

  private Variations() {}

  /** The scenario with a drawn flip schedule, counts and (if asked) seed. Same seed, same variation. */
  public static Scenario draw(Scenario base, Exploration.Vary v, long caseSeed) {
    SplittableRandom r = new SplittableRandom(caseSeed);
    int flips = v.minFlips() + r.nextInt(v.maxFlips() - v.minFlips() + 1);
    long[] at = times(base, v, flips, r);
    boolean on = base.schedule().initiallyEnabled();
    List<SwitchEvent> events = new ArrayList<>();
    for (long t : at) {
      events.add(new SwitchEvent(t, on ? SwitchDirection.DISABLE : SwitchDirection.ENABLE));
      on = !on;
    }
    Scenario.Builder b = base.toBuilder().schedule(new SwitchSchedule(base.schedule().initiallyEnabled(), events))
        .expectations(List.of());
    if (v.shareSpread() > 0) {
      List<ResolverGroup> resolvers = new ArrayList<>();
      for (ResolverGroup g : base.resolverGroups()) {
        resolvers.add(g.withCount(scaled(g.count(), v.shareSpread(), r)));
      }
      List<ClientGroup> clients = new ArrayList<>();
      for (ClientGroup c : base.clientGroups()) {
        clients.add(c.withCount(scaled(c.count(), v.shareSpread(), r)));
      }
      b.resolverGroups(resolvers).clientGroups(clients);
    }
    if (v.seeds()) {
      b.seed(r.nextLong());
    }
    return b.build();
  }

  /**
   * Whether {@code s}'s schedule is one {@code vary:} allows: the number of flips, each at a whole
   * second inside [from, to], consecutive ones at least the gap apart. Shrinking keeps to these.
   */
  public static boolean allows(Exploration.Vary v, Scenario s) {
    List<SwitchEvent> events = s.schedule().events();
    if (events.size() < v.minFlips() || events.size() > v.maxFlips()) {
      return false;
    }
    long previous = Long.MIN_VALUE;
    for (SwitchEvent e : events) {
      if (e.atMs() < v.fromMs() || e.atMs() > v.toMs() || e.atMs() % SECOND != 0) {
        return false;
      }
      if (previous != Long.MIN_VALUE && e.atMs() - previous < v.minGapMs()) {
        return false;
      }
      previous = e.atMs();
    }
    return true;
  }

  /**
   * Sorted flip times at whole seconds: k uniform points in a range shortened by the gaps, then
   * spread by i gaps, so every schedule with the gaps kept is reachable. With a focus, each flip
   * is instead drawn (with probability 1/2) inside the focused place when that keeps the gaps.
   */
  private static long[] times(Scenario base, Exploration.Vary v, int k, SplittableRandom r) {
    long from = ceilSecond(v.fromMs());
    long to = v.toMs() - v.toMs() % SECOND;
    long gap = ceilSecond(v.minGapMs());
    long span = to - from - (k - 1) * gap;
    long[] at = new long[k];
    for (int i = 0; i < k; i++) {
      at[i] = from + r.nextLong(span / SECOND + 1) * SECOND;
    }
    Arrays.sort(at);
    for (int i = 0; i < k; i++) {
      at[i] += i * gap;
    }
    if (!v.focus().isEmpty()) {
      for (int i = 0; i < k; i++) {
        if (!r.nextBoolean()) {
          continue;
        }
        Exploration.Focus place = v.focus().size() == 1 ? v.focus().get(0) : v.focus().get(r.nextInt(v.focus().size()));
        long lo = i == 0 ? from : at[i - 1] + gap;
        long hi = i + 1 < k ? at[i + 1] - gap : to;
        switch (place) {
          case OUTAGES -> {
            Outage o = base.outages().get(r.nextInt(base.outages().size()));
            lo = Math.max(lo, ceilSecond(o.fromMs()));
            hi = Math.min(hi, o.toMs() - 1);
          }
          case TTL -> {
            if (i == 0) {
              continue;
            }
            hi = Math.min(hi, at[i - 1] + base.account().autoTtlSeconds() * SECOND);
          }
          case PROPAGATION -> {
            if (i == 0) {
              continue;
            }
            hi = Math.min(hi, at[i - 1] + base.propagation().maxMs());
          }
        }
        lo = ceilSecond(lo);
        hi -= hi % SECOND;
        if (lo <= hi) {
          at[i] = lo + r.nextLong((hi - lo) / SECOND + 1) * SECOND;
        }
      }
    }
    return at;
  }

  private static int scaled(int count, double spread, SplittableRandom r) {
    double factor = 1 - spread + 2 * spread * r.nextDouble();
    return (int) Math.max(1, Math.round(count * factor));
  }

  private static long ceilSecond(long ms) {
    return (ms + SECOND - 1) / SECOND * SECOND;
  }
}
