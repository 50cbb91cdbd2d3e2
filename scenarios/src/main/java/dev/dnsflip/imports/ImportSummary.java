package dev.dnsflip.imports;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.observe.AccountImport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;

/**
 * What an import found, per zone, so a user can check it before trusting a simulation: how many
 * records are proxied, which categories were recognised and why, what was assumed, and what the
 * simulator leaves out. {@link #render()} is the text for the top of a report and for stderr.
 *
 * @param externalTargets CNAME targets outside the imported zones, in DNS canonical order
 * @param unusedOverrides category overrides that named no A/AAAA/CNAME record, sorted (a typo, usually)
 */
public record ImportSummary(List<ZoneSummary> zones, List<Name> externalTargets, List<Name> unusedOverrides) {
  // Enough to show the pattern; the counts above say how many there are.
  private static final int MAX_WARNINGS = 10;

  public ImportSummary {
    zones = List.copyOf(zones);
    externalTargets = List.copyOf(externalTargets);
    unusedOverrides = List.copyOf(unusedOverrides);
  }

  /** Records of one category recognised for one reason. */
  public record CategoryCount(Category category, String reason, int records) {
    public CategoryCount {
      Objects.requireNonNull(category, "category");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * One zone's figures. {@code records}, {@code proxied}, {@code dnsOnly}, {@code autoTtl} and
   * {@code proxiedNotStated} count the modelled records (A, AAAA, CNAME) only.
   *
   * @param apexSource how the apex was decided (header, file name, zone_name, inferred, explicit)
   * @param soaFromExport false when the SOA values are Cloudflare's defaults (the API list has no SOA)
   * @param proxiedNotStated records whose export said nothing about proxying (no {@code cf_tags} or
   *     no {@code cf-proxied} in it; no {@code proxied} field in JSON), taken as DNS-only
   * @param categories by category (enum order), then reason
   * @param unmodelledTypes type mnemonic -> how many records of it were kept but not modelled
   * @param warnings "file:line: what was assumed", in export order: records whose proxying the
   *     export did not state, markers that may mean two categories
   */
  public record ZoneSummary(
      Name apex,
      ExportFormat format,
      List<String> files,
      String apexSource,
      Soa soa,
      boolean soaFromExport,
      int records,
      int proxied,
      int dnsOnly,
      int autoTtl,
      int proxiedNotStated,
      List<CategoryCount> categories,
      SortedMap<String, Integer> unmodelledTypes,
      List<String> warnings) {
    public ZoneSummary {
      warnings = List.copyOf(warnings);
      files = List.copyOf(files);
      List<CategoryCount> sorted = new ArrayList<>(categories);
      sorted.sort(Comparator.comparing(CategoryCount::category).thenComparing(CategoryCount::reason));
      categories = List.copyOf(sorted);
      unmodelledTypes = Collections.unmodifiableSortedMap(new TreeMap<>(unmodelledTypes));
    }

    public int records(Category category) {
      return categories.stream().filter(c -> c.category() == category).mapToInt(CategoryCount::records).sum();
    }

    public int unmodelled() {
      return unmodelledTypes.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  public int records() {
    return zones.stream().mapToInt(ZoneSummary::records).sum();
  }

  public int proxied() {
    return zones.stream().mapToInt(ZoneSummary::proxied).sum();
  }

  public int dnsOnly() {
    return zones.stream().mapToInt(ZoneSummary::dnsOnly).sum();
  }

  public int unmodelled() {
    return zones.stream().mapToInt(ZoneSummary::unmodelled).sum();
  }

  /** What a report says about the import: counts per zone and {@link #render()}. */
  public AccountImport asReportSection(List<String> files) {
    List<AccountImport.ImportedZone> imported = new ArrayList<>();
    for (ZoneSummary z : zones) {
      SortedMap<String, Integer> byCategory = new TreeMap<>();
      for (CategoryCount c : z.categories()) {
        byCategory.merge(c.category().key(), c.records(), Integer::sum);
      }
      imported.add(new AccountImport.ImportedZone(show(z.apex()), z.format() == ExportFormat.BIND ? "bind" : "api-json",
          z.records(), z.proxied(), z.dnsOnly(), byCategory, z.unmodelledTypes()));
    }
    return new AccountImport(files, imported, externalTargets.stream().map(ImportSummary::show).toList(),
        unusedOverrides.stream().map(ImportSummary::show).toList(), render());
  }

  /** A short text block, the same for the same import (no dates, no locale). */
  public String render() {
    StringBuilder out = new StringBuilder();
    out.append("Imported ").append(plural(zones.size(), "zone")).append(": ")
        .append(plural(records(), "A/AAAA/CNAME record")).append(" (").append(proxied()).append(" proxied, ")
        .append(dnsOnly()).append(" DNS-only); ").append(plural(unmodelled(), "other record"))
        .append(" kept but not modelled\n");
    for (ZoneSummary z : zones) {
      out.append(show(z.apex())).append(" (").append(z.format() == ExportFormat.BIND ? "BIND export " : "API JSON ")
          .append(String.join(", ", z.files())).append("; apex ").append(z.apexSource()).append(")\n");
      out.append("  ").append(plural(z.records(), "record")).append(": ").append(z.proxied()).append(" proxied, ")
          .append(z.dnsOnly()).append(" DNS-only; Auto TTL: ").append(z.autoTtl()).append("; ")
          .append(z.format() == ExportFormat.BIND ? "no cf_tags" : "no proxied field")
          .append(" (assumed DNS-only): ").append(z.proxiedNotStated()).append('\n');
      out.append("  categories:").append(z.categories().isEmpty() ? " none\n" : "\n");
      categories(z.categories(), out);
      out.append("  not modelled: ").append(z.unmodelledTypes().isEmpty() ? "none"
          : z.unmodelledTypes().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
              .collect(Collectors.joining(", "))).append('\n');
      for (int i = 0; i < Math.min(z.warnings().size(), MAX_WARNINGS); i++) {
        out.append("  warning: ").append(z.warnings().get(i)).append('\n');
      }
      if (z.warnings().size() > MAX_WARNINGS) {
        out.append("  warning: ").append(z.warnings().size() - MAX_WARNINGS).append(" more like these\n");
      }
      out.append("  SOA: TTL ").append(z.soa().ttlSeconds()).append(", MINIMUM ").append(z.soa().minimumSeconds())
          .append(z.soaFromExport() ? " (from the export)" : " (not in the export: Cloudflare's defaults)").append('\n');
    }
    if (!externalTargets.isEmpty()) {
      out.append("CNAME targets outside these zones (declare them under external:): ").append(names(externalTargets))
          .append('\n');
    }
    if (!unusedOverrides.isEmpty()) {
      out.append("Overrides that matched no A/AAAA/CNAME record: ").append(names(unusedOverrides)).append('\n');
    }
    return out.toString();
  }

  /** One line per category: "    tunnel 2: CNAME target under cfargotunnel.com 1, override 1". */
  private static void categories(List<CategoryCount> counts, StringBuilder out) {
    Map<Category, List<CategoryCount>> byCategory = new TreeMap<>();
    for (CategoryCount c : counts) {
      byCategory.computeIfAbsent(c.category(), k -> new ArrayList<>()).add(c);
    }
    for (Map.Entry<Category, List<CategoryCount>> e : byCategory.entrySet()) {
      List<CategoryCount> reasons = e.getValue();
      int total = reasons.stream().mapToInt(CategoryCount::records).sum();
      String why = reasons.size() == 1 ? reasons.get(0).reason()
          : reasons.stream().map(r -> r.reason() + " " + r.records()).collect(Collectors.joining(", "));
      out.append("    ").append(e.getKey().key()).append(' ').append(total).append(": ").append(why).append('\n');
    }
  }

  private static String names(List<Name> names) {
    return names.stream().map(ImportSummary::show).collect(Collectors.joining(", "));
  }

  private static String plural(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String show(Name name) {
    return name.toString(true);
  }
}
