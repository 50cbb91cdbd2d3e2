package dev.dnsflip.scenarios;

import dev.dnsflip.authority.SecondsRange;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;

/**
 * A resolver or client setting counted in whole seconds of a DNS TTL (clamps, reply TTLs, caps,
 * prefetch triggers): the one reader of such a key, checked against what a DNS TTL can hold.
 */
final class DnsSeconds {
  private DnsSeconds() {}

  /**
   * The seconds under {@code key}, or {@code fallback} when absent; out of range is an error
   * naming the setting as {@code what} (e.g. {@code clamps.minTtl}).
   */
  static long optional(Fields f, String key, long fallback, String what) throws InputException {
    Node value = f.optional(key);
    if (value == null) {
      return fallback;
    }
    long seconds = value.parse(Quantities::seconds);
    if (!SecondsRange.DNS.contains(seconds)) {
      throw value.error(SecondsRange.DNS.refusal(what, seconds));
    }
    return seconds;
  }
}
