package dev.dnsflip.simulation;

/** Every authoritative nameserver times out during [fromMs, toMs): serve-stale paths get exercised. */
public record Outage(long fromMs, long toMs) {
  public Outage {
    if (toMs <= fromMs) {
      throw new IllegalArgumentException("an outage needs from < to");
    }
  }
}
