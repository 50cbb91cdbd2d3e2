package dev.dnsflip.simulation;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.Zone;
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

  static List<TailCause> of(AnswerTable table, Account account, EventReport event, boolean before,
      long maxDelayMs, long bucketMs) {
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
            + "of " + zone.apex() + ", min(SOA TTL " + soa.ttlSeconds() + " s, MINIMUM " + soa.minimumSeconds()
            + " s) = " + Durations.format(longest) + ": clients are told the record does not exist until it expires"
            + (table.question(q).type() == Type.AAAA ? " (no IPv6 answer for an A-only name)." : ".");
        change = "Lower the SOA MINIMUM (or TTL) of " + zone.apex() + " ahead of the switch (Cloudflare accepts 60 s "
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
      causes.add(new TailCause(g.cause, g.records, g.held, g.lastStale, seen(g.lastStale, g.held, windowMs,
          lastBucketStart), g.change));
    }
    // Kinds that keep answers longer than any TTL explains: their own behaviour, not the zone's.
    for (Blame b : event.blame()) {
      if (b.staleUses() > 0 && b.lastStaleMaxMs() >= bounded) {
        String who = b.resolverGroup() + " (" + b.resolverKind() + ") with " + b.clientGroup() + " ("
            + b.clientKind() + ")";
        causes.add(new TailCause("Resolvers or clients of " + who + " kept the old answer past its TTL (a TTL "
            + "floor, serve-stale, a client cache or a kept-alive connection): latest stale use "
            + Durations.format(b.lastStaleMaxMs()) + ".", List.of(who), -1, b.lastStaleMaxMs(),
            seen(b.lastStaleMaxMs(), -1, windowMs, lastBucketStart),
            "Nothing in the zone shortens this: it is that software's own setting. Bound it in the resolver or "
            + "client, or plan the switch around it."));
      }
    }
    return causes;
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
