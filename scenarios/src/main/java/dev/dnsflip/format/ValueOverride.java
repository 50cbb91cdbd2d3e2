package dev.dnsflip.format;

import java.util.ArrayList;
import java.util.List;

/**
 * One value replaced in a scenario file from the command line, {@code --set account.autoTtl=60}.
 * The path walks the file as written: mapping keys separated by dots; in a list, an item is picked
 * by its {@code name} ({@code resolvers.isp}, or {@code zones[example.com]} for names with dots) or
 * by its position {@code [n]} counted from 0, as located error messages print paths. The value is
 * YAML, so a whole section can be replaced too ({@code account.propagation={fixed: 0s}}).
 *
 * @param option the option as the user typed it, e.g. {@code --set}, for messages
 */
public record ValueOverride(String option, String path, List<Step> steps, String value) {
  /** One step of a path: a mapping key, a list item's name, or a list position. */
  public record Step(String key, String name, int position) {
    boolean isPosition() {
      return position >= 0;
    }

    @Override
    public String toString() {
      return key != null ? key : isPosition() ? "[" + position + "]" : "[" + name + "]";
    }
  }

  public ValueOverride {
    steps = List.copyOf(steps);
  }

  /** Where a value that came from this override is said to be, in messages. */
  public String origin() {
    return option + " " + path;
  }

  /**
   * {@code PATH=VALUE} as typed after {@code option}; IllegalArgumentException names what is wrong.
   */
  public static ValueOverride parse(String option, String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(option + " " + text + ": expected PATH=VALUE, e.g. account.autoTtl=60");
    }
    String path = text.substring(0, eq).strip();
    String value = text.substring(eq + 1).strip();
    if (value.isEmpty()) {
      throw new IllegalArgumentException(option + " " + path + "=: expected a value after '='");
    }
    return new ValueOverride(option, path, steps(option, path), value);
  }

  /** The same path with another value (one cell of a sweep). */
  public ValueOverride withValue(String newValue) {
    return new ValueOverride(option, path, steps, newValue);
  }

  private static List<Step> steps(String option, String path) {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    while (i < path.length()) {
      char c = path.charAt(i);
      if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw bad(option, path, "a '[' without its ']'");
        }
        String inside = path.substring(i + 1, close).strip();
        if (inside.isEmpty()) {
          throw bad(option, path, "an empty []");
        }
        steps.add(inside.matches("\\d{1,9}") ? new Step(null, null, Integer.parseInt(inside))
            : new Step(null, inside, -1));
        i = close + 1;
        if (i < path.length() && path.charAt(i) == '.') {
          i++;
        }
      } else {
        int end = i;
        while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String key = path.substring(i, end).strip();
        if (key.isEmpty()) {
          throw bad(option, path, "an empty step (two dots, or a dot at an end)");
        }
        steps.add(new Step(key, null, -1));
        i = end < path.length() && path.charAt(end) == '.' ? end + 1 : end;
        if (end < path.length() && path.charAt(end) == '.' && i == path.length()) {
          throw bad(option, path, "an empty step (two dots, or a dot at an end)");
        }
      }
    }
    if (steps.isEmpty()) {
      throw bad(option, path, "an empty path");
    }
    return steps;
  }

  private static IllegalArgumentException bad(String option, String path, String problem) {
    return new IllegalArgumentException(option + " " + path + ": the path has " + problem
        + "; expected keys separated by dots, e.g. account.autoTtl or resolvers.isp.count");
  }
}
