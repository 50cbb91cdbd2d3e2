package dev.dnsflip.lab;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.Zone;
import java.util.ArrayList;
import java.util.List;

/**
 * A scenario played {@code speed} times faster than real time: every duration the lab touches is
 * divided alike, the switch instants and the client rates as well as the TTLs the lab authority
 * hands out (a real resolver keeps an entry for the TTL it was given, in real seconds). TTLs are
 * whole seconds on the wire, so a scaled TTL is rounded to the nearest second, at least 1 s (0
 * would not be cached at all): with a speed that does not divide every TTL the lab keeps entries
 * for a slightly different share of the run than the scenario says.
 */
public record TimeScale(double speed) {
  public static final TimeScale REAL_TIME = new TimeScale(1);

  public TimeScale {
    if (!(speed >= 1) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number >= 1, got " + speed);
    }
  }

  /** Wall milliseconds for {@code scenarioMs} of the scenario. */
  public long wallMs(long scenarioMs) {
    return Math.round(scenarioMs / speed);
  }

  /** Scenario milliseconds for {@code wallMs} of wall time. */
  public long scenarioMs(long wallMs) {
    return Math.round(wallMs * speed);
  }

  /** A TTL (s) as the lab authority serves it: divided by the speed, rounded, at least 1 s. */
  public long ttlSeconds(long scenarioSeconds) {
    return Math.max(1, Math.round(scenarioSeconds / speed));
  }

  /** The account with every TTL scaled (Auto TTL, records, SOA); proxied records stay Auto. */
  public Account scaled(Account account) {
    if (speed == 1) {
      return account;
    }
    return new Account(scaled(account.zones()), ttlSeconds(account.autoTtlSeconds()), account.anycastV4(),
        account.anycastV6(), account.settings(), scaled(account.externalZones()));
  }

  private List<Zone> scaled(List<Zone> zones) {
    List<Zone> out = new ArrayList<>();
    for (Zone z : zones) {
      List<DnsRecord> records = new ArrayList<>();
      for (DnsRecord r : z.records()) {
        long ttl = r.record().getTTL();
        long scaledTtl = r.proxied() && ttl == DnsRecord.AUTO_TTL ? ttl : ttlSeconds(ttl);
        org.xbill.DNS.Record rr = r.record();
        records.add(new DnsRecord(org.xbill.DNS.Record.newRecord(rr.getName(), rr.getType(), rr.getDClass(), scaledTtl,
            rr.rdataToWireCanonical()), r.proxied(), r.category(), r.flatten()));
      }
      out.add(new Zone(z.apex(), new Soa(ttlSeconds(z.soa().ttlSeconds()), ttlSeconds(z.soa().minimumSeconds())),
          records));
    }
    return out;
  }
}
