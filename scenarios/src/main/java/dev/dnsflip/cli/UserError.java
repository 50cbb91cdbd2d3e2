package dev.dnsflip.cli;

/** An error the user can fix (bad file, bad path): printed as one line, exit code 2. */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
