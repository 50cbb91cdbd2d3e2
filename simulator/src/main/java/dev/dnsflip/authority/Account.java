package dev.dnsflip.authority;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * The Cloudflare account: its zones (all obeying the one account-wide switch), the Auto TTL
 * that proxied answers carry, the anycast addresses proxied names answer with, the switch's
 * unsettled settings, and the external zones that CNAME targets may lead to. What Cloudflare
 * refuses of the zones it holds (record TTLs, the SOA MINIMUM) is checked here, because only the
 * account knows which zones are Cloudflare's: external zones keep their owners' values.
 *
 * @param autoTtlSeconds Auto TTL, 300 s per Cloudflare's TTL reference; a parameter for what-ifs
 * @param anycastV4 anycast IPv4 answered for proxied names (zone transfers show two per record;
 *     live answers may draw from a larger pool: unconfirmed, default two)
 * @param anycastV6 anycast IPv6, likewise
 */
public record Account(
    List<Zone> zones,
    long autoTtlSeconds,
    List<InetAddress> anycastV4,
    List<InetAddress> anycastV6,
    SwitchSettings settings,
    List<Zone> externalZones) {

  public static final long DEFAULT_AUTO_TTL_SECONDS = 300;

  public Account {
    zones = List.copyOf(zones);
    anycastV4 = List.copyOf(anycastV4);
    anycastV6 = List.copyOf(anycastV6);
    externalZones = List.copyOf(externalZones);
    Objects.requireNonNull(settings, "settings");
    Problem.requireNone(problems(zones, autoTtlSeconds, anycastV4, anycastV6, externalZones));
  }

  /**
   * What an account with these values breaks, paths relative to the account
   * ({@code autoTtlSeconds}, {@code zones[0].records[3].record.ttl}, {@code externalZones[1].apex});
   * empty when it may be built. The zones themselves are already valid DNS zones.
   */
  public static List<Problem> problems(List<Zone> zones, long autoTtlSeconds, List<InetAddress> anycastV4,
      List<InetAddress> anycastV6, List<Zone> externalZones) {
    List<Problem> problems = new ArrayList<>();
    if (!SecondsRange.POSITIVE.contains(autoTtlSeconds)) {
      problems.add(new Problem("autoTtlSeconds", SecondsRange.POSITIVE.refusal("autoTtl", autoTtlSeconds)));
    }
    if (anycastV4.isEmpty()) {
      problems.add(new Problem("anycastV4", "the anycast IPv4 pool needs at least one address"));
    }
    if (anycastV6.isEmpty()) {
      problems.add(new Problem("anycastV6", "the anycast IPv6 pool needs at least one address"));
    }
    if (zones.isEmpty()) {
      problems.add(new Problem("zones", "the account needs at least one zone"));
    }
    Set<Name> apexes = new HashSet<>();
    for (int i = 0; i < zones.size(); i++) {
      Zone zone = zones.get(i);
      String at = "zones[" + i + "]";
      declaredOnce(zone, apexes).ifPresent(p -> problems.add(p.under(at)));
      for (Problem p : cloudflareZoneProblems(zone)) {
        problems.add(p.under(at));
      }
    }
    for (int i = 0; i < externalZones.size(); i++) {
      Zone zone = externalZones.get(i);
      String at = "externalZones[" + i + "]";
      declaredOnce(zone, apexes).ifPresent(p -> problems.add(p.under(at)));
      for (int j = 0; j < zone.records().size(); j++) {
        if (zone.records().get(j).proxied()) {
          problems.add(new Problem(at + ".records[" + j + "].proxied",
              "external zones are outside the account and DNS-only: a record here cannot be proxied"));
        }
      }
    }
    return problems;
  }

  /** Paths relative to the zone; only zones of the account obey these. */
  private static List<Problem> cloudflareZoneProblems(Zone zone) {
    List<Problem> problems = new ArrayList<>();
    long minimum = zone.soa().minimumSeconds();
    if (!SecondsRange.CLOUDFLARE_SOA_MINIMUM.contains(minimum)) {
      problems.add(new Problem("soa.minimumSeconds", "SOA minimum at Cloudflare is "
          + SecondsRange.CLOUDFLARE_SOA_MINIMUM.min() + " to " + SecondsRange.CLOUDFLARE_SOA_MINIMUM.max()
          + " seconds, got " + minimum));
    }
    for (int j = 0; j < zone.records().size(); j++) {
      long ttl = zone.records().get(j).record().getTTL();
      if (ttl != DnsRecord.AUTO_TTL && !SecondsRange.CLOUDFLARE_RECORD_TTL.contains(ttl)) {
        // Auto TTL is the what-if knob for proxied answers; a stored TTL is what Cloudflare accepts.
        problems.add(new Problem("records[" + j + "].record.ttl", "a record's TTL at Cloudflare is 1 (Auto) or 60 s to "
            + "1 day (30 s on Enterprise), got " + ttl + "; for a what-if on proxied answers change account.autoTtl"));
      }
    }
    return problems;
  }

  private static Optional<Problem> declaredOnce(Zone zone, Set<Name> apexes) {
    if (apexes.add(zone.apex())) {
      return Optional.empty();
    }
    return Optional.of(new Problem("apex", "zone " + Zone.show(zone.apex()) + " is declared twice"));
  }

  public Account withZones(List<Zone> newZones) {
    return new Account(newZones, autoTtlSeconds, anycastV4, anycastV6, settings, externalZones);
  }

  public Account withExternalZones(List<Zone> newExternalZones) {
    return new Account(zones, autoTtlSeconds, anycastV4, anycastV6, settings, newExternalZones);
  }

  public Account withSettings(SwitchSettings newSettings) {
    return new Account(zones, autoTtlSeconds, anycastV4, anycastV6, newSettings, externalZones);
  }

  /** Cloudflare anycast addresses used when a scenario names none (documentation-style values). */
  public static List<InetAddress> defaultAnycastV4() {
    return List.of(address("104.16.132.229"), address("104.16.133.229"));
  }

  public static List<InetAddress> defaultAnycastV6() {
    return List.of(address("2606:4700::6810:84e5"), address("2606:4700::6810:85e5"));
  }

  private static InetAddress address(String literal) {
    try {
      // dnsjava parses literals only, never resolves a name.
      return org.xbill.DNS.Address.getByAddress(literal);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
