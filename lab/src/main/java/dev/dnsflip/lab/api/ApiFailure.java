package dev.dnsflip.lab.api;

/**
 * A request the stand-in refuses, as Cloudflare's API refuses it: an HTTP status and one error
 * (code and message) for the envelope. A value the handler returns, not a bug.
 */
final class ApiFailure extends Exception {
  private static final long serialVersionUID = 1L;

  /** Authentication failed (no, malformed or wrong bearer token). */
  static final int AUTHENTICATION = 10000;
  /** No route for the path. */
  static final int NO_ROUTE = 7000;
  /** The path exists, the method does not. */
  static final int METHOD = 7001;
  /** The account in the path is not one this token can reach. */
  static final int UNKNOWN_ACCOUNT = 7003;
  /** The request body is not the settings object (the stand-in's own code). */
  static final int BAD_BODY = 1001;

  private final int status;
  private final int code;

  ApiFailure(int status, int code, String message) {
    super(message, null, false, false); // a refusal, not a bug: no stack trace
    this.status = status;
    this.code = code;
  }

  int status() {
    return status;
  }

  int code() {
    return code;
  }
}
