package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Problem;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.imports.ImportedAccount;
import dev.dnsflip.imports.Importer;
import dev.dnsflip.observe.AccountImport;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * The {@code account:} and {@code external:} sections: zones and their records as dnsjava
 * records wrapped in {@link DnsRecord}, the Auto TTL, anycast pools, the switch's unsettled
 * settings, and the nameservers with their propagation delay.
 */
final class AccountMapping {
  /**
   * What the account section decides; nameservers and propagation are scenario fields.
   *
   * @param accountImport what was imported, or null for a hand-written account
   */
  record Section(Account account, int nameservers, Propagation propagation, AccountImport accountImport) {}

  private static final String[] ACCOUNT_KEYS = {"autoTtl", "nameservers", "propagation",
      "saasFallbackOriginIncluded", "ipv6Compatibility", "anycast", "zones", "import", "categories"};
  private static final String[] ZONE_KEYS = {"name", "soa", "records"};
  private static final String[] RECORD_KEYS = {"name", "type", "content", "ttl", "proxied", "category", "flatten"};

  // Where each apex was first declared: the model refuses a second one, the message says where the first is.
  private final Map<Name, Node> apexes = new HashMap<>();

  // Model paths inside the account to the nodes they were read from.
  private final ModelPlaces places = new ModelPlaces();

  // Exports are named relative to the scenario file.
  private final Path baseDir;

  private AccountMapping(Path baseDir) {
    this.baseDir = baseDir;
  }

  /**
   * @param external the {@code external:} list, or null when absent
   * @param baseDir the scenario file's directory, against which {@code import:} paths resolve
   */
  static Section map(Node account, Node external, Path baseDir) throws InputException {
    return new AccountMapping(baseDir).section(account, external);
  }

  private Section section(Node node, Node external) throws InputException {
    Fields f = Fields.of(node, ACCOUNT_KEYS);
    Node autoTtlNode = f.optional("autoTtl");
    long autoTtl = Account.DEFAULT_AUTO_TTL_SECONDS;
    if (autoTtlNode != null) {
      autoTtl = autoTtlNode.parse(Quantities::seconds);
      places.put("autoTtlSeconds", autoTtlNode);
    }
    Node nameserversNode = f.optional("nameservers");
    int nameservers = 2;
    if (nameserversNode != null) {
      nameservers = nameserversNode.parse(Quantities::count);
      if (nameservers < 1) {
        throw nameserversNode.error("nameservers must be >= 1, got " + nameservers);
      }
    }
    Propagation propagation = f.optional("propagation") == null ? Propagation.DEFAULT : propagation(f.optional("propagation"));
    SwitchSettings settings = new SwitchSettings(
        f.optional("saasFallbackOriginIncluded", Quantities::bool, SwitchSettings.DEFAULTS.saasFallbackOriginIncluded()),
        f.optional("ipv6Compatibility", Quantities::bool, SwitchSettings.DEFAULTS.ipv6Compatibility()));
    List<InetAddress> v4 = Account.defaultAnycastV4();
    List<InetAddress> v6 = Account.defaultAnycastV6();
    Node anycast = f.optional("anycast");
    if (anycast != null) {
      Fields a = Fields.of(anycast, "ipv4", "ipv6");
      if (a.optional("ipv4") != null) {
        v4 = addresses(a.optional("ipv4"), Address.IPv4);
        places.put("anycastV4", a.optional("ipv4"));
      }
      if (a.optional("ipv6") != null) {
        v6 = addresses(a.optional("ipv6"), Address.IPv6);
        places.put("anycastV6", a.optional("ipv6"));
      }
    }
    Node importNode = f.optional("import");
    Node categoriesNode = f.optional("categories");
    if (importNode == null && categoriesNode != null) {
      throw categoriesNode.error("account.categories overrides the categories of imported records: it needs "
          + "account.import (hand-written records say category: on the record)");
    }
    List<Zone> zones = new ArrayList<>();
    AccountImport accountImport = null;
    if (importNode != null) {
      ImportedAccount imported = importAccount(importNode, categoriesNode);
      for (Zone zone : imported.zones()) {
        apexes.putIfAbsent(zone.apex(), importNode);
        places.put("zones[" + zones.size() + "]", importNode);
        zones.add(zone);
      }
      List<String> files = new ArrayList<>();
      for (Node item : importFiles(importNode)) {
        files.add(item.text().strip());
      }
      accountImport = imported.summary().asReportSection(files);
    }
    Node zonesNode = importNode == null ? f.required("zones") : f.optional("zones");
    places.put("zones", zonesNode != null ? zonesNode : importNode);
    if (zonesNode != null) {
      zones.addAll(zones(zonesNode, "zones", zones.size()));
    }
    List<Zone> externalZones = external == null ? List.of() : zones(external, "externalZones", 0);
    long autoTtlSeconds = autoTtl;
    List<InetAddress> anycastV4 = v4;
    List<InetAddress> anycastV6 = v6;
    for (Problem p : Account.problems(zones, autoTtlSeconds, anycastV4, anycastV6, externalZones)) {
      throw places.nodeOf(p.path(), node).error(p.message() + firstDeclared(p, zones, externalZones));
    }
    Account account = node.build(() -> new Account(zones, autoTtlSeconds, anycastV4, anycastV6, settings, externalZones));
    return new Section(account, nameservers, propagation, accountImport);
  }

