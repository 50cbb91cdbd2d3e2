package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Turns one {@link ZoneExport} into a {@link Zone}, the same way for both formats: splits modelled
 * records (A, AAAA, CNAME) from the rest, refuses what Cloudflare itself would not hold (a record
 * outside the zone, proxying or flattening on a type that has none, a proxied record with a TTL
 * other than Auto, a CNAME sharing its name), gives each record its category, and counts for the
 * summary. Each refusal names the record's place in the export.
 */
final class ZoneAssembler {
  record Result(Zone zone, List<Record> other, ImportSummary.ZoneSummary summary) {}

  private ZoneAssembler() {}

  static Result assemble(ZoneExport export, CategoryDetector detector) throws InputException {
    Name apex = export.apex();
    boolean bind = export.format() == ExportFormat.BIND;
    String proxiedFlag = bind ? "cf-proxied:true" : "proxied: true";
    String flattenFlag = bind ? "cf-flatten-cname" : "settings.flatten_cname";
    List<DnsRecord> modelled = new ArrayList<>();
    List<Record> other = new ArrayList<>();
    Map<Name, ExportedRecord> firstAtOwner = new HashMap<>();
    Map<String, Integer> unmodelled = new TreeMap<>();
    // (category, reason) -> records; ZoneSummary sorts them, so the summary is deterministic.
    Map<CategoryDetector.Detection, Integer> detections = new HashMap<>();
    int proxied = 0;
    int autoTtl = 0;
    int notStated = 0;
    List<String> warnings = new ArrayList<>();
    for (ExportedRecord e : export.records()) {
      Record r = e.record();
      String what = "the " + Type.string(r.getType()) + " record " + show(r.getName());
      if (!r.getName().subdomain(apex)) {
        throw e.at().error(show(r.getName()) + " is outside the zone " + show(apex));
      }
      int type = r.getType();
      boolean model = type == Type.A || type == Type.AAAA || type == Type.CNAME;
      if (e.proxied() && !model) {
        throw e.at().error(proxiedFlag + " on " + what + ", but only A, AAAA and CNAME records can be proxied");
      }
      if (e.flatten() && type != Type.CNAME) {
        throw e.at().error(flattenFlag + " on " + what + ", but only CNAME records can be flattened");
      }
      if (!model) {
        other.add(r);
        unmodelled.merge(Type.string(type), 1, Integer::sum);
        continue;
      }
      if (e.proxied() && r.getTTL() != DnsRecord.AUTO_TTL) {
        throw e.at().error(what + " is proxied with TTL " + r.getTTL()
            + ", but a proxied record's TTL is always Auto (1)");
      }
      ExportedRecord first = firstAtOwner.putIfAbsent(r.getName(), e);
      if (first != null && (type == Type.CNAME || first.record().getType() == Type.CNAME)) {
        throw e.at().error(show(r.getName()) + " has a CNAME, which cannot share its name with other records "
            + "(first record at " + first.at() + ")");
      }
      CategoryDetector.Detection d = detector.detect(r, e.meta());
      if (!e.proxiedStated()) {
        // Real exports state it on every proxiable record; silence means an edited or foreign file,
        // and a proxied record taken as DNS-only would never change under the switch.
        warnings.add(e.at() + ": " + what + " has no " + (bind ? "cf_tags=cf-proxied:true|false" : "proxied field")
            + ": taken as DNS-only");
      }
      if (d.category() == dev.dnsflip.authority.Category.WORKERS_CUSTOM_DOMAIN && !d.reason().contains("read-only")) {
        // Without the API's read-only flag an AAAA 100:: may also be a user's placeholder for a
        // Worker route, which the switch does change.
        warnings.add(e.at() + ": " + what + " (AAAA 100::) taken as a Workers custom domain, excluded from the "
            + "switch; if it only attaches a Worker route, override its category to worker-route");
      }
      detections.merge(d, 1, Integer::sum);
      modelled.add(new DnsRecord(r, e.proxied(), d.category(), e.flatten()));
      proxied += e.proxied() ? 1 : 0;
      autoTtl += r.getTTL() == DnsRecord.AUTO_TTL ? 1 : 0;
      notStated += e.proxiedStated() ? 0 : 1;
    }
    List<ImportSummary.CategoryCount> categories = new ArrayList<>();
    detections.forEach((d, n) -> categories.add(new ImportSummary.CategoryCount(d.category(), d.reason(), n)));
    ImportSummary.ZoneSummary summary = new ImportSummary.ZoneSummary(apex, export.format(), export.files(),
        export.apexSource(), export.soa(), export.soaFromExport(), modelled.size(), proxied, modelled.size() - proxied,
        autoTtl, notStated, categories, new TreeMap<>(unmodelled), warnings);
    return new Result(new Zone(apex, export.soa(), modelled), other, summary);
  }

  private static String show(Name name) {
    return name.toString(true);
  }
}
