package dev.dnsflip.imports;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.format.YamlLines;
import dev.dnsflip.format.YamlText;
import dev.dnsflip.scenarios.AccountWriter;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;

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
 * <p>Zones and records are written by {@link AccountWriter}, as in any scenario.
 */
public final class AccountYamlWriter {
  private AccountYamlWriter() {}

  public static String write(ImportedAccount account) {
    YamlLines yaml = new YamlLines()
        .comment("Imported by dnsflip from Cloudflare exports. Load balancers, Worker routes, Spectrum\n"
            + "applications and the SaaS fallback origin cannot be told from an export: set their\n"
            + "`category:` by hand or import again with overrides.\n")
        .comment(account.summary().render().stripTrailing())
        .line(0, "account:");
    AccountWriter.zones(yaml, 1, account.zones(), true);
    StringBuilder out = new StringBuilder(yaml.toString());
    externalHint(account, out);
    return out.toString();
  }

  /**
   * A complete scenario around the imported account that {@code dnsflip run} accepts as it is:
   * every CNAME target outside the imported zones declared under {@code external:} with a
   * placeholder address from the documentation range (flagged on its line: the export cannot know
   * the real one), one TTL-honouring resolver group, clients asking every modelled name A and AAAA,
   * and an enable at 1 min and a disable at 31 min, each watched for more than the longest
   * negative TTL the default SOA allows.
   */
  public static String scenario(ImportedAccount account) {
    String first = account.zones().isEmpty() ? "imported" : show(account.zones().get(0).apex());
    YamlLines yaml = new YamlLines()
        .comment("A scenario made by `dnsflip import --scenario` from Cloudflare exports. Check the lines\n"
            + "marked PLACEHOLDER (origin addresses the export cannot know), set the population and\n"
            + "the schedule to yours, and add expect: bounds. Load balancers, Worker routes, Spectrum\n"
            + "applications and the SaaS fallback origin cannot be told from an export: set their\n"
            + "`category:` by hand or import again with --category.\n")
        .comment(account.summary().render().stripTrailing())
        .line(0, "name: " + YamlText.scalar(first))
        .line(0, "duration: 70m")
        .line(0, "account:");
    AccountWriter.zones(yaml, 1, account.zones(), true);
    StringBuilder out = new StringBuilder(yaml.toString());
    Map<Name, Set<Name>> byZone = externalZones(account);
    if (!byZone.isEmpty()) {
      out.append("external:\n");
      int n = 0;
      for (Map.Entry<Name, Set<Name>> zone : byZone.entrySet()) {
        out.append("  - name: ").append(YamlText.scalar(show(zone.getKey()))).append('\n');
        out.append("    records:\n");
        for (Name target : zone.getValue()) {
          // 192.0.2.0/24 is reserved for documentation (RFC 5737): it can never be a real origin.
          out.append("      - { name: ").append(YamlText.scalar(target.toString())).append(", type: A, content: 192.0.2.")
              .append(1 + n++ % 254).append(", ttl: 300 }  # PLACEHOLDER: the target's real address and TTL\n");
        }
      }
    }
    out.append("""
        resolvers:
          - { name: isp, count: 100 }      # TTL-honouring resolvers; see `dnsflip presets` for real software
        clients:
          - name: users
            count: 5000
            queriesPerMinute: 1
            questions: all                 # A and AAAA of every modelled name, equal weights
        initially: disabled
        switches:
          - { at: 1m, action: enable }
          - { at: 31m, action: disable }   # watched for 39 min: past a 1800 s negative TTL
        """);
    origins(out, account);
    return out.toString();
  }

  /**
   * The origin addresses the switch would hand out (proxied A and AAAA records it applies to), as
   * a commented origins: block: what each can take and its certificate only the user knows.
   */
  private static void origins(StringBuilder out, ImportedAccount account) {
    Map<String, Set<String>> names = new java.util.LinkedHashMap<>();
    for (dev.dnsflip.authority.Zone z : account.zones()) {
      for (dev.dnsflip.authority.DnsRecord r : z.records()) {
        if (r.proxied() && (r.type() == org.xbill.DNS.Type.A || r.type() == org.xbill.DNS.Type.AAAA)
            && r.category().affectedBySwitch(dev.dnsflip.authority.SwitchSettings.DEFAULTS)) {
          names.computeIfAbsent(dev.dnsflip.authority.AddressText.of(r.record()), a -> new TreeSet<>())
              .add(show(r.record().getName()));
        }
      }
    }
    if (names.isEmpty()) {
      return;
    }
    out.append("# What each origin can take (requests per second) and whether browsers trust its certificate\n")
        .append("# (origin-ca: Cloudflare Origin CA, trusted only by Cloudflare), for the readiness section;\n")
        .append("# uncomment and fill in (see scenarios/suites/default.yaml):\n")
        .append("# origins:\n");
    names.forEach((address, owners) -> out.append("#   - { address: ").append(YamlText.scalar(address))
        .append(", requestsPerSecond: 100, certificate: public }  # ").append(String.join(", ", owners)).append('\n'));
  }

  /** The targets outside the imported zones, under a guessed zone: the target's parent name, or an enclosing guess. */
  private static Map<Name, Set<Name>> externalZones(ImportedAccount account) {
    Map<Name, Set<Name>> byZone = new TreeMap<>();
    for (Name target : account.externalTargets()) {
      Name zone = target.labels() > 3 ? new Name(target, 1) : target;
      Name enclosing = byZone.keySet().stream().filter(z -> zone.subdomain(z) || z.subdomain(zone)).findFirst()
          .orElse(null);
      if (enclosing != null && zone.subdomain(enclosing)) {
        byZone.get(enclosing).add(target);
      } else if (enclosing != null) {
        Set<Name> moved = byZone.remove(enclosing);
        moved.add(target);
        byZone.put(zone, moved);
      } else {
        byZone.computeIfAbsent(zone, z -> new TreeSet<>()).add(target);
      }
    }
    return byZone;
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
    Map<Name, Set<Name>> byZone = externalZones(account);
    out.append("\n# CNAME targets outside the imported zones. A scenario declares the zones holding them\n")
        .append("# under `external:` (same keys as account.zones, DNS-only) with their real addresses and\n")
        .append("# TTLs; zone names below are guesses (the target's parent name):\n")
        .append("# external:\n");
    for (Map.Entry<Name, Set<Name>> zone : byZone.entrySet()) {
      out.append("#   - name: ").append(YamlText.scalar(show(zone.getKey()))).append('\n');
      out.append("#     records:\n");
      for (Name target : zone.getValue()) {
        out.append("#       - { name: ").append(YamlText.scalar(target.toString()))
            .append(", type: A, content: <address>, ttl: <seconds> }  # from ")
            .append(String.join(", ", from.getOrDefault(target, Set.of()))).append('\n');
      }
    }
  }


  private static String show(Name name) {
    return name.toString(true);
  }
}
