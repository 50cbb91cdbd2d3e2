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

  /**
   * Why the switch leaves this category proxied, in the words of Cloudflare's "Enforce DNS-only"
   * page (Excluded) and what follows from it; empty for a category the switch applies to.
   */
  public String whyExcluded(SwitchSettings settings) {
    if (affectedBySwitch(settings)) {
      return "";
    }
    return switch (this) {
      case R2_CUSTOM_DOMAIN -> "an R2 custom domain: a read-only record Cloudflare manages; the bucket is served by "
          + "Cloudflare itself, so there is no origin to send clients to";
      case SPECTRUM -> "a Spectrum application's record, managed by the application, which keeps proxying";
      case TUNNEL -> "a CNAME to a Cloudflare Tunnel (cfargotunnel.com): the origin is reachable only through "
          + "Cloudflare";
      case WEB3_GATEWAY -> "a read-only record managed by a Web3 gateway";
      case WORKERS_CUSTOM_DOMAIN -> "a Workers custom domain: the Worker is the origin and runs on Cloudflare";
      case SAAS_FALLBACK_ORIGIN -> "the SaaS fallback origin, which this scenario takes as excluded "
          + "(saasFallbackOriginIncluded: false, as an earlier product page said; the current one says included)";
      default -> "";
    };
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
