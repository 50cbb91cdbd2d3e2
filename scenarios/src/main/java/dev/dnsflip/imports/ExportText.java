package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads an export file as UTF-8; an unreadable file is the user's to fix, so it is an {@link InputException}. */
final class ExportText {
  private ExportText() {}

  static String read(Path file) throws InputException {
    return read(file, file.toString());
  }

  /** @param name how messages name the file */
  static String read(Path file, String name) throws InputException {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      // Some editors save a byte order mark; neither parser wants it.
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (NoSuchFileException e) {
      throw new InputException(name, 1, 0, "no such file");
    } catch (CharacterCodingException e) {
      throw new InputException(name, 1, 0, "the file is not valid UTF-8");
    } catch (IOException e) {
      throw new InputException(name, 1, 0, "cannot read the file: " + e.getMessage());
    }
  }
}
