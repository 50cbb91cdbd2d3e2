package dev.dnsflip.lab;

import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.Zone;
import java.net.InetAddress;
import java.util.List;
import java.util.stream.Stream;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Turns one DNS query into the authoritative response the simulator's {@link Authority} gives for
 * it under the switch setting passed in: the answer section holds exactly the model's records
 * (anycast or origin addresses, or the bare CNAME under the switch: the resolver follows it on its
 * own, as the model's caches do), and a negative answer carries the zone's SOA in the authority
 * section with the TTL a resolver must negative-cache it for (RFC 2308 section 3). Every response
 * for a zone it serves has AA set; names outside the account's and external zones are REFUSED.
 *
 * <p>The model only knows A and AAAA; for the rest a zone apex answers its SOA and an NS record
 * naming {@link #nameserverName} (which answers A with the server's own address), so a resolver
 * can use the server as a stub-zone target, and other types answer as a plain zone would: the
 * CNAME if the name is one, NXDOMAIN if it does not exist, else NODATA.
 */
public final class Responder {
  /** EDNS payload advertised: DNS Flag Day 2020's size, so no UDP answer needs IP fragments. */
  static final int EDNS_PAYLOAD = 1232;
  private static final int PLAIN_UDP_LIMIT = 512;
  // Cloudflare's SOA timers (FACTS-cloudflare.md); resolvers only use MINIMUM, for negative caching.
  private static final long SERIAL = 1;
  private static final long REFRESH = 10_000;
  private static final long RETRY = 2_400;
  private static final long EXPIRE = 604_800;

  private final Authority authority;
  private final InetAddress nameserverAddress;
  private final List<Zone> zones;

  /** {@code nameserverAddress}: what {@link #nameserverName} resolves to, the server's own address. */
  public Responder(Authority authority, InetAddress nameserverAddress) {
    this.authority = authority;
    this.nameserverAddress = nameserverAddress;
    this.zones = Stream.concat(authority.account().zones().stream(),
        authority.account().externalZones().stream()).toList();
    for (Zone zone : zones) {
      Name ns = nameserverName(zone.apex());
      if (zone.records().stream().anyMatch(r -> r.record().getName().equals(ns))) {
        throw new IllegalArgumentException(ns + " is the lab's nameserver name; the zone must not use it");
      }
    }
  }

  /** The host named by each zone's NS record: inside the zone, so no glue from elsewhere is needed. */
  public static Name nameserverName(Name apex) {
    return concatenate(Name.fromConstantString("lab-ns"), apex);
  }

  /** Every zone answered: the account's (obeying the switch) and the external ones. */
  public List<Zone> zones() {
    return zones;
  }

  /** The response to {@code query} while the account's switch is {@code enabled}. */
  public Message respond(Message query, boolean enabled) {
    Message response = reply(query);
    Header qh = query.getHeader();
    Header h = response.getHeader();
    Record question = query.getQuestion();
    if (qh.getOpcode() != Opcode.QUERY) {
      h.setRcode(Rcode.NOTIMP);
      return response;
    }
    if (question == null || qh.getCount(Section.QUESTION) != 1) {
      h.setRcode(Rcode.FORMERR);
      return response;
    }
    Zone zone = question.getDClass() == DClass.IN ? zoneOf(question.getName()) : null;
    if (zone == null) {
      h.setRcode(Rcode.REFUSED); // not ours: a stub-zone "." guard sends everything else here
      return response;
    }
    try {
      answer(response, zone, question.getName(), question.getType(), enabled);
      h.setFlag(Flags.AA);
    } catch (ModelRuleException chainTooLongOrLooping) {
      h.setRcode(Rcode.SERVFAIL);
    }
    return response;
  }

  /**
   * SERVFAIL to {@code query}, whatever it asks: what a broken or overloaded authoritative server
   * says (no AA, no records), so a resolver learns at once that the fetch failed.
   */
  public Message serverFailure(Message query) {
    Message response = reply(query);
    response.getHeader().setRcode(Rcode.SERVFAIL);
    return response;
  }

  /** A response to {@code query} with its ID, opcode, RD and question copied back and nothing else. */
  private static Message reply(Message query) {
    Header qh = query.getHeader();
    Message response = new Message(qh.getID());
    Header h = response.getHeader();
    h.setFlag(Flags.QR);
    if (qh.getFlag(Flags.RD)) {
      h.setFlag(Flags.RD); // copied back as RFC 1035 asks; RA stays clear: this server does not recurse
    }
    h.setOpcode(qh.getOpcode());
    Record question = query.getQuestion();
    if (question != null) {
      response.addRecord(question, Section.QUESTION);
    }
    if (query.getOPT() != null) {
      response.addRecord(new OPTRecord(EDNS_PAYLOAD, 0, 0), Section.ADDITIONAL);
    }
    return response;
  }

  /** The largest UDP response the asker accepts: its EDNS payload size, else 512 bytes. */
  static int udpLimit(Message query) {
    OPTRecord opt = query.getOPT();
    return opt == null ? PLAIN_UDP_LIMIT : Math.max(PLAIN_UDP_LIMIT, opt.getPayloadSize());
  }

  private void answer(Message response, Zone zone, Name name, int type, boolean enabled) {
    Name apex = zone.apex();
    Soa soa = zone.soa();
    Name ns = nameserverName(apex);
    if (name.equals(ns)) {
      if (type == Type.A) {
        response.addRecord(new ARecord(ns, DClass.IN, soa.ttlSeconds(), nameserverAddress), Section.ANSWER);
      } else {
        negative(response, zone, Rcode.NOERROR, soa.negativeTtlSeconds());
      }
      return;
    }
    if (name.equals(apex) && type == Type.SOA) {
      response.addRecord(soa(zone, soa.ttlSeconds(), soa.minimumSeconds()), Section.ANSWER);
      return;
    }
    if (name.equals(apex) && type == Type.NS) {
      response.addRecord(new NSRecord(apex, DClass.IN, soa.ttlSeconds(), ns), Section.ANSWER);
      return;
    }
    boolean modelled = type == Type.A || type == Type.AAAA;
    // Other types: the A answer tells whether the name is a CNAME, exists, or does not.
    Answer answer = authority.answer(new Question(name, modelled ? type : Type.A), enabled);
    AnswerKind kind = answer.kind();
    if (!modelled && kind == AnswerKind.DATA) {
      kind = AnswerKind.NODATA;
    }
    if (kind == AnswerKind.NXDOMAIN && name.equals(apex)) {
      kind = AnswerKind.NODATA; // the apex always exists in DNS: it holds the SOA and NS
    }
    switch (kind) {
      case DATA, CNAME -> answer.records().forEach(r -> response.addRecord(r, Section.ANSWER));
      case NODATA -> negative(response, zone, Rcode.NOERROR, negativeTtl(answer, soa));
      case NXDOMAIN -> negative(response, zone, Rcode.NXDOMAIN, negativeTtl(answer, soa));
    }
  }

  /** The model's negative TTL; the zone's own when the model had a positive answer to a type it does not model. */
  private static long negativeTtl(Answer answer, Soa soa) {
    return answer.kind() == AnswerKind.NODATA || answer.kind() == AnswerKind.NXDOMAIN
        ? answer.ttlSeconds() : soa.negativeTtlSeconds();
  }

  /**
   * The SOA a negative answer carries: its TTL is the time to negative-cache (RFC 2308 section 3:
   * min(SOA TTL, MINIMUM)), and MINIMUM is the zone's. MINIMUM is raised to the TTL only when a
   * flattened CNAME's target zone gave a longer negative TTL than this zone's MINIMUM, so a
   * resolver's min(TTL, MINIMUM) is always the model's TTL.
   */
  private static void negative(Message response, Zone zone, int rcode, long ttl) {
    response.getHeader().setRcode(rcode);
    response.addRecord(soa(zone, ttl, Math.max(zone.soa().minimumSeconds(), ttl)), Section.AUTHORITY);
  }

  private static SOARecord soa(Zone zone, long ttl, long minimum) {
    Name apex = zone.apex();
    return new SOARecord(apex, DClass.IN, ttl, nameserverName(apex),
        concatenate(Name.fromConstantString("hostmaster"), apex), SERIAL, REFRESH, RETRY, EXPIRE, minimum);
  }

  /** The most specific zone served that holds {@code name}, or null. */
  private Zone zoneOf(Name name) {
    Zone best = null;
    for (Zone z : zones) {
      if (z.contains(name) && (best == null || z.apex().labels() > best.apex().labels())) {
        best = z;
      }
    }
    return best;
  }

  private static Name concatenate(Name prefix, Name suffix) {
    try {
      return Name.concatenate(prefix, suffix);
    } catch (org.xbill.DNS.NameTooLongException e) {
      throw new IllegalArgumentException("name too long under " + suffix, e);
    }
  }
}