  /** {@code import: [exports/example.com.txt, ...]} or a single path. */
  private static List<Node> importFiles(Node node) throws InputException {
    return node.kind() == Node.Kind.LIST ? node.items() : List.of(node);
  }

  private ImportedAccount importAccount(Node node, Node categoriesNode) throws InputException {
    List<Path> files = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Map<String, Path> resolved = new HashMap<>();
    for (Node item : importFiles(node)) {
      String name = item.text().strip();
      if (name.isEmpty()) {
        throw item.error("expected the path of a BIND export or API JSON file, got an empty string");
      }
      Path file = baseDir.resolve(name).normalize();
      if (resolved.putIfAbsent(name, file) != null) {
        throw item.error(name + " is imported twice");
      }
      // A file that is not there is a mistake of this line, not of the file.
      if (!Files.exists(file)) {
        throw item.error("no such file: " + file + " (import paths are relative to the scenario file)");
      }
      files.add(file);
      names.add(name);
    }
    if (files.isEmpty()) {
      throw node.error("account.import needs at least one file");
    }
    Map<Name, Category> overrides = new LinkedHashMap<>();
    if (categoriesNode != null) {
      for (Node.Entry e : categoriesNode.entries()) {
        Name owner = e.key().parse(AccountMapping::absoluteName);
        Category category = e.value().parse(AccountMapping::category);
        if (overrides.putIfAbsent(owner, category) != null) {
          throw e.key().error(show(owner) + " is given a category twice");
        }
      }
    }
    try {
      return Importer.load(files, names, overrides);
    } catch (InputException e) {
      // The mistake is in the export: name it as the user can open it, from where dnsflip runs.
      Path file = resolved.get(e.file());
      if (file == null) {
        throw node.error(e.getMessage());
      }
      throw new InputException(file.toString(), e.line(), e.column(), e.problem());
    }
  }

  /** {@code { uniform: [1s, 5s] }} or {@code { fixed: 2s }}; delays may be 0. */
  private static Propagation propagation(Node node) throws InputException {
    Fields f = Fields.of(node, "uniform", "fixed");
    Node uniform = f.optional("uniform");
    Node fixed = f.optional("fixed");
    if ((uniform == null) == (fixed == null)) {
      throw node.error("account.propagation needs exactly one of: uniform, fixed");
    }
    if (fixed != null) {
      long delay = fixed.parse(Quantities::durationMs);
      return fixed.build(() -> new Propagation.Fixed(delay));
    }
    List<Node> bounds = uniform.items();
    if (bounds.size() != 2) {
      throw uniform.error("uniform propagation needs two durations [min, max], e.g. [1s, 5s]");
    }
    long min = bounds.get(0).parse(Quantities::durationMs);
    long max = bounds.get(1).parse(Quantities::durationMs);
    return uniform.build(() -> new Propagation.Uniform(min, max));
  }

