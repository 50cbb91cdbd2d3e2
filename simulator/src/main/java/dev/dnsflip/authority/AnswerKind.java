package dev.dnsflip.authority;

/** What an authoritative answer holds. */
public enum AnswerKind {
  /** Address records (origin, anycast, or a flattened CNAME's target addresses). */
  DATA,
  /** A CNAME the resolver must follow; it is cached under (owner, CNAME). */
  CNAME,
  NODATA,
  NXDOMAIN
}
