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

  static final List<Known> LIST = List.of();

  static Known explaining(Violation v) {
    for (Known k : LIST) {
      if (k.explains(v)) {
        return k;
      }
    }
    return null;
  }
}
