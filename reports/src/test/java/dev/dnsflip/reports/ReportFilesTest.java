package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir
  Path tmp;

  @Test
  void createsTheDirectoryAndLeavesExactlyTheFinalFiles() throws IOException {
    Path dir = tmp.resolve("out/run-1");
    ReportFiles.writeAtomically(dir, files("report.json", "{}\n", "report.md", "≥ 4m 0s\n"));
    assertThat(listing(dir)).containsExactly("report.json", "report.md");
    assertThat(Files.readString(dir.resolve("report.md"), StandardCharsets.UTF_8)).isEqualTo("≥ 4m 0s\n");
  }

  @Test
  void replacesAnEarlierReport() throws IOException {
    Files.writeString(tmp.resolve("report.json"), "old");
    ReportFiles.writeAtomically(tmp, files("report.json", "new"));
    assertThat(listing(tmp)).containsExactly("report.json");
    assertThat(Files.readString(tmp.resolve("report.json"))).isEqualTo("new");
  }

  @Test
  void failsWithoutLeavingAnyNewFileWhenATargetCannotBeWritten() throws IOException {
    Files.createDirectory(tmp.resolve("report.md"));
    Files.writeString(tmp.resolve("report.json"), "old");
    assertThatThrownBy(() -> ReportFiles.writeAtomically(tmp,
        files("summary.txt", "a", "report.json", "new", "report.md", "b")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("report.md");
    assertThat(listing(tmp)).containsExactly("report.json", "report.md");
    assertThat(Files.readString(tmp.resolve("report.json"))).isEqualTo("old");
    assertThat(listing(tmp.resolve("report.md"))).isEmpty();
  }

  @Test
  void rejectsNamesThatLeaveTheDirectory() throws IOException {
    assertThatThrownBy(() -> ReportFiles.writeAtomically(tmp, files("../escape.json", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReportFiles.writeAtomically(tmp, files("a/b.json", "x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(listing(tmp)).isEmpty();
  }

  private static Map<String, String> files(String... nameThenContent) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenContent.length; i += 2) {
      files.put(nameThenContent[i], nameThenContent[i + 1]);
    }
    return files;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
