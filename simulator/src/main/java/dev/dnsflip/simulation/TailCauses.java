package dev.dnsflip.simulation;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.Blame;
import dev.dnsflip.observe.EventReport;
import dev.dnsflip.observe.ExcludedRecord;
import dev.dnsflip.observe.QuestionStats;
import dev.dnsflip.observe.TailCause;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * The causes of a switch's tail in plain words, from what the run observed per question and per
 * (resolver, client) pair and from the answers the old setting gave: a negative answer cached for
 * the zone's negative TTL, positive answers cached for their TTL, and behaviours that keep answers
 * past any TTL. Each says what the user can change and whether the window saw the tail end.
 */
final class TailCauses {
  private TailCauses() {}

  /** The proxied records the switch leaves answering anycast, and why. */
  static List<ExcludedRecord> excluded(Account account) {
    List<ExcludedRecord> excluded = new ArrayList<>();
    for (Zone z : account.zones()) {
      for (DnsRecord r : z.records()) {
        String why = r.category().whyExcluded(account.settings());
        if (r.proxied() && !why.isEmpty()) {
          excluded.add(new ExcludedRecord(r.record().getName().toString(), Type.string(r.type()), r.category().key(),
              why));
        }
      }
    }
    return excluded;
  }

  static List<TailCause> of(AnswerTable table, Scenario scenario, EventReport event, boolean before,
      long maxDelayMs, long bucketMs) {
    Account account = scenario.account();
    long windowMs = event.windowEndMs() - event.atMs();
    long lastBucketStart = Math.max(0, (windowMs + bucketMs - 1) / bucketMs - 1) * bucketMs;
    Map<String, Integer> index = new HashMap<>();
    for (int q = 0; q < table.questionCount(); q++) {
      index.put(table.question(q).toString(), q);
    }
    Authority authority = new Authority(account);
    Map<String, Group> groups = new LinkedHashMap<>();
    long bounded = 0;
    for (QuestionStats qs : event.questions()) {
      Integer q = index.get(qs.question());
      if (q == null || qs.staleUses() == 0) {
        continue;
      }
      int a = table.answerOf(q, before);
      long longest = table.ttlMs(a);
      int current = q;
      boolean viaCname = false;
      while (table.isCname(a)) {
        viaCname = true;
        current = table.target(a, current);
        a = table.answerOf(current, before);
        longest = Math.max(longest, table.ttlMs(a));
      }
      boolean negative = table.provenance(a) == Provenance.NEGATIVE.ordinal();
      String key;
      String cause;
      String change;
      if (negative) {
        Zone zone = authority.zoneOf(table.question(q).name());
        Soa soa = zone.soa();
        String what = table.answer(a).kind() == AnswerKind.NXDOMAIN ? "NXDOMAIN" : "NODATA";
        key = "negative " + zone.apex() + " " + longest;
        cause = "The " + what + " these names answered " + settingWords(before) + " is cached for the negative TTL "
            + "of " + zone.apex().toString(true) + ", min(SOA TTL " + soa.ttlSeconds() + " s, MINIMUM " + soa.minimumSeconds()
            + " s) = " + Durations.format(longest) + ": clients are told the record does not exist until it expires"
            + (table.question(q).type() == Type.AAAA ? " (no IPv6 answer for an A-only name)." : ".");
        change = "Lower the SOA MINIMUM (or TTL) of " + zone.apex().toString(true) + " ahead of the switch (Cloudflare accepts 60 s "
            + "to 1 day), or give these names a record of the missing family.";
      } else {
        boolean auto = longest == account.autoTtlSeconds() * 1000L;
        String old = table.provenance(a) == Provenance.ANYCAST.ordinal() ? "Cloudflare's anycast addresses"
            : viaCname ? "the CNAME target and its addresses" : "the origin addresses";
        key = "positive " + longest + " " + old;
        cause = "The answers of the previous setting (" + old + ") are cached for their TTL, at most "
            + Durations.format(longest) + (auto ? " (the Auto TTL of proxied records)" : "")
            + ", and the switch reached the last nameserver after up to " + Durations.format(maxDelayMs) + ".";
        change = auto ? "Proxied records always answer with the Auto TTL: plan for it (switch back no sooner than "
            + Durations.format(longest + maxDelayMs) + " after a switch if clients must settle first)."
            : "Lower the TTL of the CNAME target (or record) in its own zone ahead of the switch.";
      }
      long held = longest + maxDelayMs;
      bounded = Math.max(bounded, held);
      Group g = groups.computeIfAbsent(key, k -> new Group(cause, change, held));
      g.records.add(qs.question());
      g.lastStale = Math.max(g.lastStale, qs.lastStaleMaxMs());
    }
    List<TailCause> causes = new ArrayList<>();
    for (Group g : groups.values()) {
      // A zone cause ends by its bound; later stale uses of the same names are the behaviours' below.
      String past = g.lastStale > g.held ? " Stale uses of these names went on to " + Durations.format(g.lastStale)
          + ", past this bound: the resolver and client behaviours below hold them." : "";
      causes.add(new TailCause(g.cause + past, g.records, g.held, g.lastStale, g.held <= windowMs, g.change));
    }
    // Pairs that kept answers longer than any TTL explains, per resolver group: their own behaviour.
    Map<String, List<Blame>> slow = new LinkedHashMap<>();
    for (Blame b : event.blame()) {
      if (b.staleUses() > 0 && b.lastStaleMaxMs() >= bounded) {
        slow.computeIfAbsent(b.resolverGroup(), k -> new ArrayList<>()).add(b);
      }
    }
    for (Map.Entry<String, List<Blame>> e : slow.entrySet()) {
      ResolverGroup group = scenario.resolverGroups().stream().filter(g -> g.name().equals(e.getKey())).findFirst()
          .orElseThrow();
      long latest = -1;
      List<String> clients = new ArrayList<>();
      List<String> clientWays = new ArrayList<>();
      for (Blame b : e.getValue()) {
        latest = Math.max(latest, b.lastStaleMaxMs());
        clients.add(b.clientGroup() + " (" + b.clientKind() + ")");
        scenario.clientGroups().stream().filter(c -> c.name().equals(b.clientGroup())).findFirst()
            .map(c -> clientWays(c.behaviour())).filter(w -> !w.isEmpty()).ifPresent(w -> clientWays.add(b.clientGroup()
                + ": " + w));
      }
      List<String> ways = resolverWays(scenario, group);
      String how = (ways.isEmpty() ? "" : "the resolvers " + String.join(", ", ways))
          + (clientWays.isEmpty() ? "" : (ways.isEmpty() ? "" : "; ") + "the clients' own " + String.join("; ", clientWays));
      causes.add(new TailCause("Resolver group " + group.name() + " (" + group.kind() + ") with client groups "
          + String.join(", ", clients) + " kept the old answer past its TTL"
          + (how.isEmpty() ? "" : " (" + how + ")") + ": latest stale use " + Durations.format(latest) + ".",
          List.of(group.name() + " (" + group.kind() + ")"), -1, latest, seen(latest, -1, windowMs, lastBucketStart),
          "Nothing in the zone shortens this: it is that software's own setting. Bound it in the resolver or client, "
              + "or plan the switch around it."));
    }
    return causes;
  }

