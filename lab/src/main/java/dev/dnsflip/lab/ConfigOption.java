package dev.dnsflip.lab;

import java.util.ArrayList;
import java.util.List;

/**
 * One setting a test gave a daemon's config, as (name in the daemon's file, value); the settings
 * records keep them in the order set and write them after their fixed lines.
 */
public record ConfigOption(String name, String value) {
  /** {@code options} with {@code name} set to {@code value}: an earlier value is replaced, not repeated. */
  static List<ConfigOption> replacing(List<ConfigOption> options, String name, String value) {
    List<ConfigOption> next = new ArrayList<>();
    for (ConfigOption o : options) {
      if (!o.name().equals(name)) {
        next.add(o);
      }
    }
    next.add(new ConfigOption(name, value));
    return next;
  }

  /** The value as the daemon reads it; {@code file} names the config in the message. */
  static String nonNegative(long value, String file) {
    if (value < 0) {
      throw new IllegalArgumentException(file + " values here must be >= 0, got " + value);
    }
    return Long.toString(value);
  }
}
