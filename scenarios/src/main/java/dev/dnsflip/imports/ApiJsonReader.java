package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.format.Location;
import dev.dnsflip.format.Node;
import dev.dnsflip.format.NodeReader;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.SecondsRange;
import dev.dnsflip.authority.Soa;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Reads pages of Cloudflare's {@code GET /zones/{zone_id}/dns_records} (one page per file, as
 * saved from the API) and groups them into zones.
 *
 * <p>Which zone a page belongs to, in this order: the {@code zone_name} its records carry (older
 * API versions include it); the zone given explicitly; else it is inferred from the record names:
 * the longest name every record name of the page is at or under (their common suffix), where a
 * page whose suffix lies inside another page's zone joins that zone. The inference is a guess (a
 * zone with records only under {@code www} would look like {@code www.example.com}), so the
 * summary says when it was used.
 *
 * <p>The pages of a zone must be complete: pages 1..{@code total_pages} each present once, every
 * page's {@code count} equal to its {@code result[]} length, and the counts adding up to
 * {@code total_count}. A missing page would silently drop records, so it is an error.
 *
 * <p>Errors name the file and the JSON line:column of the offending value.
 */
public final class ApiJsonReader {
  private static final String NOT_A_PAGE = "expected a JSON object (a page of GET /zones/{zone_id}/dns_records)";
  private static final BigInteger INT_MAX = BigInteger.valueOf(Integer.MAX_VALUE);
  private static final int MISSING_PAGES_NAMED = 10;
  private static final String INFERRED = "inferred from the record names (no zone_name)";

  private ApiJsonReader() {}

  /** A page's {@code result_info}, with where each field was written. */
  public record PageInfo(int page, int count, int totalCount, int totalPages, Location at, Map<String, Location> fieldAt) {
    public PageInfo {
      fieldAt = Map.copyOf(fieldAt);
    }

    Location where(String field) {
      return fieldAt.getOrDefault(field, at);
    }
  }

  /**
   * One page as read.
   *
   * @param zoneName the {@code zone_name} of its records, or null when they carry none
   * @param info null when the file has no {@code result_info} (accepted for a zone of one page)
   */
  public record Page(String file, Name zoneName, Location zoneNameAt, PageInfo info, List<ExportedRecord> records) {
    public Page {
      records = List.copyOf(records);
    }
  }

  /** Reads the files as pages and groups them into zones. */
  public static List<ZoneExport> read(List<Path> files, Name origin) throws InputException {
    List<Page> pages = new ArrayList<>();
    for (Path file : files) {
      pages.add(readPage(file.toString(), ExportText.read(file)));
    }
    return zones(pages, origin);
  }

  public static Page readPage(String fileName, String text) throws InputException {
    Node root = NodeReader.json(text, fileName, NOT_A_PAGE);
    if (root.kind() != Node.Kind.MAP) {
      throw root.error(NOT_A_PAGE);
    }
    // The page's shape first, member by member in the order written.
    List<Members> items = List.of();
    Members infoMembers = null;
    for (Node.Entry e : root.entries()) {
      String key = e.key().text();
      Node value = e.value();
      // A failed call has "result": null; "success": false then explains it.
      if (key.equals("result") && !value.isNull()) {
        items = items(value);
      } else if (key.equals("result_info")) {
        if (value.kind() != Node.Kind.MAP) {
          throw value.error("result_info must be an object");
        }
        infoMembers = new Members(value);
      }
    }
    Members top = new Members(root);
    Node success = top.get("success");
    if (success != null && success.is(Node.Scalar.BOOLEAN) && !Boolean.parseBoolean(success.text())) {
      Node errors = top.get("errors");
      String why = errors == null ? "" : ": " + errors.json();
      throw top.where("success").error("the API reported a failure, this page holds no records" + why);
    }
    if (top.get("result") == null) {
      throw top.at().error("no result[]: not a page of GET /zones/{zone_id}/dns_records");
    }
    List<ExportedRecord> records = new ArrayList<>();
    Name zoneName = null;
    Location zoneNameAt = null;
    for (Members item : items) {
      records.add(record(item));
      Node zn = item.get("zone_name");
      if (zn != null) {
        Name name = name(zn, item.where("zone_name"), "zone_name");
        if (zoneName == null) {
          zoneName = name;
          zoneNameAt = item.where("zone_name");
        } else if (!zoneName.equals(name)) {
          throw item.where("zone_name").error("zone_name " + show(name) + " differs from " + show(zoneName)
              + " of an earlier record on this page");
        }
      }
    }
    PageInfo info = infoMembers == null ? null : info(infoMembers);
    return new Page(fileName, zoneName, zoneNameAt, info, records);
  }

