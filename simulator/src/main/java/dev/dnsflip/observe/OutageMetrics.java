package dev.dnsflip.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The figures an {@code expect:} bound may name for one outage ({@code outage: 1}), each a share
 * estimated over runs ({@link OutageAnswers}), apart from the switch metrics of {@link MetricRegistry}.
 */
public final class OutageMetrics {
  public static final String ANSWERED_SHARE = "answered.share";
  public static final String RIDE_THROUGH_SHARE = "rideThrough.share";

  private static final Map<String, String> DESCRIPTIONS = descriptions();

  private OutageMetrics() {}

  private static Map<String, String> descriptions() {
    Map<String, String> d = new LinkedHashMap<>();
    d.put(ANSWERED_SHARE, "share of the client queries made inside the outage that were answered");
    d.put(RIDE_THROUGH_SHARE, "share of the clients that queried inside the outage whose every query there was answered");
    return d;
  }

  /** Name -> description, in report order. */
  public static Map<String, String> all() {
    return java.util.Collections.unmodifiableMap(DESCRIPTIONS);
  }

  public static boolean isOutageMetric(String name) {
    return DESCRIPTIONS.containsKey(name);
  }

  /** The estimate over runs of {@code metric} for outage {@code o}, or empty for a name that is none. */
  public static Optional<Estimate> estimate(OutageAnswers o, String metric) {
    return switch (metric) {
      case ANSWERED_SHARE -> Optional.of(o.answeredShare());
      case RIDE_THROUGH_SHARE -> Optional.of(o.rideThrough());
      default -> Optional.empty();
    };
  }
}
