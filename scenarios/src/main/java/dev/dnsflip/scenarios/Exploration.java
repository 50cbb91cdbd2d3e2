package dev.dnsflip.scenarios;

import dev.dnsflip.format.Location;
import dev.dnsflip.simulation.Expectation;
import java.util.List;
import java.util.Objects;

/**
 * A scenario's {@code vary:} and {@code properties:} sections: bounds that must hold for every
 * variation of the scenario that {@code vary:} allows, which {@code dnsflip explore SCENARIO}
 * searches. The scenario itself is one of the variations only when its own schedule fits.
 */
public record Exploration(Vary vary, List<Bound> properties) {
  public Exploration {
    Objects.requireNonNull(vary, "vary");
    properties = List.copyOf(properties);
  }

  /**
   * What may vary. Flip schedules: between {@code minFlips} and {@code maxFlips} flips,
   * alternating from the scenario's initial setting, at whole seconds in [{@code fromMs},
   * {@code toMs}], consecutive flips at least {@code minGapMs} apart. {@code focus}: each flip is
   * drawn, with probability 1/2, where a weakness is likelier: inside an authoritative outage,
   * within one Auto TTL of the flip before, or within the largest propagation delay of it (one of
   * the listed places, chosen uniformly; a place the gaps leave no room for is skipped). {@code shareSpread}: every
   * resolver group's and client group's count is scaled by a factor drawn uniformly in
   * [1 - spread, 1 + spread]. {@code seeds}: each variation gets a seed of its own (otherwise the
   * scenario's seed is kept, so only what is drawn above differs between variations).
   *
   * @param at where {@code vary:} is written, for messages about the whole section
   */
  public record Vary(int minFlips, int maxFlips, long minGapMs, long fromMs, long toMs, List<Focus> focus,
      double shareSpread, boolean seeds, Location at) {
    public Vary {
      focus = List.copyOf(focus);
    }
  }

  /** Where {@code focus:} draws flips: {@code outages}, {@code ttl}, {@code propagation}. */
  public enum Focus {
    OUTAGES, TTL, PROPAGATION;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A bound over every switch of a direction ({@code enable}, {@code disable} or {@code every}) in
   * every variation, on a metric's mean as {@code expect:} bounds are.
   */
  public record Bound(String after, String metric, Double atMost, Double atLeast, String where) {
    /** The bound as the expectation a single run is checked against. */
    public Expectation asExpectation() {
      return new Expectation(after.equals("every") ? "all" : after, metric, atMost, atLeast, where);
    }

    /** "after every disable: lastStale.p99 at most 330000" in the metric's unit. */
    public String describe() {
      StringBuilder sb = new StringBuilder("after ").append(after.equals("every") ? "every switch" : "every " + after)
          .append(": ").append(metric);
      if (atLeast != null) {
        sb.append(" at least ").append(ExpectationMapping.show(metric, atLeast));
      }
      if (atMost != null) {
        sb.append(atLeast != null ? " and" : "").append(" at most ").append(ExpectationMapping.show(metric, atMost));
      }
      return sb.toString();
    }
  }
}