  /**
   * Groups pages into zones (zones sorted by apex, records in page order) and checks that each
   * zone's pages are complete.
   *
   * @param origin the zone of pages whose records carry no {@code zone_name}, or null to infer it
   */
  public static List<ZoneExport> zones(List<Page> pages, Name origin) throws InputException {
    Map<Name, String> sources = new TreeMap<>();
    Map<Name, List<Page>> groups = new TreeMap<>();
    List<Page> unnamed = new ArrayList<>();
    for (Page page : pages) {
      if (page.zoneName() != null && origin != null && !page.zoneName().equals(origin)) {
        throw page.zoneNameAt().error("zone_name is " + show(page.zoneName()) + ", but the zone was given as "
            + show(origin));
      }
      Name zone = page.zoneName() != null ? page.zoneName() : origin;
      if (zone == null) {
        unnamed.add(page);
        continue;
      }
      groups.computeIfAbsent(zone, z -> new ArrayList<>()).add(page);
      sources.putIfAbsent(zone, page.zoneName() != null ? "from zone_name" : "given explicitly");
    }
    // Shallow suffixes first, so a page holding only www.example.com joins example.com.
    List<Map.Entry<Page, Name>> inferred = new ArrayList<>();
    for (Page page : unnamed) {
      inferred.add(Map.entry(page, inferredApex(page)));
    }
    inferred.sort(Comparator.comparing((Map.Entry<Page, Name> e) -> e.getValue().labels()).thenComparing(Map.Entry::getValue));
    for (Map.Entry<Page, Name> e : inferred) {
      Name zone = groups.keySet().stream()
          .filter(apex -> e.getValue().subdomain(apex))
          .max(Comparator.comparingInt(Name::labels))
          .orElse(e.getValue());
      groups.computeIfAbsent(zone, z -> new ArrayList<>()).add(e.getKey());
      sources.putIfAbsent(zone, INFERRED);
    }
    List<ZoneExport> zones = new ArrayList<>();
    for (Map.Entry<Name, List<Page>> g : groups.entrySet()) {
      List<Page> ordered = complete(g.getKey(), g.getValue(), sources.get(g.getKey()).equals(INFERRED));
      List<ExportedRecord> records = new ArrayList<>();
      ordered.forEach(p -> records.addAll(p.records()));
      List<String> files = ordered.stream().map(Page::file).toList();
      // The records list has no SOA: Cloudflare's defaults stand in, and the summary says so.
      zones.add(new ZoneExport(g.getKey(), sources.get(g.getKey()), ExportFormat.API_JSON, files,
          Soa.CLOUDFLARE_DEFAULT, false, records));
    }
    return zones;
  }

  /** The common suffix of the page's record names; it must be below a top-level domain. */
  private static Name inferredApex(Page page) throws InputException {
    Location at = new Location(page.file(), 1, 1);
    if (page.records().isEmpty()) {
      throw at.error("the page has no records and no zone_name: cannot tell its zone; give the zone explicitly");
    }
    Name suffix = page.records().get(0).record().getName();
    for (ExportedRecord r : page.records()) {
      Name name = r.record().getName();
      while (!name.subdomain(suffix)) {
        suffix = new Name(suffix, 1);
      }
    }
    if (suffix.labels() < 3) {
      throw at.error("the record names share only '" + suffix + "' and carry no zone_name: cannot tell the zone; "
          + "give it explicitly");
    }
    return suffix;
  }

