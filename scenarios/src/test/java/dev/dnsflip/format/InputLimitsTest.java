package dev.dnsflip.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.simulation.Limits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every input limit at its edge: the limit passes, one more is refused with file, line and why. */
class InputLimitsTest {
  @TempDir
  Path tmp;

  private Path file(String name, byte[] bytes) throws IOException {
    Path p = tmp.resolve(name);
    Files.write(p, bytes);
    return p;
  }

  @Test
  void aFileAtTheByteCapIsReadAndOneByteMoreIsRefused() throws Exception {
    Path at = file("at.yaml", "a".repeat(100).getBytes(StandardCharsets.UTF_8));
    Path over = file("over.yaml", "a".repeat(101).getBytes(StandardCharsets.UTF_8));

    assertThat(TextFile.read(at, "at.yaml", 1, 100)).hasSize(100);
    assertThatThrownBy(() -> TextFile.read(over, "over.yaml", 1, 100)).isInstanceOf(InputException.class)
        .hasMessageStartingWith("over.yaml:1:1: the file is larger than 100 bytes; the limit is ");
  }

  @Test
  void aStreamThatNeverEndsIsCutAtTheCap() {
    Path zero = Path.of("/dev/zero");
    if (!Files.exists(zero)) {
      return;
    }
    assertThatThrownBy(() -> TextFile.read(zero, "/dev/zero", 1)).isInstanceOf(InputException.class)
        .hasMessageStartingWith("/dev/zero:1:1: the file is larger than " + String.format("%,d", Limits.FILE_BYTES.max())
            + " bytes");
  }

  @Test
  void unreadableFilesSayWhy() throws Exception {
    assertThatThrownBy(() -> TextFile.read(tmp, "dir", 1)).hasMessage("dir:1:1: is a directory, not a file");
    assertThatThrownBy(() -> TextFile.read(tmp.resolve("none"), "none", 0)).hasMessage("none:1: no such file");
    Path bad = file("bad.txt", new byte[] {'a', (byte) 0xff, 'b'});
    assertThatThrownBy(() -> TextFile.read(bad, "bad.txt", 0)).hasMessage("bad.txt:1: the file is not valid UTF-8");
  }

  @Test
  void aByteOrderMarkIsDropped() throws Exception {
    Path bom = file("bom.yaml", "\uFEFFname: x\n".getBytes(StandardCharsets.UTF_8));
    assertThat(TextFile.read(bom, "bom.yaml", 1)).isEqualTo("name: x\n");
  }

  @Test
  void aLineAtTheLengthLimitPassesAndOneCharacterMoreIsRefusedAtItsLine() throws Exception {
    int max = Math.toIntExact(Limits.LINE_CHARS.max());
    TextFile.checkLines("ok\n" + "x".repeat(max) + "\n", "f.yaml");
    assertThatThrownBy(() -> TextFile.checkLines("ok\n" + "x".repeat(max + 1) + "\n", "f.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("f.yaml:2: line 2 is " + String.format("%,d", max + 1) + " characters long; the limit");
  }

  @Test
  void nestingAtTheDepthLimitPassesAndOneLevelMoreIsRefusedInYamlAndJson() throws Exception {
    int max = Math.toIntExact(Limits.DEPTH.max());
    assertThat(NodeReader.json("[".repeat(max) + "]".repeat(max), "d.json", "empty").kind()).isEqualTo(Node.Kind.LIST);
    assertThatThrownBy(() -> NodeReader.json("[".repeat(max + 1) + "]".repeat(max + 1), "d.json", "empty"))
        .hasMessageStartingWith("d.json:1:" + (max + 1) + ": the document nests deeper than " + max + " levels");
    assertThat(NodeReader.yaml("[".repeat(max) + "]".repeat(max), "d.yaml", "empty").kind()).isEqualTo(Node.Kind.LIST);
    assertThatThrownBy(() -> NodeReader.yaml("[".repeat(max + 1) + "]".repeat(max + 1), "d.yaml", "empty"))
        .hasMessageStartingWith("d.yaml:1:" + (max + 1) + ": the document nests deeper than " + max + " levels");
  }

  @Test
  void theJsonParsersOwnLimitsStillNameLineAndColumn() {
    String number = "{\n  \"n\": " + "9".repeat(5_000) + "\n}";
    assertThatThrownBy(() -> NodeReader.json(number, "n.json", "empty")).isInstanceOf(InputException.class)
        .hasMessageMatching("n\\.json:[1-9][0-9]*:[1-9][0-9]*: malformed JSON: .*");
  }
}
