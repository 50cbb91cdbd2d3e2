package dev.dnsflip.authority;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * The Cloudflare account: its zones (all obeying the one account-wide switch), the Auto TTL
 * that proxied answers carry, the anycast addresses proxied names answer with, the switch's
 * unsettled settings, and the external zones that CNAME targets may lead to.
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
    if (autoTtlSeconds <= 0) {
      throw new IllegalArgumentException("Auto TTL must be > 0 s, got " + autoTtlSeconds);
    }
    if (anycastV4.isEmpty() || anycastV6.isEmpty()) {
      throw new IllegalArgumentException("anycast pools must not be empty");
    }
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
