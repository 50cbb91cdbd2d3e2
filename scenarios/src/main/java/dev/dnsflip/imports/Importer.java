package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Imports a user's Cloudflare account from the exports they already have: any mix of dashboard
 * BIND exports (one file per zone) and saved API pages (grouped by zone, pages may be separate
 * files). The format is told by content ({@link ExportFormat#of}), not by file name.
 */
public final class Importer {
  private Importer() {}

  /**
   * @param overrides owner name (absolute) -> category, for what an export cannot show (load
   *     balancers, Worker routes, Spectrum, SaaS fallback origin); overrides always win
   */
  public static ImportedAccount load(List<Path> files, Map<Name, Category> overrides) throws InputException {
    return load(files, files.stream().map(Path::toString).toList(), overrides);
  }

  /**
   * @param names how the summary and messages name each file (a scenario names its exports relative
   *     to itself, so its report does not depend on the directory dnsflip was started from)
   */
  public static ImportedAccount load(List<Path> files, List<String> names, Map<Name, Category> overrides)
      throws InputException {
    if (files.size() != names.size()) {
      throw new IllegalArgumentException(files.size() + " files but " + names.size() + " names");
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("no files to import");
    }
    CategoryDetector detector = new CategoryDetector(overrides);
    List<ZoneExport> exports = new ArrayList<>();
    List<ApiJsonReader.Page> pages = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      String name = names.get(i);
      String text = ExportText.read(files.get(i), name);
      if (text.isBlank()) {
        throw new InputException(name, 1, 0, "the file is empty; expected a BIND zone export or a page of the "
            + "DNS records API (JSON)");
      }
      switch (ExportFormat.of(text)) {
        case BIND -> {
          requireZoneFileLines(name, text);
          exports.add(BindExportReader.read(name, text, null));
        }
        case API_JSON -> pages.add(ApiJsonReader.readPage(name, text));
      }
    }
    if (!pages.isEmpty()) {
      exports.addAll(ApiJsonReader.zones(pages, null));
    }
    return assemble(exports, detector, overrides.keySet());
  }

  /**
   * Refuses a file that is neither format before the zone-file reader words it as a bad record: a
   * BIND export has a comment (the dashboard's header), a directive ($ORIGIN, $TTL, ...) or a
   * record (owner, then at most a TTL and a class, then a DNS type and its data) on some line.
   */
  static void requireZoneFileLines(String name, String text) throws InputException {
    String[] lines = text.split("\\R", -1);
    int first = 0;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].replace("\uFEFF", "").strip();
      if (line.isEmpty()) {
        continue;
      }
      if (first == 0) {
        first = i + 1;
      }
      if (line.startsWith(";") || line.startsWith("$") || line.startsWith("(") || line.startsWith(")")) {
        return;
      }
      String[] tokens = lines[i].strip().split("\\s+");
      for (int t = 1; t < Math.min(tokens.length - 1, 4); t++) {
        if (org.xbill.DNS.Type.value(tokens[t]) >= 0) {
          return;
        }
      }
    }
    throw new InputException(name, Math.max(first, 1), 0, "neither a BIND zone export (no line holds a comment, a "
        + "directive or a record such as 'www 300 IN A 192.0.2.1') nor a page of the DNS records API (JSON, "
        + "starting with '{'); export the zone from the dashboard (DNS > Records > Export) or save the API's JSON");
  }

  /** Builds the account from zones already read; zones come out sorted by apex. */
  static ImportedAccount assemble(List<ZoneExport> exports, CategoryDetector detector, Set<Name> overrideNames)
      throws InputException {
    List<ZoneExport> sorted = new ArrayList<>(exports);
    sorted.sort(Comparator.comparing(ZoneExport::apex));
    for (int i = 1; i < sorted.size(); i++) {
      ZoneExport previous = sorted.get(i - 1);
      ZoneExport current = sorted.get(i);
      if (current.apex().equals(previous.apex())) {
        throw new InputException(current.files().get(0), 1, 0, "zone " + current.apex().toString(true)
            + " is imported twice (also from " + String.join(", ", previous.files()) + ")");
      }
    }
    List<Zone> zones = new ArrayList<>();
    Map<Name, List<Record>> other = new LinkedHashMap<>();
    List<ImportSummary.ZoneSummary> summaries = new ArrayList<>();
    for (ZoneExport export : sorted) {
      ZoneAssembler.Result result = ZoneAssembler.assemble(export, detector);
      zones.add(result.zone());
      other.put(export.apex(), result.other());
      summaries.add(result.summary());
    }
    Set<Name> owners = new HashSet<>();
    Set<Name> external = new TreeSet<>();
    for (Zone zone : zones) {
      for (DnsRecord r : zone.records()) {
        owners.add(r.record().getName());
        if (r.record() instanceof CNAMERecord cname && zones.stream().noneMatch(z -> z.contains(cname.getTarget()))) {
          external.add(cname.getTarget());
        }
      }
    }
    Set<Name> unused = new TreeSet<>(overrideNames);
    unused.removeAll(owners);
    List<Name> targets = List.copyOf(external);
    return new ImportedAccount(zones, other, targets, new ImportSummary(summaries, targets, List.copyOf(unused)));
  }
}
