package dev.dnsflip.authority;

/**
 * What a proxied record belongs to, which decides whether enforce DNS-only applies to it.
 * Source: Cloudflare, "Enforce DNS-only", sections Included / Excluded (see FACTS-cloudflare.md).
 */
public enum Category {
  REGULAR("regular", true),
  LOAD_BALANCER("load-balancer", true),
  WORKER_ROUTE("worker-route", true),
  /** Included per the current product page; an earlier version said exempt: see {@link SwitchSettings}. */
  SAAS_FALLBACK_ORIGIN("saas-fallback-origin", true),
  R2_CUSTOM_DOMAIN("r2-custom-domain", false),
  SPECTRUM("spectrum", false),
  TUNNEL("tunnel", false),
  WEB3_GATEWAY("web3-gateway", false),
  WORKERS_CUSTOM_DOMAIN("workers-custom-domain", false);

  private final String key;
  private final boolean includedByDefault;

  Category(String key, boolean includedByDefault) {
    this.key = key;
    this.includedByDefault = includedByDefault;
  }

  /** The name used in scenario files and reports. */
  public String key() {
    return key;
  }

  /** Whether the switch turns this category's proxied records into DNS-only answers. */
  public boolean affectedBySwitch(SwitchSettings settings) {
    if (this == SAAS_FALLBACK_ORIGIN) {
      return settings.saasFallbackOriginIncluded();
    }
    return includedByDefault;
  }

  public static Category fromKey(String key) {
    for (Category c : values()) {
      if (c.key.equals(key)) {
        return c;
      }
    }
    return null;
  }
}
