package dev.dnsflip.imports;

import dev.dnsflip.authority.Zone;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A user's Cloudflare account as imported: the zones the simulator models (A, AAAA, CNAME with
 * their flags and categories), the records it does not model (kept, so nothing is silently
 * dropped), the CNAME targets that leave the imported zones (a scenario needs them under
 * {@code external:}), and the summary.
 *
 * @param zones sorted by apex (DNS canonical order, {@link Name#compareTo})
 * @param otherRecords apex -> records of types the simulator does not model (MX, TXT, NS, ...), in
 *     export order; every zone has an entry
 * @param externalTargets sorted in DNS canonical order (targets of one zone together)
 */
public record ImportedAccount(
    List<Zone> zones, Map<Name, List<Record>> otherRecords, List<Name> externalTargets, ImportSummary summary) {
  public ImportedAccount {
    zones = List.copyOf(zones);
    Map<Name, List<Record>> copy = new LinkedHashMap<>();
    otherRecords.forEach((apex, records) -> copy.put(apex, List.copyOf(records)));
    otherRecords = Collections.unmodifiableMap(copy);
    externalTargets = List.copyOf(externalTargets);
    Objects.requireNonNull(summary, "summary");
  }

  /** The unmodelled records of one zone; empty for an apex that was not imported. */
  public List<Record> otherRecords(Name apex) {
    return otherRecords.getOrDefault(apex, List.of());
  }
}
