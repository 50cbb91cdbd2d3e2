package dev.dnsflip.simulation;

import dev.dnsflip.authority.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * What the scenario states about one origin address the switch hands out: how many requests per
 * second it can take, and whether browsers trust its certificate. Cloudflare's Origin CA
 * certificates are trusted only by Cloudflare's proxy ("Enforce DNS-only", Verify SSL
 * certificates): a client sent straight to such an origin fails its TLS handshake.
 *
 * @param address as {@link dev.dnsflip.authority.AddressText} writes it
 * @param capacityPerSecond requests per second it can take; NaN when not stated
 * @param publiclyTrusted false for an Origin CA (or self-signed) certificate
 */
public record OriginServer(String address, double capacityPerSecond, boolean publiclyTrusted) {
  public OriginServer {
    Problem.requireNone(problems(address, capacityPerSecond));
  }

  /** Paths {@code address} and {@code capacity}; empty when the origin may be built. */
  public static List<Problem> problems(String address, double capacityPerSecond) {
    List<Problem> problems = new ArrayList<>();
    if (address == null || address.isEmpty()) {
      problems.add(new Problem("address", "an origin needs its address"));
    }
    if (!Double.isNaN(capacityPerSecond) && !(capacityPerSecond > 0 && Double.isFinite(capacityPerSecond))) {
      problems.add(new Problem("capacity", "capacity must be a number of requests per second > 0, not "
          + capacityPerSecond));
    }
    return problems;
  }

  public boolean hasCapacity() {
    return !Double.isNaN(capacityPerSecond);
  }
}
