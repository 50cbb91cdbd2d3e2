package dev.dnsflip.scenarios;

import dev.dnsflip.observe.Unit;

/** How a bound's value is shown, for messages outside the scenario package (exploration). */
public final class Bounds {
  private Bounds() {}

  public static String show(String metric, double value) {
    return ExpectationMapping.show(metric, value);
  }

  public static boolean isDuration(String metric) {
    return ExpectationMapping.METRICS.get(metric) == Unit.DURATION_MS;
  }
}
