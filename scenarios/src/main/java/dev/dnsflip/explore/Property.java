package dev.dnsflip.explore;

import dev.dnsflip.simulation.Scenario;
import java.util.Optional;

/**
 * A named check of what a run of a scenario reports. Each property states which scenarios it
 * applies to; the explorer and the shrinker only ever check it on those.
 */
public interface Property {
  /** The name the CLI knows it by, e.g. "ttl-bound". */
  String name();

  /** What it checks, with the exact bound. */
  String description();

  /** Which scenarios it applies to, in words; by default all. */
  default String applicability() {
    return "every scenario";
  }

  default boolean appliesTo(Scenario scenario) {
    return true;
  }

  /** Steers the generator towards scenarios this property applies to; by default none in particular. */
  default Profile profile() {
    return Profile.ANY;
  }

  /** The first violation in the trial's run(s), if any. Runs the simulations it needs. */
  Optional<Violation> check(Trial trial);
}
