package dev.dnsflip.authority;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.NameTooLongException;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Cloudflare's authoritative answers for an account, as a function of the switch setting.
 * Rules (FACTS-cloudflare.md):
 * <ul>
 *   <li>switch off, proxied name: anycast A and AAAA with Auto TTL; AAAA is synthesised for an
 *       A-only name (IPv6 compatibility); a proxied CNAME is flattened to anycast addresses;
 *   <li>switch on, proxied A/AAAA: origin content with Auto TTL; the missing family is NODATA
 *       with the negative TTL min(SOA TTL, SOA MINIMUM); a proxied CNAME answers the CNAME
 *       itself with Auto TTL and the target is resolved on its own;
 *   <li>excluded categories always answer as proxied;
 *   <li>DNS-only records answer their content with their own TTL (1 = Auto); a flattened
 *       DNS-only CNAME answers the target's addresses with min(target TTL, CNAME TTL).
 * </ul>
 * If any A/AAAA on a name is proxied, all A/AAAA on that name are treated as proxied. A
 * proxied CNAME at the apex or with cf-flatten-cname is flattened once DNS-only is enforced, as a
 * DNS-only one is: the target's addresses with min(target TTL, Auto TTL). Wildcards ({@code *})
 * cover names that do not exist, as in RFC 4592.
 * Assumption (documented in ARCHITECTURE.md): a proxied AAAA-only name answers A with anycast
 * IPv4 while proxied, symmetric to the IPv6 synthesis.
 */
public final class Authority {
  /** Longest CNAME chain followed; longer chains or loops are configuration errors. */
  public static final int MAX_CHAIN = 8;

  private final Account account;

  public Authority(Account account) {
    this.account = account;
  }

  public Account account() {
    return account;
  }

  /** The answer to {@code q} when the switch setting in force at the nameserver is {@code enabled}. */
  public Answer answer(Question q, boolean enabled) {
    return answer(q, enabled, 0);
  }

  private Answer answer(Question q, boolean enabled, int depth) {
    if (q.type() != Type.A && q.type() != Type.AAAA) {
      throw new ModelRuleException("only A and AAAA questions are modelled, not " + q);
    }
    if (depth > MAX_CHAIN) {
      throw new ModelRuleException("CNAME chain longer than " + MAX_CHAIN + " or looping at " + q);
    }
    Zone zone = zoneOf(q.name());
    boolean inAccount = account.zones().contains(zone);
    List<DnsRecord> atName = new ArrayList<>();
    boolean below = false;
    for (DnsRecord r : zone.records()) {
      Name owner = r.record().getName();
      if (owner.equals(q.name())) {
        atName.add(r);
      } else if (owner.subdomain(q.name())) {
        below = true;
      }
    }
    if (atName.isEmpty() && !below) {
      atName = wildcard(zone, q.name());
    }
    DnsRecord cname = null;
    List<DnsRecord> addresses = new ArrayList<>();
    DnsRecord proxiedAddress = null;
    for (DnsRecord r : atName) {
      if (r.type() == Type.CNAME) {
        cname = r;
      } else if (r.type() == Type.A || r.type() == Type.AAAA) {
        addresses.add(r);
        if (r.proxied() && proxiedAddress == null) {
          proxiedAddress = r;
        }
      }
    }
    if (cname != null) {
      return cnameAnswer(q, zone, inAccount, cname, enabled, depth);
    }
    if (proxiedAddress != null && inAccount) {
      boolean dnsOnly = enabled && proxiedAddress.category().affectedBySwitch(account.settings());
      if (!dnsOnly) {
        return anycast(q, addresses);
      }
      return data(q, zone, addresses, autoTtl(), Provenance.ORIGIN);
    }
    if (!atName.isEmpty() || below) {
      return data(q, zone, addresses, -1, Provenance.ORIGIN);
    }
    return negative(AnswerKind.NXDOMAIN, zone);
  }

  private Answer cnameAnswer(Question q, Zone zone, boolean inAccount, DnsRecord cname,
      boolean enabled, int depth) {
    Name target = ((CNAMERecord) cname.record()).getTarget();
    long ttl;
    if (cname.proxied() && inAccount) {
      boolean dnsOnly = enabled && cname.category().affectedBySwitch(account.settings());
      if (!dnsOnly) {
        return anycast(q, List.of());
      }
      // DNS-only enforced: the CNAME answers as a DNS-only one would, with the Auto TTL a proxied
      // record keeps; at the apex or with cf-flatten-cname that means flattened, as below.
      ttl = autoTtl();
    } else {
      ttl = ttlOf(cname);
    }
    boolean flatten = cname.flatten() || q.name().equals(zone.apex());
    if (flatten) {
      int d = depth + 1;
      Answer terminal = answer(new Question(target, q.type()), enabled, d);
      while (terminal.kind() == AnswerKind.CNAME) {
        // Each hop counts, so a loop behind a flattened CNAME ends at MAX_CHAIN.
        terminal = answer(terminal.target(), enabled, ++d);
      }
      long flattenedTtl = Math.min(terminal.ttlSeconds(), ttl);
      List<Record> renamed = new ArrayList<>();
      for (Record r : terminal.records()) {
        renamed.add(withOwnerAndTtl(r, q.name(), flattenedTtl));
      }
      if (terminal.kind() != AnswerKind.DATA) {
        return new Answer(AnswerKind.NODATA, terminal.provenance(), flattenedTtl, List.of(), null);
      }
      return new Answer(AnswerKind.DATA, terminal.provenance(), flattenedTtl, renamed, null);
    }
    Record r = new CNAMERecord(q.name(), DClass.IN, ttl, target);
    return new Answer(AnswerKind.CNAME, Provenance.ORIGIN, ttl, List.of(r), new Question(target, q.type()));
  }

