package dev.dnsflip.fuzz;

import java.nio.file.Path;
import java.util.Map;

/** The export examples mutated, and the apex a scenario wrapping each asks for. */
final class ExportSeeds {
  static final Path DIR = Path.of("src/test/resources/fuzz/exports");
  private static final Map<String, String> APEX = Map.of("example.com.txt", "example.com", "example.com-tests.txt",
      "example.com", "example.org.txt", "example.org", "example.org.json", "example.org", "example.dev.json",
      "example.dev", "example.net-page1.json", "example.net", "example.net-page2.json", "example.net");

  private ExportSeeds() {}

  static String apex(String seedFile) {
    return APEX.getOrDefault(seedFile, "example.com");
  }
}
