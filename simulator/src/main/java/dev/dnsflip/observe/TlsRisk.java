package dev.dnsflip.observe;

import java.util.List;

/**
 * Uses in a window sent straight to an origin whose certificate only Cloudflare trusts (Origin
 * CA): a browser's TLS handshake with it fails. Means over runs, rounded half up.
 *
 * @param failingShare of the window's uses; null when it had none
 * @param untrustedOrigins the addresses the scenario states as not publicly trusted
 */
public record TlsRisk(long uses, long failingUses, Double failingShare, List<String> untrustedOrigins) {
  public TlsRisk {
    untrustedOrigins = List.copyOf(untrustedOrigins);
  }
}
