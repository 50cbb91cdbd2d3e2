package dev.dnsflip.fuzz;

import java.math.BigDecimal;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a value does to the size of a run if dnsflip accepts it. The test JVM can afford one
 * moderately large dimension (a 2-day run, 100,000 clients) but not the product of two, nor the
 * limit values that today's code accepts and then allocates or loops over (100,000 d, 1e9 queries a
 * minute): those cases are {@link #HEAVY} and run in a child JVM.
 */
enum Sizes {
  NONE, BOUNDED, HEAVY;

  private static final Pattern DURATION = Pattern.compile("(-?[0-9][0-9_.eE+-]*)\\s*(ms|s|m|h|d)");
  private static final Map<String, Double> UNIT_MS = Map.of("ms", 1.0, "s", 1e3, "m", 60e3, "h", 3600e3, "d", 86400e3);
  /** Count-like keys and the largest value the test JVM runs in-process. */
  private static final Map<String, Double> COUNT_CAPS = Map.of("count", 100_000.0, "scale", 100.0,
      "replications", 20.0, "nameservers", 100_000.0, "queriesPerMinute", 600.0, "queriesPerSecond", 10.0,
      "capacity", 1_000_000.0, "backends", 1_000.0);

  static boolean isSizeKey(String key) {
    return COUNT_CAPS.containsKey(key) || key.equals("duration") || key.equals("bucket") || key.equals("initialCache");
  }

  /** The size class of {@code value} written under {@code key}. */
  static Sizes of(String key, String value) {
    String v = value.strip();
    if (v.startsWith("!!")) {
      int space = v.indexOf(' ');
      v = space < 0 ? "" : v.substring(space + 1).strip();
    }
    v = v.replace("\"", "").replace("'", "");
    if (COUNT_CAPS.containsKey(key)) {
      return count(v, COUNT_CAPS.get(key));
    }
    switch (key) {
      case "duration" -> {
        return duration(v, 3600e3, 2 * 86400e3, false);
      }
      case "bucket" -> {
        return duration(v, 0, 0, true);
      }
      case "initialCache" -> {
        return v.startsWith("warmup") ? duration(v.substring(6).strip(), 3600e3, 86400e3, false) : NONE;
      }
      default -> {
        return NONE;
      }
    }
  }

  private static Sizes count(String v, double cap) {
    String lower = v.toLowerCase();
    if (lower.contains("inf") || lower.contains("nan")) {
      return HEAVY;
    }
    double d;
    try {
      d = new BigDecimal(v.replace("_", "")).doubleValue();
    } catch (NumberFormatException e) {
      try {
        d = Long.decode(v);
      } catch (NumberFormatException e2) {
        return NONE;
      }
    }
    return d > cap ? HEAVY : d > cap / 100 ? BOUNDED : NONE;
  }

  private static Sizes duration(String v, double boundedMs, double heavyMs, boolean smallIsLarge) {
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      return v.toLowerCase().contains("inf") || v.toLowerCase().contains("nan") ? HEAVY : NONE;
    }
    double ms;
    try {
      ms = new BigDecimal(m.group(1).replace("_", "")).doubleValue() * UNIT_MS.get(m.group(2));
    } catch (NumberFormatException e) {
      return NONE;
    }
    if (smallIsLarge) {
      return ms <= 0 ? NONE : ms < 1 ? HEAVY : ms < 1000 ? BOUNDED : NONE;
    }
    return ms > heavyMs ? HEAVY : ms > boundedMs ? BOUNDED : NONE;
  }

  /** Combines the sizes set in one case: two large dimensions multiply, so they are heavy. */
  static boolean heavy(int bounded, int heavy) {
    return heavy > 0 || bounded > 1;
  }
}
