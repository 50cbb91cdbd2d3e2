package dev.dnsflip.observe;

import dev.dnsflip.authority.SwitchDirection;
import java.util.List;

/**
 * Readiness figures of one switch event's window.
 *
 * @param index the switch, from 0 (reports number it from 1)
 * @param originLoad per origin address the switch reveals: requests per second reaching it
 * @param exposed the revealed answers (origin addresses, CNAME targets) clients got in this window
 * @param clients clients still using a revealed answer over time
 * @param resolvers resolvers still handing one out over time
 * @param tls uses sent straight to an origin whose certificate browsers do not trust
 * @param tailCauses why stale uses last as long as they do, and what shortens them
 */
public record SwitchReadiness(int index, SwitchDirection direction, long windowMs, List<OriginLoad> originLoad,
    List<ExposedAnswer> exposed, HolderCurve clients, HolderCurve resolvers, TlsRisk tls, List<TailCause> tailCauses) {
  public SwitchReadiness {
    originLoad = List.copyOf(originLoad);
    exposed = List.copyOf(exposed);
    tailCauses = List.copyOf(tailCauses);
  }
}
