package dev.dnsflip.cli;

/**
 * The default report directory, {@code out/<scenario name>}: a scenario's name is text, not a
 * path, so it becomes one path segment of safe characters and can never lead outside {@code out/}.
 */
final class ReportDirectory {
  private ReportDirectory() {}

  /** "../../tmp/escaped" becomes "tmp-escaped"; nothing usable becomes "scenario". */
  static String segment(String name) {
    String safe = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[.-]+|-+$", "");
    safe = safe.length() > 100 ? safe.substring(0, 100) : safe;
    return safe.isEmpty() ? "scenario" : safe;
  }
}
