package dev.dnsflip.format;

/**
 * A mistake in a file the user handed in (a scenario, a BIND export, a page of API JSON), with
 * where it is: the CLI prints {@link #getMessage()} as one line, {@code file:line:col: problem}
 * (or {@code file:line: problem} where the format has no useful column, as BIND exports read line
 * by line), and exits 2. This is the only channel for bad input: any other exception is a bug.
 * Lines and columns are 1-based; column 0 means unknown.
 */
public final class InputException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient Location location;
  private final String problem;

  public InputException(Location location, String problem) {
    super(location + ": " + problem);
    this.location = location;
    this.problem = problem;
  }

  public InputException(String file, int line, int column, String problem) {
    this(new Location(file, line, column), problem);
  }

  public Location location() {
    return location;
  }

  public String file() {
    return location.file();
  }

  public int line() {
    return location.line();
  }

  /** 0 when unknown. */
  public int column() {
    return location.column();
  }

  public String problem() {
    return problem;
  }
}
