package dev.dnsflip.format;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** How dnsflip writes YAML scalars: the one quoting rule and the one duration form of every writer. */
public final class YamlText {
  // A plain YAML scalar that no YAML version reads as anything but a string.
  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]*");
  private static final Pattern NUMBER_LIKE = Pattern.compile(
      "[-+]?(\\d[\\d_]*)?(\\.[\\d_]*)?([eE][-+]?\\d+)?|0[xXoObB][0-9A-Fa-f_]+|\\.(inf|Inf|INF|nan|NaN|NAN)");
  private static final Set<String> KEYWORDS = Set.of(
      "y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");

  private YamlText() {}

  /**
   * A string as a YAML scalar that reads back as the same string: plain when unambiguous, else
   * double-quoted ("@", IPv6 addresses, wildcards, numbers, YAML keywords, spaces).
   */
  public static String scalar(String text) {
    if (PLAIN.matcher(text).matches() && !NUMBER_LIKE.matcher(text).matches()
        && !KEYWORDS.contains(text.toLowerCase(Locale.ROOT))) {
      return text;
    }
    StringBuilder s = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        default -> {
          if (c < 0x20) {
            s.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }

  /** A duration with the largest unit that keeps it exact: 2h, 90s, 1500ms. */
  public static String duration(long ms) {
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
