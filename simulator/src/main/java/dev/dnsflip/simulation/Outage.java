package dev.dnsflip.simulation;

import dev.dnsflip.authority.ModelRuleException;

/** Every authoritative nameserver times out during [fromMs, toMs): serve-stale paths get exercised. */
public record Outage(long fromMs, long toMs) {
  public Outage {
    if (toMs <= fromMs) {
      throw new ModelRuleException("an outage needs from < to");
    }
  }
}
