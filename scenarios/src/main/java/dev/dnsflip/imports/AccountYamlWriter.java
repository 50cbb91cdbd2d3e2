package dev.dnsflip.imports;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Writes an {@link ImportedAccount} as the {@code account:} section of a dnsflip scenario (format
 * in {@code suites/default.yaml}), one flow map per record, so a user can paste it into a
 * scenario and read it line by line against the dashboard. Same account, same text: zones sorted
 * by apex, records in export order, no dates.
 *
 * <p>A leading comment block holds the import summary; a trailing one is a commented
 * {@code external:} skeleton listing the CNAME targets outside the imported zones, which a
 * scenario must declare with their real addresses and TTLs (the export cannot know them).
 *
 * <p>Per record: {@code name} relative to the apex ({@code "@"} for the apex), {@code type},
 * {@code content} (CNAME targets absolute, without the trailing dot), {@code proxied} always;
 * {@code ttl} only when not 1 (Auto), {@code category} only when not regular, {@code flatten}
 * only when true.
 */
public final class AccountYamlWriter {
  // A plain YAML scalar that no YAML version reads as anything but a string.
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?(\\d[\\d_]*)?(\\.[\\d_]*)?([eE][-+]?\\d+)?|0[xXoObB][0-9A-Fa-f_]+|\\.(inf|Inf|INF|nan|NaN|NAN)");
  private static final Set<String> KEYWORDS = Set.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  private AccountYamlWriter() {}

  public static String write(ImportedAccount account) {
    StringBuilder out = new StringBuilder();
    out.append("# Imported by dnsflip from Cloudflare exports. Load balancers, Worker routes, Spectrum\n")
        .append("# applications and the SaaS fallback origin cannot be told from an export: set their\n")
        .append("# `category:` by hand or import again with overrides.\n#\n");
    for (String line : account.summary().render().split("\n")) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    out.append("account:\n  zones:\n");
    for (Zone zone : account.zones()) {
      out.append("    - name: ").append(scalar(show(zone.apex()))).append('\n');
      out.append("      soa: { ttl: ").append(zone.soa().ttlSeconds()).append(", minimum: ")
          .append(zone.soa().minimumSeconds()).append(" }\n");
      if (zone.records().isEmpty()) {
        out.append("      records: []\n");
        continue;
      }
      out.append("      records:\n");
      for (DnsRecord r : zone.records()) {
        out.append("        - ").append(record(r, zone.apex())).append('\n');
      }
    }
    externalHint(account, out);
    return out.toString();
  }

  private static String record(DnsRecord r, Name apex) {
    Record record = r.record();
    StringBuilder s = new StringBuilder("{ name: ").append(scalar(ownerText(record.getName(), apex)))
        .append(", type: ").append(Type.string(record.getType()))
        .append(", content: ").append(scalar(content(record)))
        .append(", proxied: ").append(r.proxied());
    if (record.getTTL() != DnsRecord.AUTO_TTL) {
      s.append(", ttl: ").append(record.getTTL());
    }
    if (r.category() != Category.REGULAR) {
      s.append(", category: ").append(r.category().key());
    }
    if (r.flatten()) {
      s.append(", flatten: true");
    }
    return s.append(" }").toString();
  }

  /**
   * "@" for the apex, else relative to it; absolute with a trailing dot when the relative text
   * would itself end in the apex, which the loader would read as a full name.
   */
  static String ownerText(Name owner, Name apex) {
    if (owner.equals(apex)) {
      return "@";
    }
    String relative = owner.relativize(apex).toString();
    String apexText = show(apex).toLowerCase(Locale.ROOT);
    String lower = relative.toLowerCase(Locale.ROOT);
    if (lower.equals(apexText) || lower.endsWith("." + apexText)) {
      return owner.toString();
    }
    return relative;
  }

  static String content(Record record) {
    if (record instanceof ARecord a) {
      return a.getAddress().getHostAddress();
    }
    if (record instanceof AAAARecord aaaa) {
      return ipv6(aaaa.getAddress().getAddress());
    }
    return show(((CNAMERecord) record).getTarget());
  }

  /** RFC 5952 text (lower case, longest zero run as "::"), which dnsjava does not produce. */
  static String ipv6(byte[] address) {
    if (address.length == 4) {
      // An IPv4-mapped AAAA that Java handed back as IPv4.
      return "::ffff:" + (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
          + (address[3] & 0xff);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((address[2 * i] & 0xff) << 8) | (address[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i]));
    }
    return s.toString();
  }

  /**
   * A commented {@code external:} skeleton: targets grouped under a guessed zone (the target's
   * parent name; the user knows better), each with the records that lead to it.
   */
  private static void externalHint(ImportedAccount account, StringBuilder out) {
    if (account.externalTargets().isEmpty()) {
      return;
    }
    Map<Name, Set<String>> from = new TreeMap<>();
    for (Zone zone : account.zones()) {
      for (DnsRecord r : zone.records()) {
        if (r.record() instanceof CNAMERecord cname && account.externalTargets().contains(cname.getTarget())) {
          String by = show(r.record().getName()) + (r.category() == Category.REGULAR ? "" : " (" + r.category().key() + ")");
          from.computeIfAbsent(cname.getTarget(), t -> new TreeSet<>()).add(by);
        }
      }
    }
    Map<Name, Set<Name>> byZone = new TreeMap<>();
    for (Name target : account.externalTargets()) {
      Name zone = target.labels() > 3 ? new Name(target, 1) : target;
      byZone.computeIfAbsent(zone, z -> new TreeSet<>()).add(target);
    }
    out.append("\n# CNAME targets outside the imported zones. A scenario declares the zones holding them\n")
        .append("# under `external:` (same keys as account.zones, DNS-only) with their real addresses and\n")
        .append("# TTLs; zone names below are guesses (the target's parent name):\n")
        .append("# external:\n");
    for (Map.Entry<Name, Set<Name>> zone : byZone.entrySet()) {
      out.append("#   - name: ").append(scalar(show(zone.getKey()))).append('\n');
      out.append("#     records:\n");
      for (Name target : zone.getValue()) {
        out.append("#       - { name: ").append(scalar(target.toString()))
            .append(", type: A, content: <address>, ttl: <seconds> }  # from ")
            .append(String.join(", ", from.getOrDefault(target, Set.of()))).append('\n');
      }
    }
  }

  /** Plain when unambiguous, else double-quoted ("@", IPv6 addresses, wildcards, numbers). */
  static String scalar(String text) {
    if (PLAIN.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches()
        && !KEYWORDS.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  private static String show(Name name) {
    return name.toString(true);
  }
}
