package dev.dnsflip.fuzz;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Defects the fuzzers find in today's code, each with a reproducer and the signature its
 * violations carry. {@link FuzzTest} passes while every violation it finds matches an entry here;
 * when a fix lands, delete its entry: the fuzzers then check the fix from the next run on.
 */
final class KnownViolations {
  private KnownViolations() {}

  /**
   * @param defect what is wrong, in a line
   * @param reproducer an input kind and case seed that shows it ({@code scenario:123}), replayed with
   *     {@code -Ddnsflip.fuzz.replay=scenario:123}
   * @param signature matches {@link Violation#signature()} of the violations it explains
   */
  record Known(String defect, String reproducer, Pattern signature) {
    boolean explains(Violation v) {
      return signature.matcher(v.signature()).find();
    }
  }

  static final List<Known> LIST = List.of(
      new Known("a blank or empty export file is imported as an empty BIND export with exit 0 instead of refused",
          "api:121 (./dnsflip import of a file holding only blanks)",
          Pattern.compile("^(api|bind) import: exit 0 accepting input that must be refused: blank file$")),
      new Known("BIND export records of class CH, HS, NONE or ANY are imported as if IN",
          "bind:270 (class NONE), bind:688 (CH), bind:679 (HS), bind:520 (ANY)",
          Pattern.compile("^bind (import|run-wrapped): exit 0 accepting input that must be refused: class (CH|HS|NONE|ANY)$")),
      new Known("BIND export TTLs past 2^31-1 (2147483648, 4294967295, 18446744073709551916) are accepted instead of refused",
          "bind:285",
          Pattern.compile("^bind (import|run-wrapped): exit 0 accepting input that must be refused: TTL outside 0..2\\^31-1$")),
      new Known("API JSON ttl past 2^31-1 or negative (18446744073709551916 wraps to 300) is accepted with exit 0",
          "api ttl 18446744073709551916 (seen in longer runs; not reached by the CI seeds)",
          Pattern.compile("^api (import|run-wrapped): exit 0 accepting input that must be refused: ttl outside 0..2\\^31-1$")),
      new Known("an API JSON page without a result list (empty or array top level) is read as a BIND export",
          "api: top-level array / empty top-level array (longer runs)",
          Pattern.compile("^api (import|run-wrapped): exit 0 accepting input that must be refused: no result list")),
      new Known("sizes past what a run can hold are accepted and then allocate or loop (client or resolver count "
          + "100000000, duration 100000d, 30 d with 1 ms buckets, total_pages 2147483647, queriesPerMinute 1e9, "
          + "replications 2147483647, warmup 100000d): out of memory, over time, or exit 3 on int overflow",
          "heavy cases, run in a child JVM (-Ddnsflip.fuzz.heavy=N)",
          Pattern.compile("^(scenario run|api import|api run-wrapped): (uncaught java.lang.OutOfMemoryError|over \\d+ s|"
              + "exit 3 java.lang.(ArithmeticException|NegativeArraySizeException|ArrayIndexOutOfBoundsException|"
              + "OutOfMemoryError))")));

  static Known explaining(Violation v) {
    for (Known k : LIST) {
      if (k.explains(v)) {
        return k;
      }
    }
    return null;
  }
}
