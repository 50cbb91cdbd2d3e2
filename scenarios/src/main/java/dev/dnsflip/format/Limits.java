package dev.dnsflip.format;

import java.util.List;

/**
 * Every limit dnsflip puts on what it reads, in one place, each with its reason, so a reader checks
 * input against them before any heavy work and a user learns why. Limits of the run itself (memory
 * and work) depend on the scenario and the heap: see {@code RunBudget}.
 */
public final class Limits {
  /** One limit: what it bounds, the bound, and why. */
  public record Limit(String what, long max, String reason) {
    /** "larger than 16 MiB, the most a scenario file may hold (reason)". */
    public String refusal(String found) {
      return found + "; the limit is " + String.format(java.util.Locale.ROOT, "%,d", max) + " (" + what + ": "
          + reason + ")";
    }
  }

  /** Bytes of one input file: a scenario, a BIND export or a page of API JSON. */
  public static final Limit FILE_BYTES = new Limit("bytes per input file", 64L << 20,
      "real exports of large accounts stay far below it; anything bigger is not a scenario or an export "
          + "(e.g. /dev/zero) and would only exhaust memory");

  /** Characters of one line of a YAML or BIND file. */
  public static final Limit LINE_CHARS = new Limit("characters per line", 1L << 20,
      "the YAML scanner slows down quadratically on very long lines; no real record or key needs more");

  /** Nesting depth of a YAML or JSON document. */
  public static final Limit DEPTH = new Limit("nesting depth", 64,
      "the deepest scenario or API page nests about 6 levels; deeper documents are mistakes or attacks");

  /** Pages of one zone's API JSON export. */
  public static final Limit API_PAGES = new Limit("pages per zone (total_pages)", 100_000,
      "the API returns up to 5,000 records a page: 100,000 pages hold half a billion records, far past any "
          + "account; more is a corrupt result_info");

  private Limits() {}

  public static List<Limit> all() {
    return List.of(FILE_BYTES, LINE_CHARS, DEPTH, API_PAGES);
  }
}
