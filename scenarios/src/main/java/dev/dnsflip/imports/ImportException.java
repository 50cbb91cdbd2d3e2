package dev.dnsflip.imports;

/**
 * A mistake in an export the user handed in, with where it is. The CLI prints
 * {@link #getMessage()} as one line and exits 2: {@code file:line:col: problem}, or
 * {@code file:line: problem} where the format has no useful column (BIND exports are read line by
 * line). Lines and columns are 1-based; column 0 means unknown.
 */
public final class ImportException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public ImportException(String file, int line, int column, String problem) {
    super(file + ":" + line + (column > 0 ? ":" + column : "") + ": " + problem);
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  /** 0 when unknown. */
  public int column() {
    return column;
  }

  public String problem() {
    return problem;
  }
}
