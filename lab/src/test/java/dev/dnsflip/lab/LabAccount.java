package dev.dnsflip.lab;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/**
 * The account the lab tests serve: one of each rule, with short TTLs so real timing runs in
 * seconds. Auto TTL 4 s; the zone's SOA is TTL 3, MINIMUM 60 (the lowest MINIMUM Cloudflare
 * accepts; the SOA record's own TTL is the short one), so negative answers are cached
 * min(3, 60) = 3 s.
 */
final class LabAccount {
  static final long AUTO_TTL_S = 4;
  static final Soa SOA = new Soa(3, 60);
  static final long NEGATIVE_TTL_S = 3;
  static final long EXTERNAL_TTL_S = 60;

  static final Name APEX = name("example.com.");
  /** Proxied, A only: anycast A and synthesised AAAA when off; origin A and NODATA AAAA when on. */
  static final Name WWW = name("www.example.com.");
  /** Proxied CNAME: flattened to anycast when off; the CNAME itself when on. */
  static final Name APP = name("app.example.com.");
  /** DNS-only A with its own TTL: the switch does not touch it. */
  static final Name DNS_ONLY = name("direct.example.com.");
  static final Name MISSING = name("missing.example.com.");
  static final Name TARGET = name("lb.origin.net.");
  static final String ORIGIN_V4 = "192.0.2.10";
  static final String DNS_ONLY_V4 = "192.0.2.20";
  static final String TARGET_V4 = "198.51.100.7";

  private LabAccount() {}

  static Account account() {
    Zone zone = new Zone(APEX, SOA, List.of(
        DnsRecord.regular(new ARecord(WWW, DClass.IN, DnsRecord.AUTO_TTL, address(ORIGIN_V4)), true),
        new DnsRecord(new CNAMERecord(APP, DClass.IN, DnsRecord.AUTO_TTL, TARGET), true, Category.REGULAR, false),
        DnsRecord.regular(new ARecord(DNS_ONLY, DClass.IN, 60, address(DNS_ONLY_V4)), false)));
    Zone external = new Zone(name("origin.net."), Soa.CLOUDFLARE_DEFAULT, List.of(
        DnsRecord.regular(new ARecord(TARGET, DClass.IN, EXTERNAL_TTL_S, address(TARGET_V4)), false)));
    return new Account(List.of(zone), AUTO_TTL_S, Account.defaultAnycastV4(), Account.defaultAnycastV6(),
        SwitchSettings.DEFAULTS, List.of(external));
  }

  static Name name(String s) {
    return Name.fromConstantString(s);
  }

  static InetAddress address(String literal) {
    try {
      return Address.getByAddress(literal); // parses a literal, never resolves
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
