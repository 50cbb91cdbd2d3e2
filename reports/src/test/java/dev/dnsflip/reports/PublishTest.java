package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A report set is published whole: a reader sees the old set or the new, never a mix or a part. */
class PublishTest {
  private static final int KILLS = 12;

  @TempDir
  Path tmp;

  private static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (var entries = Files.list(dir)) {
      entries.map(p -> p.getFileName().toString()).sorted().forEach(names::add);
    }
    return names;
  }

  @Test
  void publishesIntoANewDirectoryAndReplacesAnEarlierSetWhole() throws IOException {
    Path dir = tmp.resolve("out/default");
    ReportFiles.publish(dir, Map.of("report.json", "{}\n", "report.md", "one\n"));
    assertThat(list(dir)).containsExactly("report.json", "report.md");

    ReportFiles.publish(dir, Map.of("report.json", "{\"v\": 2}\n", "report.md", "two\n"));
    assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo("two\n");
    assertThat(list(tmp.resolve("out"))).containsExactly("default");
  }

  @Test
  void aDirectoryHoldingOtherFilesIsNotReplaced() throws IOException {
    Path dir = tmp.resolve("home");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("notes.txt"), "mine");
    Files.writeString(dir.resolve("report.md"), "old");

    assertThatThrownBy(() -> ReportFiles.publish(dir, Map.of("report.md", "new")))
        .isInstanceOf(FileSystemException.class).hasMessageContaining("it holds other files (notes.txt)");
    assertThat(list(dir)).containsExactly("notes.txt", "report.md");
    assertThat(Files.readString(dir.resolve("report.md"))).isEqualTo("old");
    assertThat(list(tmp)).containsExactly("home");
  }

  @Test
  void leftoversOfAnInterruptedWriteAreRemovedByTheNextOne() throws IOException {
    Path dir = tmp.resolve("r");
    Files.createDirectories(tmp.resolve(".r.staging-abc"));
    Files.writeString(tmp.resolve(".r.staging-abc/report.md"), "half");
    Files.createDirectories(tmp.resolve(".r.replaced-def"));
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(".report.md.xyz.tmp"), "half");

    ReportFiles.publish(dir, Map.of("report.md", "whole\n"));

    assertThat(list(tmp)).containsExactly("r");
    assertThat(list(dir)).containsExactly("report.md");
  }

  /**
   * A child process publishing set after set is killed (SIGKILL) at seeded random instants: each
   * time the directory holds a whole set of one version or nothing, and after the next publish no
   * leftover remains.
   */
  @Test
  void aKillAtAnyInstantLeavesAWholeSetOrNoneAndTheNextWriteCleansUp() throws Exception {
    Path dir = tmp.resolve("reports");
    SplittableRandom random = new SplittableRandom(20261201);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int kill = 0; kill < KILLS; kill++) {
      Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
          PublishingChild.class.getName(), dir.toString()).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      Thread.sleep(300 + random.nextInt(1_200));
      child.destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).as("the child exits once killed").isTrue();

      if (Files.exists(dir)) {
        assertThat(list(dir)).as("kill %d", kill).containsExactly(PublishingChild.NAMES[0], PublishingChild.NAMES[1],
            PublishingChild.NAMES[2]);
        String first = Files.readString(dir.resolve(PublishingChild.NAMES[0]));
        int version = Integer.parseInt(first.substring("version ".length(), first.indexOf('\n')));
        for (String name : PublishingChild.NAMES) {
          assertThat(Files.readString(dir.resolve(name))).as("kill %d: %s whole and of version %d", kill, name, version)
              .isEqualTo(PublishingChild.set(version).get(name));
        }
      }
    }
    ReportFiles.publish(dir, PublishingChild.set(0));
    assertThat(list(tmp)).containsExactly("reports");
    assertThat(list(dir)).containsExactly(PublishingChild.NAMES[0], PublishingChild.NAMES[1], PublishingChild.NAMES[2]);
  }
}
