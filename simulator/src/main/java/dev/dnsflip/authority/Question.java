package dev.dnsflip.authority;

import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A DNS question (class IN implied). A name holding {@link #CLIENT} once is a pattern: every client
 * asks a name of its own, the pattern with its number in place of the placeholder, so no two
 * clients share a cache entry for it (as field experiments give each vantage point its own name).
 */
public record Question(Name name, int type) {
  /** The placeholder a client's number replaces. */
  public static final String CLIENT = "{client}";

  public Question {
    Objects.requireNonNull(name, "name");
    Type.check(type);
  }

  /** Whether every client asks a name of its own ({@code probe-{client}.example.com}). */
  public boolean perClient() {
    return name.toString().contains(CLIENT);
  }

  /** The name client {@code number} asks (numbered from 1 across the scenario's groups), or the shared name. */
  public Name nameFor(long number) {
    if (!perClient()) {
      return name;
    }
    try {
      return Name.fromString(name.toString().replace(CLIENT, Long.toString(number)));
    } catch (org.xbill.DNS.TextParseException e) {
      throw new ModelRuleException("client " + number + "'s name from " + name + " is no DNS name: " + e.getMessage());
    }
  }

  @Override
  public String toString() {
    return name + " " + Type.string(type);
  }
}
