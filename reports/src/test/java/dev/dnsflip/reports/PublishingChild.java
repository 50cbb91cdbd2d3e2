package dev.dnsflip.reports;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A process that publishes report sets into one directory, one version after another, until it is
 * killed: the kill test runs it as a child JVM and kills it at random instants.
 */
public final class PublishingChild {
  static final String[] NAMES = {"report.json", "report.md", "series.csv"};
  /** Lines per file: a few megabytes, so a kill often lands while a set is being written. */
  static final int LINES = 400_000;

  private PublishingChild() {}

  static Map<String, String> set(int version) {
    Map<String, String> files = new LinkedHashMap<>();
    for (String name : NAMES) {
      files.put(name, ("version " + version + "\n").repeat(LINES));
    }
    return files;
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    for (int version = 1; ; version++) {
      ReportFiles.publish(dir, set(version));
    }
  }
}