  /** The zone's pages in page order, after checking that none is missing, doubled or short. */
  private static List<Page> complete(Name zone, List<Page> pages, boolean inferred) throws InputException {
    if (pages.size() == 1 && pages.get(0).info() == null) {
      return pages;
    }
    for (Page p : pages) {
      if (p.info() == null) {
        throw new Location(p.file(), 1, 1).error("no result_info: the pages of zone " + show(zone)
            + " cannot be checked for completeness");
      }
    }
    List<Page> ordered = new ArrayList<>(pages);
    ordered.sort(Comparator.comparingInt((Page p) -> p.info().page()).thenComparing(Page::file));
    PageInfo first = ordered.get(0).info();
    Map<Integer, Page> byNumber = new TreeMap<>();
    long sum = 0;
    for (Page p : ordered) {
      PageInfo info = p.info();
      if (info.totalPages() != first.totalPages()) {
        throw info.where("total_pages").error("total_pages is " + info.totalPages() + " here but "
            + first.totalPages() + " in " + ordered.get(0).file() + " (same zone " + show(zone) + ")");
      }
      if (info.totalCount() != first.totalCount()) {
        throw info.where("total_count").error("total_count is " + info.totalCount() + " here but "
            + first.totalCount() + " in " + ordered.get(0).file() + " (same zone " + show(zone) + ")");
      }
      if (info.page() < 1 || info.page() > info.totalPages()) {
        throw info.where("page").error("page " + info.page() + " is outside 1.." + info.totalPages()
            + " (total_pages)");
      }
      Page other = byNumber.putIfAbsent(info.page(), p);
      if (other != null) {
        throw info.where("page").error("page " + info.page() + " of zone " + show(zone) + " is given twice (also in "
            + other.file() + ")");
      }
      if (info.count() != p.records().size()) {
        throw info.where("count").error("count is " + info.count() + " but result[] holds " + p.records().size()
            + " records");
      }
      sum += info.count();
    }
    // The pages given are few, so the missing ones are counted, and only the first are named.
    int missingCount = first.totalPages() - byNumber.size();
    List<Integer> missing = new ArrayList<>();
    for (int n = 1; n <= first.totalPages() && missing.size() < MISSING_PAGES_NAMED; n++) {
      if (!byNumber.containsKey(n)) {
        missing.add(n);
      }
    }
    if (missingCount > 0) {
      String list = missing.stream().map(String::valueOf).collect(Collectors.joining(", "))
          + (missingCount > missing.size() ? String.format(Locale.ROOT, " and %,d more", missingCount - missing.size())
              : "");
      throw first.where("total_pages").error("zone " + show(zone) + " has " + first.totalPages() + " pages but "
          + (missingCount == 1 ? "page " + list + " is" : "pages " + list + " are") + " missing; give every page"
          + (inferred ? " (the zone was inferred from record names: if these pages belong to a larger zone, give "
              + "it explicitly)" : ""));
    }
    if (sum != first.totalCount()) {
      throw first.where("total_count").error("the pages of zone " + show(zone) + " hold " + sum
          + " records, but total_count is " + first.totalCount());
    }
    return ordered;
  }

  static String show(Name name) {
    return name.toString(true);
  }

  /**
   * An object of the page: a member given as null counts as absent, and a problem with a member
   * is reported at its value (at the object when the member is missing).
   */
  private record Members(Node node) {
    Node get(String name) {
      Node v = node.member(name);
      return v == null || v.isNull() ? null : v;
    }

    Location where(String name) {
      Node v = node.member(name);
      return v == null ? node.location() : v.location();
    }

    Location at() {
      return node.location();
    }
  }

  private static List<Members> items(Node result) throws InputException {
    if (result.kind() != Node.Kind.LIST) {
      throw result.error("result must be an array of DNS records");
    }
    List<Members> list = new ArrayList<>();
    for (Node item : result.items()) {
      if (item.kind() != Node.Kind.MAP) {
        throw item.error("each item of result[] must be a DNS record object");
      }
      list.add(new Members(item));
    }
    return list;
  }

  private static PageInfo info(Members f) throws InputException {
    Map<String, Location> fieldAt = new LinkedHashMap<>();
    for (Node.Entry e : f.node().entries()) {
      fieldAt.put(e.key().text(), e.value().location());
    }
    int page = count(f, "page");
    int pageCount = count(f, "count");
    int totalCount = count(f, "total_count");
    int totalPages = count(f, "total_pages");
    if (totalPages > Limits.API_PAGES.max()) {
      throw f.where("total_pages").error(Limits.API_PAGES.refusal("result_info.total_pages is " + totalPages));
    }
    return new PageInfo(page, pageCount, totalCount, totalPages, f.at(), fieldAt);
  }

  private static int count(Members f, String field) throws InputException {
    Node v = f.get(field);
    if (v == null) {
      throw f.at().error("result_info has no " + field);
    }
    BigInteger n = integer(v);
    if (n == null || n.signum() < 0 || n.compareTo(INT_MAX) > 0) {
      throw f.where(field).error("result_info." + field + " must be a whole number >= 0, got " + v.json());
    }
    return n.intValue();
  }

