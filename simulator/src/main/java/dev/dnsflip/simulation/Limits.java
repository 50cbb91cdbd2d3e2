package dev.dnsflip.simulation;

import java.util.List;
import java.util.Locale;

/**
 * Every limit dnsflip puts on what it is given, in one place, each with its reason, so readers and
 * the command line check input against them before any heavy work and a user learns why. The
 * memory and work a particular run needs depend on the scenario and the heap as well; the harness
 * estimates those before it starts a run.
 */
public final class Limits {
  /** One limit: what it bounds, the largest value allowed, and why. */
  public record Limit(String what, long max, String reason) {
    /** "{found}; the limit is 1,000 (what: reason)". */
    public String refusal(String found) {
      return found + "; the limit is " + String.format(Locale.ROOT, "%,d", max) + " (" + what + ": " + reason + ")";
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

  /** Clients of a scenario, all groups together. */
  public static final Limit CLIENTS = new Limit("clients in a scenario", 1_000_000_000,
      "clients are numbered by int and each keeps its first-fresh and last-stale instants per switch event; "
          + "well below this, the heap is the bound (the run says how much it needs)");

  /** Caches of a scenario: each resolver's backends, all groups together. */
  public static final Limit RESOLVER_CACHES = new Limit("resolver caches in a scenario (count x backends)",
      100_000_000, "each cache holds a handful of arrays as long as the answer table; well below this, the heap "
          + "is the bound");

  /** Buckets of the stale-share series in one switch event's window. */
  public static final Limit BUCKETS = new Limit("buckets per switch event (duration / bucket)", 10_000_000,
      "every worker keeps two counters a bucket per switch event: 10 million buckets are 160 MB a worker; "
          + "use a coarser bucket");

  /** Queries per second of one client. */
  public static final Limit CLIENT_RATE = new Limit("queries per second of one client", 1_000,
      "the simulated clock counts milliseconds: a client cannot ask more than once a millisecond");

  /** Simulated time: the run and any warm-up. */
  public static final Limit DURATION_MS = new Limit("milliseconds of simulated time (duration, warm-up)",
      3_650L * 86_400_000, "ten years: no transition lasts that long, and longer runs are typos (100000d)");

  /** Worker threads of one run. */
  public static final Limit THREADS = new Limit("worker threads", 1_024,
      "each worker keeps its own tally; more workers than cores only cost memory");

  private Limits() {}

  public static List<Limit> all() {
    return List.of(FILE_BYTES, LINE_CHARS, DEPTH, API_PAGES, CLIENTS, RESOLVER_CACHES, BUCKETS, CLIENT_RATE,
        DURATION_MS, THREADS);
  }
}
