package dev.dnsflip.authority;

import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * A zone: its apex, SOA and records. Zones of the account obey the switch; external zones (the
 * targets of CNAMEs that leave the account) are plain DNS-only zones with their own TTLs.
 */
public record Zone(Name apex, Soa soa, List<DnsRecord> records) {
  public Zone {
    Objects.requireNonNull(apex, "apex");
    Objects.requireNonNull(soa, "soa");
    if (!apex.isAbsolute()) {
      throw new IllegalArgumentException("zone apex must be absolute: " + apex);
    }
    records = List.copyOf(records);
    for (DnsRecord r : records) {
      if (!r.record().getName().subdomain(apex)) {
        throw new IllegalArgumentException(r.record().getName() + " is not inside zone " + apex);
      }
    }
  }

  public boolean contains(Name name) {
    return name.subdomain(apex);
  }
}
