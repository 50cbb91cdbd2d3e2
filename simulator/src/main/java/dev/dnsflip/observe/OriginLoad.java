package dev.dnsflip.observe;

import java.util.List;

/**
 * Requests per second reaching one origin address after a switch: every use whose answer holds
 * the address is one request to it (an answer with n addresses sends 1/n of its uses to each, as
 * clients pick one at random). With Cloudflare stepped aside no proxy cache stands in between.
 *
 * @param names the names whose answers hold it
 * @param capacityPerSecond what the scenario states it can take; null when not stated
 * @param requestsPerSecond per bucket, mean over runs (a last, shorter bucket over its own length)
 * @param firstExceededMs start of the first bucket whose load is above the capacity, or -1
 */
public record OriginLoad(String address, List<String> names, Double capacityPerSecond, boolean publiclyTrusted,
    double[] requestsPerSecond, double peakPerSecond, long peakAtMs, long firstExceededMs) {
  public OriginLoad {
    names = List.copyOf(names);
    requestsPerSecond = requestsPerSecond.clone();
  }

  @Override
  public double[] requestsPerSecond() {
    return requestsPerSecond.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof OriginLoad other && address.equals(other.address) && names.equals(other.names)
        && java.util.Objects.equals(capacityPerSecond, other.capacityPerSecond) && publiclyTrusted == other.publiclyTrusted
        && java.util.Arrays.equals(requestsPerSecond, other.requestsPerSecond)
        && Double.compare(peakPerSecond, other.peakPerSecond) == 0 && peakAtMs == other.peakAtMs
        && firstExceededMs == other.firstExceededMs;
  }

  @Override
  public int hashCode() {
    return address.hashCode() * 31 + java.util.Arrays.hashCode(requestsPerSecond);
  }

  @Override
  public String toString() {
    return "OriginLoad[" + address + ", peak " + peakPerSecond + "/s at " + peakAtMs + " ms, capacity "
        + capacityPerSecond + ", first exceeded " + firstExceededMs + "]";
  }
}
