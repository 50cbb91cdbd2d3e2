package dev.dnsflip.imports;

/**
 * Where something was read: file, 1-based line, and 1-based column (0 when the format has none),
 * so a problem found later (while assembling a zone) still names the place in the export.
 */
public record Location(String file, int line, int column) {
  public ImportException error(String problem) {
    return new ImportException(file, line, column, problem);
  }

  @Override
  public String toString() {
    return file + ":" + line + (column > 0 ? ":" + column : "");
  }
}
