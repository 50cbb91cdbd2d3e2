package dev.dnsflip.authority;

/**
 * Account-level facts of the switch that no public source settles, as settings with defaults.
 *
 * @param saasFallbackOriginIncluded the current product page includes the SaaS fallback origin;
 *     an earlier version and a Cloudflare reviewer said exempt (default: included)
 * @param ipv6Compatibility Cloudflare's IPv6 compatibility (on by default): a proxied name with
 *     only A records still answers AAAA with anycast IPv6 while proxied
 */
public record SwitchSettings(boolean saasFallbackOriginIncluded, boolean ipv6Compatibility) {
  public static final SwitchSettings DEFAULTS = new SwitchSettings(true, true);
}
