package dev.dnsflip.spi;

/**
 * A {@link CacheLogic} written outside dnsflip failed: it threw, returned null, or returned an
 * answer its upstream never gave. A bug in that logic, not in dnsflip and not in the scenario;
 * the message names the class, the question and the simulated instant, and the cause is what it
 * threw.
 */
public final class CacheLogicFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String logicClass;
  private final String question;
  private final long atMs;

  private CacheLogicFailure(String message, String logicClass, String question, long atMs, Throwable cause) {
    super(message, cause);
    this.logicClass = logicClass;
    this.question = question;
    this.atMs = atMs;
  }

  /** The logic failed answering {@code question} at {@code atMs}: {@code what} it did. */
  public static CacheLogicFailure answering(String logicClass, String question, long atMs, String what,
      Throwable cause) {
    return new CacheLogicFailure("cache logic " + logicClass + " failed answering " + question + " at simulated "
        + dev.dnsflip.engine.Durations.format(atMs) + " (" + atMs + " ms): " + what, logicClass, question, atMs, cause);
  }

  /** The logic's constructor threw {@code cause}. */
  public static CacheLogicFailure constructing(String logicClass, Throwable cause) {
    return new CacheLogicFailure("cache logic " + logicClass + " failed in its constructor: " + cause, logicClass,
        null, 0, cause);
  }

  public String logicClass() {
    return logicClass;
  }

  /** The question it was answering, or null when its constructor failed. */
  public String question() {
    return question;
  }

  public long atMs() {
    return atMs;
  }
}
