package dev.dnsflip.observe;

/** What a metric's number means, so every renderer formats it the same way. */
public enum Unit {
  COUNT,
  /** A fraction in [0, 1]; renderers show it as a percentage. */
  RATIO,
  DURATION_MS
}
