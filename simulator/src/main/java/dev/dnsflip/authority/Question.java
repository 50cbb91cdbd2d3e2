package dev.dnsflip.authority;

import java.util.Objects;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** A DNS question (class IN implied). */
public record Question(Name name, int type) {
  public Question {
    Objects.requireNonNull(name, "name");
    Type.check(type);
  }

  @Override
  public String toString() {
    return name + " " + Type.string(type);
  }
}
