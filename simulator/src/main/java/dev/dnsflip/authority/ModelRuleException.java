package dev.dnsflip.authority;

/**
 * A model refused values that break one of its rules (a proxied record with a fixed TTL, a client
 * group of 0 clients, a CNAME chain that leaves every zone). Code that hands a model such values
 * has a bug, as for any {@link IllegalArgumentException}; this subtype lets the few places that
 * deliberately try values out (the explorer's shrink candidates, the readers placing a refusal
 * at its line) tell a refused model from any other failure, which stays a bug.
 */
public final class ModelRuleException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public ModelRuleException(String message) {
    super(message);
  }
}
