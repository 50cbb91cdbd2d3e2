package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.format.Addresses;
import dev.dnsflip.format.YamlLines;
import dev.dnsflip.format.YamlText;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Writes the {@code account:} and {@code external:} sections as {@link AccountMapping} reads them:
 * one flow map per record, so a record reads line by line against the dashboard.
 *
 * <p>Per record: {@code name} relative to the apex ({@code "@"} for the apex), {@code type},
 * {@code content} (addresses in RFC 5952 form, CNAME targets absolute without the trailing dot),
 * {@code proxied} always; {@code ttl} only when not 1 (Auto), {@code category} only when not
 * regular, {@code flatten} only when true.
 */
public final class AccountWriter {
  private AccountWriter() {}

  /** The account's settings and zones under {@code account:}, then {@code external:} if any. */
  public static void write(YamlLines out, Account a, int nameservers, String propagation) {
    out.line(0, "account:");
    out.line(1, "autoTtl: " + a.autoTtlSeconds());
    out.line(1, "nameservers: " + nameservers);
    out.line(1, "propagation: " + propagation);
    out.line(1, "saasFallbackOriginIncluded: " + a.settings().saasFallbackOriginIncluded());
    out.line(1, "ipv6Compatibility: " + a.settings().ipv6Compatibility());
    if (!a.anycastV4().equals(Account.defaultAnycastV4()) || !a.anycastV6().equals(Account.defaultAnycastV6())) {
      out.line(1, "anycast:");
      out.line(2, "ipv4: " + addresses(a.anycastV4(), false));
      out.line(2, "ipv6: " + addresses(a.anycastV6(), true));
    }
    zones(out, 1, a.zones(), true);
    if (!a.externalZones().isEmpty()) {
      out.line(0, "external:");
      zones(out, 0, a.externalZones(), false);
    }
  }

  /**
   * {@code zones:} (when {@code keyed}) or a bare list of zones at {@code indent}, each with its
   * SOA written out (the default one too, so nothing is implied).
   */
  public static void zones(YamlLines out, int indent, List<Zone> zones, boolean keyed) {
    int at = indent;
    if (keyed) {
      out.line(indent, "zones:");
      at = indent + 1;
    }
    for (Zone z : zones) {
      out.line(at, "- name: " + YamlText.scalar(z.apex().toString(true)));
      out.line(at + 1, "soa: { ttl: " + z.soa().ttlSeconds() + ", minimum: " + z.soa().minimumSeconds() + " }");
      if (z.records().isEmpty()) {
        out.line(at + 1, "records: []");
        continue;
      }
      out.line(at + 1, "records:");
      for (DnsRecord r : z.records()) {
        out.line(at + 2, "- " + record(r, z.apex()));
      }
    }
  }

  /** One record as a flow map. */
  public static String record(DnsRecord r, Name apex) {
    Record record = r.record();
    List<String> fields = new ArrayList<>();
    fields.add("name: " + YamlText.scalar(ownerText(record.getName(), apex)));
    fields.add("type: " + Type.string(record.getType()));
    fields.add("content: " + YamlText.scalar(content(record)));
    fields.add("proxied: " + r.proxied());
    if (!r.isAutoTtl()) {
      fields.add("ttl: " + record.getTTL());
    }
    if (r.category() != Category.REGULAR) {
      fields.add("category: " + r.category().key());
    }
    if (r.flatten()) {
      fields.add("flatten: true");
    }
    return "{ " + String.join(", ", fields) + " }";
  }

  /**
   * "@" for the apex, else relative to it; absolute with a trailing dot when the relative text
   * would itself end in the apex, which the loader would read as a full name.
   */
  public static String ownerText(Name owner, Name apex) {
    if (owner.equals(apex)) {
      return "@";
    }
    String relative = owner.relativize(apex).toString();
    String apexText = apex.toString(true).toLowerCase(Locale.ROOT);
    String lower = relative.toLowerCase(Locale.ROOT);
    if (lower.equals(apexText) || lower.endsWith("." + apexText)) {
      return owner.toString();
    }
    return relative;
  }

  /** A record's content as the loader reads it. */
  public static String content(Record record) {
    if (record instanceof ARecord a) {
      return Addresses.ipv4(a.getAddress());
    }
    if (record instanceof AAAARecord aaaa) {
      return Addresses.ipv6(aaaa.getAddress());
    }
    return ((CNAMERecord) record).getTarget().toString(true);
  }

  private static String addresses(List<InetAddress> list, boolean ipv6) {
    List<String> out = new ArrayList<>();
    for (InetAddress a : list) {
      out.add(YamlText.scalar(ipv6 ? Addresses.ipv6(a) : Addresses.ipv4(a)));
    }
    return "[" + String.join(", ", out) + "]";
  }
}
