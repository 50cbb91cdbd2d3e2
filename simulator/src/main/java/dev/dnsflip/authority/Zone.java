package dev.dnsflip.authority;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A zone: its apex, SOA and records. Zones of the account obey the switch; external zones (the
 * targets of CNAMEs that leave the account) are plain DNS-only zones with their own TTLs. What
 * DNS refuses of any zone is checked here; what Cloudflare refuses of its own zones, in
 * {@link Account}.
 */
public record Zone(Name apex, Soa soa, List<DnsRecord> records) {
  public Zone {
    Objects.requireNonNull(apex, "apex");
    Objects.requireNonNull(soa, "soa");
    records = List.copyOf(records);
    Problem.requireNone(problems(apex, records));
  }

  /**
   * What a zone with this apex and these records breaks, paths relative to the zone
   * ({@code apex}, {@code records[3]}, {@code records[3].record.name}); empty when it may be built.
   * A CNAME sharing its owner is reported at the later record.
   */
  public static List<Problem> problems(Name apex, List<DnsRecord> records) {
    List<Problem> problems = new ArrayList<>();
    if (!apex.isAbsolute()) {
      problems.add(new Problem("apex", "zone apex must be absolute: " + apex));
      return problems;
    }
    Map<Name, Integer> firstTypeAtOwner = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      DnsRecord r = records.get(i);
      Name owner = r.record().getName();
      String at = "records[" + i + "]";
      ownerProblem(apex, owner).ifPresent(p -> problems.add(p.under(at)));
      Integer firstType = firstTypeAtOwner.putIfAbsent(owner, r.type());
      if (firstType != null && (r.type() == Type.CNAME || firstType == Type.CNAME)) {
        // RFC 1034 section 3.6.2.
        problems.add(new Problem(at,
            show(owner) + " has a CNAME, which cannot share its name with other records"));
      }
    }
    return problems;
  }

  /**
   * A record owned by {@code owner} outside the zone, path relative to the record; also for
   * records the model does not hold (an export's MX), which must lie inside their zone as well.
   */
  public static Optional<Problem> ownerProblem(Name apex, Name owner) {
    if (owner.subdomain(apex)) {
      return Optional.empty();
    }
    return Optional.of(new Problem("record.name", show(owner) + " is outside the zone " + show(apex)));
  }

  public Zone withRecords(List<DnsRecord> newRecords) {
    return new Zone(apex, soa, newRecords);
  }

  public boolean contains(Name name) {
    return name.subdomain(apex);
  }

  /** Names in messages as people write them, without the root's dot. */
  static String show(Name name) {
    return name.toString(true);
  }
}
