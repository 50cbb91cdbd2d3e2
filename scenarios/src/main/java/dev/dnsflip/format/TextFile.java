package dev.dnsflip.format;

import dev.dnsflip.simulation.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads an input file as UTF-8 text, never more than {@link Limits#FILE_BYTES} (a stream that never
 * ends, such as {@code /dev/zero}, is cut at the cap), with a byte order mark dropped and lines no
 * longer than {@link Limits#LINE_CHARS}. Whatever goes wrong is the user's to fix, so it is an
 * {@link InputException} at line 1 saying why.
 */
public final class TextFile {
  private TextFile() {}

  /**
   * @param name how messages name the file
   * @param column 1 for formats with columns, 0 for those without (BIND exports)
   */
  public static String read(Path file, String name, int column) throws InputException {
    return read(file, name, column, Limits.FILE_BYTES.max());
  }

  static String read(Path file, String name, int column, long maxBytes) throws InputException {
    Location start = new Location(name, 1, column);
    if (Files.isDirectory(file)) {
      throw start.error("is a directory, not a file");
    }
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(Math.toIntExact(maxBytes + 1));
    } catch (NoSuchFileException e) {
      throw start.error("no such file");
    } catch (AccessDeniedException e) {
      throw start.error("cannot read the file: permission denied");
    } catch (IOException e) {
      throw start.error("cannot read the file: " + reason(e));
    }
    if (bytes.length > maxBytes) {
      throw start.error(Limits.FILE_BYTES.refusal(String.format(java.util.Locale.ROOT,
          "the file is larger than %,d bytes", maxBytes)));
    }
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw start.error("the file is not valid UTF-8");
    }
    // Some editors save a byte order mark; no parser wants it.
    text = text.startsWith("\uFEFF") ? text.substring(1) : text;
    checkLines(text, name);
    return text;
  }

  /** Every line at most {@link Limits#LINE_CHARS} long; the first longer one is named. */
  static void checkLines(String text, String name) throws InputException {
    int line = 1;
    int start = 0;
    for (int i = 0; i <= text.length(); i++) {
      if (i == text.length() || text.charAt(i) == '\n') {
        if (i - start > Limits.LINE_CHARS.max()) {
          throw new Location(name, line, 0).error(Limits.LINE_CHARS.refusal(
              "line " + line + " is " + String.format(java.util.Locale.ROOT, "%,d", i - start) + " characters long"));
        }
        line++;
        start = i + 1;
      }
    }
  }

  /** The exception's own words, or its kind when it has none. */
  private static String reason(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
