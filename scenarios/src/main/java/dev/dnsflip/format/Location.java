package dev.dnsflip.format;

/**
 * Where something was read: file, 1-based line, and 1-based column (0 when the format has none),
 * so a problem found later (while assembling a zone, or checking a model) still names the place.
 */
public record Location(String file, int line, int column) {
  public InputException error(String problem) {
    return new InputException(this, problem);
  }

  @Override
  public String toString() {
    return file + ":" + line + (column > 0 ? ":" + column : "");
  }
}