  private static List<InetAddress> addresses(Node list, int family) throws InputException {
    List<InetAddress> result = new ArrayList<>();
    for (Node item : list.items()) {
      result.add(item.parse(text -> address(text, family)));
    }
    return result;
  }

  /** @param first the model index of the list's first zone under {@code path} */
  private List<Zone> zones(Node list, String path, int first) throws InputException {
    List<Zone> zones = new ArrayList<>();
    for (Node item : list.items()) {
      zones.add(zone(item, path + "[" + (first + zones.size()) + "]"));
    }
    return zones;
  }

  /** A zone checked as any DNS zone; the account checks what Cloudflare adds once all are read. */
  private Zone zone(Node node, String path) throws InputException {
    places.put(path, node);
    Fields f = Fields.of(node, ZONE_KEYS);
    Node nameNode = f.required("name");
    Name apex = nameNode.parse(AccountMapping::absoluteName);
    apexes.putIfAbsent(apex, nameNode);
    places.put(path + ".apex", nameNode);
    Soa soa = f.optional("soa") == null ? Soa.CLOUDFLARE_DEFAULT : soa(f.optional("soa"), path + ".soa");
    List<DnsRecord> records = new ArrayList<>();
    List<Node> recordNodes = new ArrayList<>();
    Node recordList = f.optional("records");
    for (Node item : recordList == null ? List.<Node>of() : recordList.items()) {
      records.add(record(item, apex, path + ".records[" + records.size() + "]"));
      recordNodes.add(item);
    }
    for (Problem p : Zone.problems(apex, records)) {
      throw places.nodeOf(p.under(path).path(), node).error(p.message() + firstRecordAt(p, records, recordNodes));
    }
    return node.build(() -> new Zone(apex, soa, records));
  }

  /**
   * " (first record at 7:11)" for a CNAME sharing its owner, which the zone reports at the later
   * record: the user needs both places.
   */
  private static String firstRecordAt(Problem p, List<DnsRecord> records, List<Node> nodes) {
    if (!p.path().matches("records\\[\\d+]")) {
      return "";
    }
    int at = Integer.parseInt(p.path().substring("records[".length(), p.path().length() - 1));
    Name owner = records.get(at).record().getName();
    for (int i = 0; i < at; i++) {
      if (records.get(i).record().getName().equals(owner)) {
        return " (first record at " + nodes.get(i).line() + ":" + nodes.get(i).column() + ")";
      }
    }
    return "";
  }

  /** " (first at 22:5)" for a zone declared twice, which the account reports at the later one. */
  private String firstDeclared(Problem p, List<Zone> zones, List<Zone> externalZones) {
    if (!p.path().endsWith(".apex")) {
      return "";
    }
    String zonePath = p.path().substring(0, p.path().length() - ".apex".length());
    int index = Integer.parseInt(zonePath.substring(zonePath.indexOf('[') + 1, zonePath.length() - 1));
    Zone zone = (zonePath.startsWith("zones") ? zones : externalZones).get(index);
    Node first = apexes.get(zone.apex());
    return " (first at " + first.line() + ":" + first.column() + ")";
  }

  private Soa soa(Node node, String path) throws InputException {
    places.put(path, node);
    Fields f = Fields.of(node, "ttl", "minimum");
    places.put(path + ".ttlSeconds", f.optional("ttl"));
    places.put(path + ".minimumSeconds", f.optional("minimum"));
    long ttl = f.optional("ttl", Quantities::seconds, Soa.CLOUDFLARE_DEFAULT.ttlSeconds());
    long minimum = f.optional("minimum", Quantities::seconds, Soa.CLOUDFLARE_DEFAULT.minimumSeconds());
    for (Problem p : Soa.problems(ttl, minimum)) {
      throw places.error(p.under(path), node);
    }
    return node.build(() -> new Soa(ttl, minimum));
  }

