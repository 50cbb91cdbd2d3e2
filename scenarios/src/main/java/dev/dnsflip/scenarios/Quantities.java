package dev.dnsflip.scenarios;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The scalar values of scenario files: durations with a unit, percentages, plain numbers,
 * integers and booleans. Each throws IllegalArgumentException with the problem; the caller
 * knows where the value was written. Durations always carry a unit because a bare number is
 * ambiguous (DNS TTLs are seconds, the simulator's clock is milliseconds); TTLs stay plain
 * seconds, as DNS writes them.
 */
final class Quantities {
  static final String DURATION_EXPECTED = "expected a duration with a unit (ms, s, m, h, d), e.g. 30s";

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");
  private static final Pattern PERCENTAGE = Pattern.compile("(\\d+(?:\\.\\d+)?)%");
  // Underscores group digits (10_000), as YAML 1.1 allows; nothing else is accepted.
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+(?:_\\d+)*");
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(?:_\\d+)*(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  private Quantities() {}

  static boolean isDuration(String text) {
    return DURATION.matcher(text.strip()).matches();
  }

  static boolean isPercentage(String text) {
    return PERCENTAGE.matcher(text.strip()).matches();
  }

  /** Milliseconds, >= 0; must be a whole number of them (1.5s yes, 1.0005s no). */
  static long durationMs(String text) {
    Matcher m = DURATION.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(DURATION_EXPECTED);
    }
    long unitMs = switch (m.group(2)) {
      case "ms" -> 1;
      case "s" -> 1_000;
      case "m" -> 60_000;
      case "h" -> 3_600_000;
      default -> 86_400_000;
    };
    BigDecimal ms = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitMs));
    if (ms.stripTrailingZeros().scale() > 0) {
      throw new IllegalArgumentException(text.strip() + " is not a whole number of milliseconds");
    }
    try {
      return ms.longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException(text.strip() + " is too long");
    }
  }

  /** "5%" as 0.05. */
  static double percentage(String text) {
    Matcher m = PERCENTAGE.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("expected a percentage, e.g. 5%, got '" + text + "'");
    }
    return new BigDecimal(m.group(1)).movePointLeft(2).doubleValue();
  }

  /** A share: a percentage ("70%") or a plain non-negative number (0.7). */
  static double share(String text) {
    double share = isPercentage(text) ? percentage(text) : number(text);
    if (!(share >= 0)) {
      throw new IllegalArgumentException("a share must be >= 0, got " + text.strip());
    }
    return share;
  }

  static double number(String text) {
    String t = text.strip();
    if (!NUMBER.matcher(t).matches()) {
      throw new IllegalArgumentException("expected a number, got '" + text + "'");
    }
    double value = Double.parseDouble(t.replace("_", ""));
    if (Double.isInfinite(value)) {
      throw new IllegalArgumentException(t + " is too large");
    }
    return value;
  }

  static long integer(String text) {
    String t = text.strip();
    if (!INTEGER.matcher(t).matches()) {
      throw new IllegalArgumentException("expected an integer, got '" + text + "'");
    }
    try {
      return Long.parseLong(t.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(t + " is too large");
    }
  }

  /** An integer that fits an int (counts). */
  static int count(String text) {
    long value = integer(text);
    if (value > Integer.MAX_VALUE || value < Integer.MIN_VALUE) {
      throw new IllegalArgumentException(text.strip() + " is too large");
    }
    return (int) value;
  }

  /** A TTL or another DNS time field: whole seconds, no unit (the zone-file convention). */
  static long seconds(String text) {
    String t = text.strip();
    if (!INTEGER.matcher(t).matches()) {
      throw new IllegalArgumentException("expected whole seconds without a unit (DNS convention), e.g. 300, got '"
          + text + "'");
    }
    return integer(t);
  }

  /** Only true and false: YAML 1.1's yes/no/on/off are too easy to write by accident. */
  static boolean bool(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("expected true or false, got '" + text + "'");
    };
  }
}
