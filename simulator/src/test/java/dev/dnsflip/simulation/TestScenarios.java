package dev.dnsflip.simulation;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Small scenarios built in code for tests. */
public final class TestScenarios {
  private TestScenarios() {}

  public static Name name(String s) {
    try {
      return Name.fromString(s.endsWith(".") ? s : s + ".");
    } catch (TextParseException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static DnsRecord a(String owner, String ip, long ttl, boolean proxied) {
    return a(owner, ip, ttl, proxied, Category.REGULAR);
  }

  public static DnsRecord a(String owner, String ip, long ttl, boolean proxied, Category category) {
    try {
      return new DnsRecord(new ARecord(name(owner), DClass.IN, ttl, Address.getByAddress(ip, Address.IPv4)),
          proxied, category, false);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static DnsRecord aaaa(String owner, String ip, long ttl, boolean proxied, Category category) {
    try {
      return new DnsRecord(new AAAARecord(name(owner), DClass.IN, ttl, Address.getByAddress(ip, Address.IPv6)),
          proxied, category, false);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static DnsRecord cname(String owner, String target, long ttl, boolean proxied, Category category,
      boolean flatten) {
    return new DnsRecord(new CNAMERecord(name(owner), DClass.IN, ttl, name(target)), proxied, category, flatten);
  }

  public static Zone zone(String apex, DnsRecord... records) {
    return new Zone(name(apex), Soa.CLOUDFLARE_DEFAULT, List.of(records));
  }

  public static Account account(long autoTtl, List<Zone> zones, List<Zone> external) {
    return new Account(zones, autoTtl, Account.defaultAnycastV4(), Account.defaultAnycastV6(),
        SwitchSettings.DEFAULTS, external);
  }

  public static Question question(String name, int type) {
    return new Question(name(name), type);
  }

  public static SwitchSchedule schedule(long... enableDisableTimes) {
    List<SwitchEvent> events = new ArrayList<>();
    for (int i = 0; i < enableDisableTimes.length; i++) {
      events.add(new SwitchEvent(enableDisableTimes[i], i % 2 == 0 ? SwitchDirection.ENABLE : SwitchDirection.DISABLE));
    }
    return new SwitchSchedule(false, events);
  }

  /**
   * One proxied A name www.example.com behind {@code resolvers} resolvers, {@code clients}
   * clients at {@code queriesPerSecond} each, Auto TTL {@code ttlSeconds}.
   */
  public static Scenario singleName(long ttlSeconds, int resolvers, int clients, double queriesPerSecond,
      long durationMs, SwitchSchedule schedule, Propagation propagation, InitialCache init, long seed,
      int replications, long bucketMs) {
    Account account = account(ttlSeconds, List.of(zone("example.com", a("www.example.com", "192.0.2.10", 1, true))),
        List.of());
    return Scenario.builder().name("single").seed(seed).replications(replications).durationMs(durationMs)
        .bucketMs(bucketMs).initialCache(init).account(account).propagation(propagation).schedule(schedule)
        .resolverGroups(List.of(new ResolverGroup("r", resolvers)))
        .clientGroups(List.of(new ClientGroup("c", clients, queriesPerSecond, Map.of(),
            List.of(new WeightedQuestion(question("www.example.com", Type.A), 1)))))
        .build();
  }
}
