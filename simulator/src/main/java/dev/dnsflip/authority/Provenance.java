package dev.dnsflip.authority;

/** Where an answer's content comes from; a use is stale when this differs from the intended one. */
public enum Provenance {
  /** Cloudflare's anycast addresses (proxied record, switch off, or an excluded category). */
  ANYCAST,
  /** The record's own content: origin addresses, CNAME targets, DNS-only records. */
  ORIGIN,
  /** NXDOMAIN or NODATA. */
  NEGATIVE;

  private static final Provenance[] VALUES = values();

  public static Provenance of(int ordinal) {
    return VALUES[ordinal];
  }
}