  private DnsRecord record(Node node, Name apex, String path) throws InputException {
    places.put(path, node);
    Fields f = Fields.of(node, RECORD_KEYS);
    Node nameNode = f.required("name");
    Name owner = nameNode.parse(text -> ownerName(text, apex));
    places.put(path + ".record.name", nameNode);
    Node typeNode = f.required("type");
    int type = typeNode.parse(AccountMapping::recordType);
    Node contentNode = f.required("content");
    Node ttlNode = f.optional("ttl");
    places.put(path + ".record.ttl", ttlNode);
    long ttl = ttlNode == null ? DnsRecord.AUTO_TTL : ttlNode.parse(Quantities::seconds);
    Node proxiedNode = f.optional("proxied");
    places.put(path + ".proxied", proxiedNode);
    boolean proxied = proxiedNode != null && proxiedNode.parse(Quantities::bool);
    Category category = f.optional("category", AccountMapping::category, Category.REGULAR);
    Node flattenNode = f.optional("flatten");
    places.put(path + ".flatten", flattenNode);
    boolean flatten = flattenNode != null && flattenNode.parse(Quantities::bool);
    // Checked on the values: dnsjava would refuse a TTL out of range with its own words.
    for (Problem p : DnsRecord.problems(type, ttl, proxied, flatten)) {
      throw places.error(p.under(path), node);
    }
    long recordTtl = ttl;
    Record record = switch (type) {
      case Type.A -> {
        InetAddress a = contentNode.parse(text -> address(text, Address.IPv4));
        yield node.build(() -> new ARecord(owner, DClass.IN, recordTtl, a));
      }
      case Type.AAAA -> {
        InetAddress a = contentNode.parse(text -> address(text, Address.IPv6));
        yield node.build(() -> new AAAARecord(owner, DClass.IN, recordTtl, a));
      }
      default -> {
        Name target = contentNode.parse(AccountMapping::absoluteName);
        yield node.build(() -> new CNAMERecord(owner, DClass.IN, recordTtl, target));
      }
    };
    return node.build(() -> new DnsRecord(record, proxied, category, flatten));
  }

  private static int recordType(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "A" -> Type.A;
      case "AAAA" -> Type.AAAA;
      case "CNAME" -> Type.CNAME;
      default -> throw new IllegalArgumentException("unknown record type '" + text + "'; expected A, AAAA or CNAME");
    };
  }

  private static Category category(String text) {
    Category c = Category.fromKey(text.strip());
    if (c == null) {
      throw new IllegalArgumentException("unknown category '" + text + "'; expected one of: "
          + Arrays.stream(Category.values()).map(Category::key).collect(Collectors.joining(", ")));
    }
    return c;
  }

  /**
   * A record's owner: "@" is the apex; a trailing dot makes a name absolute; a full name that
   * already ends in the apex ("www.example.com" in example.com) is taken as written rather than
   * doubled; anything else is relative to the apex. Whether it lies inside the zone is the zone's
   * rule.
   */
  static Name ownerName(String text, Name apex) {
    String t = text.strip();
    Name owner;
    if (t.equals("@")) {
      owner = apex;
    } else if (t.endsWith(".")) {
      owner = parseName(t, Name.root);
    } else {
      String apexText = apex.toString(true).toLowerCase(Locale.ROOT);
      String lower = t.toLowerCase(Locale.ROOT);
      boolean full = lower.equals(apexText) || lower.endsWith("." + apexText);
      owner = parseName(t, full ? Name.root : apex);
    }
    return owner;
  }

  /** A zone apex, CNAME target or question name: relative names are relative to the root. */
  static Name absoluteName(String text) {
    return parseName(text.strip(), Name.root);
  }

  private static Name parseName(String text, Name origin) {
    if (text.isEmpty()) {
      throw new IllegalArgumentException("expected a domain name, got an empty string");
    }
    try {
      return Name.fromString(text, origin);
    } catch (TextParseException e) {
      throw new IllegalArgumentException("invalid domain name '" + text + "': " + e.getMessage());
    }
  }

  /** Literal addresses only: dnsjava's parser never resolves a name. */
  static InetAddress address(String text, int family) {
    try {
      return Address.getByAddress(text.strip(), family);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("'" + text + "' is not an " + (family == Address.IPv4 ? "IPv4" : "IPv6")
          + " address");
    }
  }

  /** Names in messages as people write them, without the root's dot. */
  static String show(Name name) {
    return name.toString(true);
  }
}