  /** What keeps answers past their TTL at a resolver group (and the resolvers it forwards to). */
  private static List<String> resolverWays(Scenario scenario, ResolverGroup group) {
    List<String> ways = new ArrayList<>();
    for (ResolverGroup at = group; at != null; ) {
      ResolverBehaviour b = at.behaviour();
      String where = at == group ? "" : " (at " + at.name() + ", which it forwards to)";
      if (b.clamps().minPositiveS() > 0 || b.clamps().minNegativeS() > 0) {
        ways.add("keep answers at least " + Math.max(b.clamps().minPositiveS(), b.clamps().minNegativeS())
            + " s (a TTL floor)" + where);
      }
      if (b.serveStale().enabled()) {
        ways.add("answer expired entries (serve-stale)" + where);
      }
      if (b.passOriginalTtl()) {
        ways.add("pass on the original TTL" + where);
      }
      if (b.wholeSecondClock()) {
        ways.add("keep whole seconds (up to 1 s past the TTL)" + where);
      }
      String next = at.forwardTo();
      at = next == null ? null
          : scenario.resolverGroups().stream().filter(g -> g.name().equals(next)).findFirst().orElse(null);
    }
    return ways;
  }

  private static String clientWays(ClientBehaviour b) {
    List<String> ways = new ArrayList<>();
    if (!(b.cache() instanceof ClientCache.None)) {
      ways.add("cache (" + b.cache().describe() + ")");
    }
    if (b.connectionMeanMs() > 0) {
      ways.add("kept-alive connections (mean " + Durations.format(b.connectionMeanMs()) + ")");
    }
    return String.join(" and ", ways);
  }

  /** The tail ended inside the window: before its last bucket, and within the window when it is bounded. */
  private static boolean seen(long lastStaleMs, long heldMs, long windowMs, long lastBucketStart) {
    return lastStaleMs < lastBucketStart && (heldMs < 0 || heldMs <= windowMs);
  }

  private static String settingWords(boolean enabled) {
    return enabled ? "while DNS-only was enforced" : "while proxied";
  }

  private static final class Group {
    final String cause;
    final String change;
    final long held;
    final List<String> records = new ArrayList<>();
    long lastStale = -1;

    Group(String cause, String change, long held) {
      this.cause = cause;
      this.change = change;
      this.held = held;
    }
  }
}
