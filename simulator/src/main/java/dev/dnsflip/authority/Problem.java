package dev.dnsflip.authority;

import java.util.List;
import java.util.Objects;

/**
 * One broken invariant of a model, as a value: where in the model ({@code zones[0].records[3].record.ttl},
 * {@code resolverGroups[1]}; empty for the model itself) and what is wrong. Readers place a problem
 * at the line the path was read from and show its message unchanged, so a rule reads the same
 * whether code or a file broke it.
 */
public record Problem(String path, String message) {
  public Problem {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** The same problem seen from the model that holds this one under {@code prefix}. */
  public Problem under(String prefix) {
    if (path.isEmpty()) {
      return new Problem(prefix, message);
    }
    return new Problem(prefix + (path.startsWith("[") ? "" : ".") + path, message);
  }

  /** Whether the problem is at {@code prefix} or inside it (path segments, not characters). */
  public boolean isWithin(String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + ".") || path.startsWith(prefix + "[");
  }

  /**
   * Refuses a model with problems: code that builds one has a bug, so the first problem becomes
   * a {@link ModelRuleException} carrying its message.
   */
  public static void requireNone(List<Problem> problems) {
    if (!problems.isEmpty()) {
      throw new ModelRuleException(problems.get(0).message());
    }
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
