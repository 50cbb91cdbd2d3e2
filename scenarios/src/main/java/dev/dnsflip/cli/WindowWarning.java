package dev.dnsflip.cli;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.engine.Durations;
import dev.dnsflip.explore.StaleBounds;
import dev.dnsflip.explore.Traits;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * Before a run: the switches whose window ends before the longest tail the scenario allows (the
 * laws' bound for the slowest resolver and client pair: TTLs and negative TTLs after clamps,
 * client caches, plus the slowest propagation). Their figures would be cut short by the window, so
 * the user hears it before waiting for the run. Pairs no law bounds (expired answers served at once,
 * kept-alive connections, the original TTL passed on) are left out: they would always warn.
 */
final class WindowWarning {
  private WindowWarning() {}

  static List<String> of(Scenario s, AnswerTable table) {
    List<String> warnings = new ArrayList<>();
    List<SwitchEvent> events = s.schedule().events();
    for (int e = 0; e < events.size(); e++) {
      long windowMs = s.windowEndMs(e) - events.get(e).atMs();
      long longest = 0;
      String who = null;
      for (ResolverGroup g : s.resolverGroups()) {
        for (ClientGroup c : s.clientGroups()) {
          if (!c.resolverShares().isEmpty() && c.resolverShares().getOrDefault(g.name(), 0.0) <= 0) {
            continue;
          }
          if (servesStaleAtOnce(s, g)) {
            continue; // an expired entry is answered whenever it is next asked: no law bounds it
          }
          long bound = StaleBounds.pairBound(s, table, e, g, c);
          if (bound >= Long.MAX_VALUE / 4) {
            continue; // nothing bounds it (kept-alive connections, the original TTL passed on)
          }
          if (bound > longest) {
            longest = bound;
            who = g.name() + " (" + g.kind() + ") with client group " + c.name() + " (" + c.kind() + ")";
          }
        }
      }
      long tail = longest + s.propagation().maxMs();
      if (who != null && tail > windowMs) {
        warnings.add("switch " + (e + 1) + " (" + events.get(e).direction().key() + "): its window ("
            + Durations.format(windowMs) + ") ends before the longest tail the scenario allows, "
            + Durations.format(tail) + " (resolver group " + who + ", the slowest propagation included): figures "
            + "it cuts short show as lower bounds (≥); a longer duration or a later next switch sees the tail end");
      }
    }
    return warnings;
  }

  /** Whether {@code g} or a resolver it forwards to answers expired entries at once. */
  private static boolean servesStaleAtOnce(Scenario s, ResolverGroup g) {
    for (ResolverGroup at = g; at != null; ) {
      if (Traits.servesStaleAtOnce(at.behaviour())) {
        return true;
      }
      String next = at.forwardTo();
      at = next == null ? null : s.resolverGroups().stream().filter(x -> x.name().equals(next)).findFirst().orElse(null);
    }
    return false;
  }
}
