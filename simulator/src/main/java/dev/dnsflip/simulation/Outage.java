package dev.dnsflip.simulation;

import dev.dnsflip.authority.ModelRuleException;
import java.util.List;

/**
 * An authoritative outage during [fromMs, toMs): each query to an affected nameserver is lost with
 * probability {@code loss} (1: every query times out, so serve-stale paths get exercised; below 1:
 * packet loss, as field experiments provoke it). {@code nameservers} lists the affected ones,
 * 0-based; empty means every nameserver.
 */
public record Outage(long fromMs, long toMs, double loss, List<Integer> nameservers) {
  /** More nameservers than this cannot be named one by one (a bit each in a long). */
  public static final int MAX_NAMED_NAMESERVER = Long.SIZE - 1;

  /** Every nameserver times out. */
  public Outage(long fromMs, long toMs) {
    this(fromMs, toMs, 1.0, List.of());
  }

  public Outage {
    if (toMs <= fromMs) {
      throw new ModelRuleException("an outage needs from < to");
    }
    if (!(loss > 0 && loss <= 1)) {
      throw new ModelRuleException("an outage's loss must be in (0, 1], got " + loss);
    }
    nameservers = List.copyOf(nameservers);
    for (int ns : nameservers) {
      if (ns < 0 || ns > MAX_NAMED_NAMESERVER) {
        throw new ModelRuleException("an outage names nameserver " + (ns + 1) + "; they are numbered 1.."
            + (MAX_NAMED_NAMESERVER + 1));
      }
    }
  }

  /** Whether every query to every nameserver times out. */
  public boolean total() {
    return loss >= 1 && nameservers.isEmpty();
  }

  /** The affected nameservers as bits (bit ns), or -1 for all. */
  long nameserverMask() {
    long mask = 0;
    for (int ns : nameservers) {
      mask |= 1L << ns;
    }
    return nameservers.isEmpty() ? -1L : mask;
  }
}
