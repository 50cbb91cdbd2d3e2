package dev.dnsflip.lab;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One query and its response, bracketed by wall-clock times: the server handled it somewhere in
 * [{@code sentMs}, {@code receivedMs}], which is all a test may assume about when.
 */
record Observation(long sentMs, long receivedMs, Message response) {

  long roundTripMs() {
    return receivedMs - sentMs;
  }

  int rcode() {
    return response.getRcode();
  }

  /** The A or AAAA addresses in the answer section (after any CNAMEs a resolver followed). */
  List<InetAddress> addresses() {
    List<InetAddress> out = new ArrayList<>();
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r instanceof ARecord a) {
        out.add(a.getAddress());
      } else if (r instanceof AAAARecord aaaa) {
        out.add(aaaa.getAddress());
      }
    }
    return out;
  }

  /** Whole-second TTL: the smallest address TTL, or for a negative answer its SOA's TTL. */
  long ttl() {
    long ttl = Long.MAX_VALUE;
    for (Record r : response.getSection(Section.ANSWER)) {
      if (r.getType() == Type.A || r.getType() == Type.AAAA) {
        ttl = Math.min(ttl, r.getTTL());
      }
    }
    if (ttl == Long.MAX_VALUE) {
      for (Record r : response.getSection(Section.AUTHORITY)) {
        if (r.getType() == Type.SOA) {
          ttl = r.getTTL();
        }
      }
    }
    if (ttl == Long.MAX_VALUE) {
      throw new AssertionError("no address and no SOA in\n" + response);
    }
    return ttl;
  }

  /** Anycast if every address is from the account's pools, origin if none is, negative if none at all. */
  Provenance provenance(Account account) {
    List<InetAddress> addresses = addresses();
    if (addresses.isEmpty() && (rcode() == Rcode.NOERROR || rcode() == Rcode.NXDOMAIN)) {
      return Provenance.NEGATIVE;
    }
    long anycast = addresses.stream()
        .filter(a -> account.anycastV4().contains(a) || account.anycastV6().contains(a)).count();
    if (anycast == addresses.size() && anycast > 0) {
      return Provenance.ANYCAST;
    }
    if (anycast == 0 && !addresses.isEmpty()) {
      return Provenance.ORIGIN;
    }
    throw new AssertionError("mixed or failed answer (" + Rcode.string(rcode()) + "):\n" + response);
  }

  /** For failure messages: "+412 ms ANYCAST ttl 3". */
  String describe(Account account, long originMs) {
    return String.format("+%d ms (rtt %d) %s ttl %d", sentMs - originMs, roundTripMs(), provenance(account), ttl());
  }
}