  private static ExportedRecord record(Members f) throws InputException {
    Name name = name(required(f, "name"), f.where("name"), "name");
    String typeText = required(f, "type").text().strip().toUpperCase(Locale.ROOT);
    int type = Type.value(typeText);
    if (type < 0) {
      throw f.where("type").error("unknown record type '" + typeText + "'");
    }
    String content = required(f, "content").text();
    long ttl = DnsRecord.AUTO_TTL;
    Node ttlNode = f.get("ttl");
    if (ttlNode != null) {
      BigInteger seconds = integer(ttlNode);
      long max = SecondsRange.POSITIVE.max();
      if (seconds == null || seconds.signum() < 1 || seconds.compareTo(BigInteger.valueOf(max)) > 0) {
        throw f.where("ttl").error("ttl must be a whole number of seconds from 1 (Auto) to " + max + ", got "
            + ttlNode.json());
      }
      ttl = seconds.longValue();
    }
    boolean proxied = flag(f, "proxied", "proxied", f.get("proxied"));
    Node settings = f.get("settings");
    boolean flatten = flag(f, "settings", "settings.flatten_cname", member(settings, "flatten_cname"));
    Node meta = f.get("meta");
    Node readOnly = member(meta, "read_only");
    boolean readOnlyKnown = readOnly != null && readOnly.is(Node.Scalar.BOOLEAN);
    RecordMeta recordMeta = new RecordMeta(readOnlyKnown, readOnlyKnown && Boolean.parseBoolean(readOnly.text()),
        flag(f, "meta", "meta.managed_by_argo_tunnel", member(meta, "managed_by_argo_tunnel")));
    Record record = switch (type) {
      case Type.A -> new ARecord(name, DClass.IN, ttl, address(content, Address.IPv4, f.where("content")));
      case Type.AAAA -> new AAAARecord(name, DClass.IN, ttl, address(content, Address.IPv6, f.where("content")));
      case Type.CNAME -> new CNAMERecord(name, DClass.IN, ttl, name(required(f, "content"), f.where("content"), "content"));
      default -> other(f, name, type, ttl, content);
    };
    return new ExportedRecord(record, proxied, f.get("proxied") != null, flatten, recordMeta, f.at());
  }

  /** Types the simulator does not model, kept as dnsjava records so nothing is dropped. */
  private static Record other(Members f, Name name, int type, long ttl, String content) throws InputException {
    String rdata = content;
    Node priority = f.get("priority");
    // The API keeps MX, SRV and URI priority in its own field; zone-file syntax puts it first.
    if (priority != null && (type == Type.MX || type == Type.SRV || type == Type.URI)) {
      rdata = plainText(priority) + " " + content;
    }
    if (type == Type.TXT && !content.strip().startsWith("\"")) {
      rdata = "\"" + content.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
    try {
      return Record.fromString(name, type, DClass.IN, ttl, rdata, Name.root);
    } catch (IOException | IllegalArgumentException e) {
      throw f.where("content").error("cannot parse the " + Type.string(type) + " content: "
          + ParseProblem.of(e).reason());
    }
  }

  private static Node required(Members f, String field) throws InputException {
    Node v = f.get(field);
    if (v == null) {
      throw f.at().error("the record has no " + field);
    }
    if (!v.is(Node.Scalar.STRING)) {
      throw f.where(field).error(field + " must be a string, got " + v.json());
    }
    return v;
  }

  /** A member of a nested object, or null when the object is absent or not an object at all. */
  private static Node member(Node object, String name) {
    return object == null ? null : object.member(name);
  }

  /** @param member where to point: problems in a nested object are reported at the member holding it */
  private static boolean flag(Members f, String member, String field, Node v) throws InputException {
    if (v == null || v.isNull()) {
      return false;
    }
    if (!v.is(Node.Scalar.BOOLEAN)) {
      throw f.where(member).error(field + " must be true or false, got " + v.json());
    }
    return Boolean.parseBoolean(v.text());
  }

  private static Name name(Node v, Location at, String field) throws InputException {
    if (!v.is(Node.Scalar.STRING) || v.text().isBlank()) {
      throw at.error(field + " must be a domain name, got " + v.json());
    }
    try {
      // The API writes full names without the trailing dot.
      return Name.fromString(v.text().strip(), Name.root);
    } catch (TextParseException e) {
      throw at.error(field + " '" + v.text() + "' is not a domain name: " + e.getMessage());
    }
  }

  /** The value of a JSON integer, or null for anything else ({@code 5.0} and {@code "5"} included). */
  private static BigInteger integer(Node v) throws InputException {
    return v.is(Node.Scalar.INTEGER) ? new BigInteger(v.text()) : null;
  }

  /** A scalar's text with numbers as JSON reads them ({@code 1.50} is 1.5); "" for an object or array. */
  private static String plainText(Node v) throws InputException {
    if (v.kind() != Node.Kind.SCALAR) {
      return "";
    }
    if (v.is(Node.Scalar.INTEGER)) {
      return new BigInteger(v.text()).toString();
    }
    return v.is(Node.Scalar.FLOAT) ? String.valueOf(Double.parseDouble(v.text())) : v.text();
  }

  private static InetAddress address(String text, int family, Location at) throws InputException {
    try {
      return Address.getByAddress(text.strip(), family);
    } catch (UnknownHostException e) {
      throw at.error("'" + text + "' is not an " + (family == Address.IPv4 ? "IPv4" : "IPv6") + " address");
    }
  }
}
