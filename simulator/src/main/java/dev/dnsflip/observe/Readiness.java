package dev.dnsflip.observe;

import java.util.List;

/**
 * What the people preparing a switch need besides the stale figures, computed by the simulator:
 * the records the switch leaves proxied, and per switch the load on each origin, who still holds
 * the origin addresses, the uses that would fail TLS, and the causes of the tail. Counts over
 * runs are means rounded half up; "latest" times are the latest in any run.
 *
 * @param bucketMs the width of every per-bucket series here
 */
public record Readiness(long bucketMs, List<ExcludedRecord> excluded, List<SwitchReadiness> switches) {
  public Readiness {
    excluded = List.copyOf(excluded);
    switches = List.copyOf(switches);
  }

  /** Nothing to say: reports built by hand. */
  public static final Readiness NONE = new Readiness(1, List.of(), List.of());
}
