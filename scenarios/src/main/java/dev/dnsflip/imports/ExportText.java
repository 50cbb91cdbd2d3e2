package dev.dnsflip.imports;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.TextFile;
import java.nio.file.Path;

/** Reads an export file (bounded, UTF-8, without its byte order mark); BIND exports have no columns. */
final class ExportText {
  private ExportText() {}

  static String read(Path file) throws InputException {
    return read(file, file.toString());
  }

  /** @param name how messages name the file */
  static String read(Path file, String name) throws InputException {
    return TextFile.read(file, name, 0);
  }
}
