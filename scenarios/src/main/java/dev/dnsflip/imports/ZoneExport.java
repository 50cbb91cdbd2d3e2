package dev.dnsflip.imports;

import dev.dnsflip.authority.Soa;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Name;

/**
 * One zone as read from its export file(s), records in export order, not yet checked as a zone
 * nor given categories (the importer does that the same way for both formats).
 *
 * @param apexSource how the apex was decided, shown in the summary so a guess can be checked
 * @param files the files the zone came from (one BIND file, or the API pages in page order)
 * @param soa the export's SOA (TTL and MINIMUM), or Cloudflare's defaults when it has none
 * @param soaFromExport false when {@code soa} is the default because the export had no SOA
 */
public record ZoneExport(
    Name apex,
    String apexSource,
    ExportFormat format,
    List<String> files,
    Soa soa,
    boolean soaFromExport,
    List<ExportedRecord> records) {
  public ZoneExport {
    Objects.requireNonNull(apex, "apex");
    Objects.requireNonNull(apexSource, "apexSource");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(soa, "soa");
    files = List.copyOf(files);
    records = List.copyOf(records);
  }
}