  /**
   * The records of the wildcard that covers {@code name}, renamed to it, or none (RFC 4592): the
   * closest encloser is the nearest existing ancestor (a name with records at or below it), and
   * only {@code *.<closest encloser>} applies. Called only when {@code name} does not exist.
   */
  private static List<DnsRecord> wildcard(Zone zone, Name name) {
    if (name.equals(zone.apex())) {
      return List.of();
    }
    Name ancestor = name;
    while (ancestor.labels() > zone.apex().labels()) {
      ancestor = new Name(ancestor, 1);
      if (exists(zone, ancestor)) {
        break;
      }
    }
    Name star;
    try {
      star = Name.concatenate(Name.fromConstantString("*"), ancestor);
    } catch (NameTooLongException e) {
      return List.of();
    }
    List<DnsRecord> synthesised = new ArrayList<>();
    for (DnsRecord r : zone.records()) {
      if (r.record().getName().equals(star)) {
        Record renamed = Record.newRecord(name, r.type(), DClass.IN, r.record().getTTL(),
            r.record().rdataToWireCanonical());
        synthesised.add(new DnsRecord(renamed, r.proxied(), r.category(), r.flatten()));
      }
    }
    return synthesised;
  }

  private static boolean exists(Zone zone, Name name) {
    if (name.equals(zone.apex())) {
      return true;
    }
    for (DnsRecord r : zone.records()) {
      if (r.record().getName().subdomain(name)) {
        return true;
      }
    }
    return false;
  }

  /** Follows CNAMEs through the authority (no caches): what a resolver gets once everything expired. */
  public Answer resolveTerminal(Question q, boolean enabled) {
    Answer a = answer(q, enabled);
    for (int i = 0; a.kind() == AnswerKind.CNAME; i++) {
      if (i >= MAX_CHAIN) {
        throw new ModelRuleException("CNAME chain longer than " + MAX_CHAIN + " or looping at " + q);
      }
      a = answer(a.target(), enabled);
    }
    return a;
  }

  private Answer anycast(Question q, List<DnsRecord> addresses) {
    boolean hasAaaa = addresses.stream().anyMatch(r -> r.type() == Type.AAAA);
    if (q.type() == Type.AAAA && !hasAaaa && !addresses.isEmpty() && !account.settings().ipv6Compatibility()) {
      return negative(AnswerKind.NODATA, zoneOf(q.name()));
    }
    List<InetAddress> pool = q.type() == Type.A ? account.anycastV4() : account.anycastV6();
    List<Record> records = new ArrayList<>();
    for (InetAddress a : pool) {
      records.add(q.type() == Type.A
          ? new ARecord(q.name(), DClass.IN, autoTtl(), a)
          : new AAAARecord(q.name(), DClass.IN, autoTtl(), a));
    }
    return new Answer(AnswerKind.DATA, Provenance.ANYCAST, autoTtl(), records, null);
  }

  /** Records of the question's type; ttlOverride < 0 means each record's own TTL (RRset: the minimum). */
  private Answer data(Question q, Zone zone, List<DnsRecord> addresses, long ttlOverride,
      Provenance provenance) {
    List<Record> records = new ArrayList<>();
    long ttl = Long.MAX_VALUE;
    for (DnsRecord r : addresses) {
      if (r.type() == q.type()) {
        long t = ttlOverride >= 0 ? ttlOverride : ttlOf(r);
        ttl = Math.min(ttl, t);
        records.add(r.record());
      }
    }
    if (records.isEmpty()) {
      return negative(AnswerKind.NODATA, zone);
    }
    List<Record> withTtl = new ArrayList<>();
    for (Record r : records) {
      withTtl.add(withOwnerAndTtl(r, r.getName(), ttl));
    }
    return new Answer(AnswerKind.DATA, provenance, ttl, withTtl, null);
  }

  private Answer negative(AnswerKind kind, Zone zone) {
    return new Answer(kind, Provenance.NEGATIVE, zone.soa().negativeTtlSeconds(), List.of(), null);
  }

  private static Record withOwnerAndTtl(Record r, Name owner, long ttl) {
    return Record.newRecord(owner, r.getType(), DClass.IN, ttl, r.rdataToWireCanonical());
  }

  private long ttlOf(DnsRecord r) {
    return r.isAutoTtl() ? autoTtl() : r.record().getTTL();
  }

  private long autoTtl() {
    return account.autoTtlSeconds();
  }

  /** The most specific zone (account or external) holding {@code name}. */
  public Zone zoneOf(Name name) {
    Zone best = null;
    for (List<Zone> zones : List.of(account.zones(), account.externalZones())) {
      for (Zone z : zones) {
        if (z.contains(name) && (best == null || z.apex().labels() > best.apex().labels())) {
          best = z;
        }
      }
    }
    if (best == null) {
      throw new ModelRuleException(name + " is in no zone of the account and no external zone");
    }
    return best;
  }
}
