package dev.dnsflip.observe;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where a scenario's account came from when it was imported from the user's exports, so a report
 * says what it simulated before it says what happened: the files, what was found in each zone,
 * and the summary text shown at the top of the Markdown report.
 *
 * @param files as the scenario names them (relative to the scenario file)
 * @param externalTargets CNAME targets outside the imported zones (the scenario declares them)
 * @param unusedOverrides category overrides that named no record (usually a typo)
 * @param summary the importer's text, one block, the same for the same files
 */
public record AccountImport(
    List<String> files,
    List<ImportedZone> zones,
    List<String> externalTargets,
    List<String> unusedOverrides,
    String summary) {

  public AccountImport {
    files = List.copyOf(files);
    zones = List.copyOf(zones);
    externalTargets = List.copyOf(externalTargets);
    unusedOverrides = List.copyOf(unusedOverrides);
    Objects.requireNonNull(summary, "summary");
  }

  /**
   * One imported zone's counts of modelled records (A, AAAA, CNAME).
   *
   * @param format "bind" or "api-json"
   * @param categories category key -> records (regular included)
   * @param unmodelled record type -> records kept but not simulated (MX, TXT, ...)
   */
  public record ImportedZone(String apex, String format, int records, int proxied, int dnsOnly,
      SortedMap<String, Integer> categories, SortedMap<String, Integer> unmodelled) {
    public ImportedZone {
      categories = Collections.unmodifiableSortedMap(new TreeMap<>(categories));
      unmodelled = Collections.unmodifiableSortedMap(new TreeMap<>(unmodelled));
    }
  }
}
