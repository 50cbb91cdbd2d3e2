package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Problem;
import dev.dnsflip.authority.Zone;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Turns one {@link ZoneExport} into a {@link Zone}, the same way for both formats: splits modelled
 * records (A, AAAA, CNAME) from the rest, gives each record its category, and counts for the
 * summary. What Cloudflare itself would not hold (a record outside the zone, proxying or
 * flattening on a type that has none, a proxied record with a TTL other than Auto, a CNAME sharing
 * its name) is the model's rule ({@link DnsRecord#problems}, {@link Zone#problems}); here each
 * refusal is placed at the record's line and, for the export's own flags, said in the export's terms.
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
    List<ExportedRecord> modelledFrom = new ArrayList<>();
    List<Record> other = new ArrayList<>();
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
      int type = r.getType();
      boolean model = type == Type.A || type == Type.AAAA || type == Type.CNAME;
      // Every record, modelled or not: an MX outside the zone, or a flag on it, is as wrong as on an A.
      Optional<Problem> outside = Zone.ownerProblem(apex, r.getName());
      if (outside.isPresent()) {
        throw e.at().error(outside.get().message());
      }
      for (Problem p : DnsRecord.problems(r, e.proxied(), e.flatten())) {
        throw e.at().error(inExportTerms(p, what, e, proxiedFlag, flattenFlag));
      }
      if (!model) {
        other.add(r);
        unmodelled.merge(Type.string(type), 1, Integer::sum);
        continue;
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
      modelledFrom.add(e);
      proxied += e.proxied() ? 1 : 0;
      autoTtl += r.getTTL() == DnsRecord.AUTO_TTL ? 1 : 0;
      notStated += e.proxiedStated() ? 0 : 1;
    }
    List<ImportSummary.CategoryCount> categories = new ArrayList<>();
    detections.forEach((d, n) -> categories.add(new ImportSummary.CategoryCount(d.category(), d.reason(), n)));
    ImportSummary.ZoneSummary summary = new ImportSummary.ZoneSummary(apex, export.format(), export.files(),
        export.apexSource(), export.soa(), export.soaFromExport(), modelled.size(), proxied, modelled.size() - proxied,
        autoTtl, notStated, categories, new TreeMap<>(unmodelled), warnings);
    for (Problem p : Zone.problems(apex, modelled)) {
      throw placed(p, modelled, modelledFrom);
    }
    return new Result(new Zone(apex, export.soa(), modelled), other, summary);
  }

  /**
   * The model's refusal of one record, said in terms of what the export wrote: the flag as the
   * format spells it, and the TTL it gave.
   */
  private static String inExportTerms(Problem p, String what, ExportedRecord e, String proxiedFlag,
      String flattenFlag) {
    long ttl = e.record().getTTL();
    return switch (p.path()) {
      case "proxied" -> proxiedFlag + " on " + what + ", but only A, AAAA and CNAME records can be proxied";
      case "flatten" -> flattenFlag + " on " + what + ", but only CNAME records can be flattened";
      case "record.ttl" -> e.proxied() && ttl > DnsRecord.AUTO_TTL
          ? what + " is proxied with TTL " + ttl + ", but a proxied record's TTL is always Auto (1)"
          : p.message();
      default -> p.message();
    };
  }

  /** A zone's refusal at the record's line; a CNAME sharing its owner also names the first record there. */
  private static InputException placed(Problem p, List<DnsRecord> records, List<ExportedRecord> from) {
    int at = Integer.parseInt(p.path().substring("records[".length(), p.path().indexOf(']')));
    String message = p.message();
    if (p.path().equals("records[" + at + "]")) {
      Name owner = records.get(at).record().getName();
      for (int i = 0; i < at; i++) {
        if (records.get(i).record().getName().equals(owner)) {
          message += " (first record at " + from.get(i).at() + ")";
          break;
        }
      }
    }
    return from.get(at).at().error(message);
  }

  private static String show(Name name) {
    return name.toString(true);
  }
}
