package dev.dnsflip.scenarios;

/**
 * A mistake in a scenario file, with where it is: the CLI prints {@link #getMessage()} as one
 * line ({@code file:line:col: problem}) and exits 2. Lines and columns are 1-based.
 */
public final class ScenarioException extends Exception {
  private final String file;
  private final int line;
  private final int column;
  private final String problem;

  public ScenarioException(String file, int line, int column, String problem) {
    // Column 0: unknown (exports are read line by line).
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
