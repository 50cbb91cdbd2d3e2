package dev.dnsflip.simulation;

import dev.dnsflip.authority.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * A published figure a scenario sets beside its curves (e.g. Flavel, Mani and Maltz 2014: 10% of
 * requests still stale 60 s after a change), drawn as a point on the chart of that curve.
 *
 * @param index the switch it belongs to, from 0 (reports number it from 1)
 * @param atMs the time after the switch
 * @param value a share in [0, 1]
 */
public record ReferenceMark(int index, long atMs, Curve curve, double value, String label) {
  /** Which curve a mark belongs on. */
  public enum Curve {
    /** The stale share of uses per bucket. */
    STALE_SHARE,
    /** The share of observed clients with a stale use at or after the time. */
    CLIENTS_STALE
  }

  public ReferenceMark {
    Problem.requireNone(problems(index, atMs, value, label));
  }

  public static List<Problem> problems(int index, long atMs, double value, String label) {
    List<Problem> problems = new ArrayList<>();
    if (index < 0) {
      problems.add(new Problem("index", "a reference mark belongs to a switch"));
    }
    if (atMs < 0) {
      problems.add(new Problem("atMs", "a reference mark's time must be >= 0"));
    }
    if (!(value >= 0 && value <= 1)) {
      problems.add(new Problem("value", "a reference mark's share must be within 0% and 100%, not " + value));
    }
    if (label == null || label.isBlank()) {
      problems.add(new Problem("label", "a reference mark needs a label saying where it comes from"));
    }
    return problems;
  }
}
