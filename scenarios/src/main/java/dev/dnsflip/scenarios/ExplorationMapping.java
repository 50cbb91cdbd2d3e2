package dev.dnsflip.scenarios;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads {@code vary:} and {@code properties:}. Either both are there or neither: properties with
 * nothing to vary would check one run (that is what {@code expect:} is for), and variations
 * without a property would check nothing.
 */
final class ExplorationMapping {
  /** More flips than this make schedules no on-call would run, and runs that take long to shrink. */
  static final int MAX_FLIPS = 32;
  private static final String[] VARY_KEYS = {"flips", "focus", "shares", "seeds"};
  private static final String[] FLIP_KEYS = {"count", "minGap", "from", "to"};
  private static final String[] BOUND_KEYS = {"after", "metric", "atMost", "atLeast"};

  private ExplorationMapping() {}

  static Optional<Exploration> map(Node vary, Node properties, Scenario scenario) throws InputException {
    if (vary == null && properties == null) {
      return Optional.empty();
    }
    if (properties == null) {
      throw vary.error("vary: needs a properties: section: the bounds every variation must meet");
    }
    if (vary == null) {
      throw properties.error("properties: needs a vary: section saying what may vary "
          + "(e.g. vary: { flips: { count: 1..4, minGap: 30s } }); for one run, use expect:");
    }
    return Optional.of(new Exploration(vary(vary, scenario), bounds(properties)));
  }

  private static Exploration.Vary vary(Node node, Scenario scenario) throws InputException {
    Fields f = Fields.of(node, VARY_KEYS);
    Node flips = f.required("flips");
    Fields ff = Fields.of(flips, FLIP_KEYS);
    Node countNode = ff.required("count");
    int[] count = count(countNode);
    Node gapNode = ff.required("minGap");
    long minGap = gapNode.parse(Quantities::durationMs);
    if (minGap <= 0) {
      throw gapNode.error("minGap must be > 0, got " + gapNode.text().strip());
    }
    long duration = scenario.durationMs();
    Node fromNode = ff.optional("from");
    Node toNode = ff.optional("to");
    // By default flips may land anywhere that leaves them one gap to be seen in.
    long from = fromNode == null ? minGap : fromNode.parse(Quantities::durationMs);
    long to = toNode == null ? duration - minGap : toNode.parse(Quantities::durationMs);
    Node rangeAt = toNode != null ? toNode : fromNode != null ? fromNode : flips;
    if (from <= 0 || to >= duration) {
      throw rangeAt.error("flips must land inside the run (0, " + Durations.format(duration) + "): from "
          + Durations.format(from) + " to " + Durations.format(to));
    }
    if ((long) (count[1] - 1) * minGap > to - from) {
      throw rangeAt.error(count[1] + " flips " + Durations.format(minGap) + " apart do not fit between "
          + Durations.format(from) + " and " + Durations.format(to));
    }
    List<Exploration.Focus> focus = new ArrayList<>();
    Node focusNode = f.optional("focus");
    if (focusNode != null) {
      List<Node> items = focusNode.kind() == Node.Kind.LIST ? focusNode.items() : List.of(focusNode);
      for (Node item : items) {
        String text = item.text().strip();
        Exploration.Focus place = null;
        for (Exploration.Focus candidate : Exploration.Focus.values()) {
          if (candidate.key().equals(text)) {
            place = candidate;
          }
        }
        if (place == null) {
          throw item.error("unknown focus '" + text + "'; expected outages, ttl or propagation (or a list of them)");
        }
        if (place == Exploration.Focus.OUTAGES && scenario.outages().isEmpty()) {
          throw item.error("focus: outages needs an outages: section in the scenario");
        }
        if (!focus.contains(place)) {
          focus.add(place);
        }
      }
    }
    double spread = 0;
    Node shares = f.optional("shares");
    if (shares != null) {
      String text = shares.text().strip();
      spread = Quantities.isPercentage(text) ? shares.parse(Quantities::percentage) : shares.parse(Quantities::number);
      if (!(spread >= 0 && spread < 1)) {
        throw shares.error("shares varies counts by a fraction in [0, 1) (e.g. 10%), got " + text);
      }
    }
    boolean seeds = f.optional("seeds", Quantities::bool, false);
    return new Exploration.Vary(count[0], count[1], minGap, from, to, focus, spread, seeds, node.location());
  }

  /** "3" or "1..4". */
  private static int[] count(Node node) throws InputException {
    String text = node.text().strip();
    String[] parts = text.split("\\.\\.", -1);
    if (parts.length > 2 || !parts[0].strip().matches("\\d{1,3}") || parts.length == 2 && !parts[1].strip().matches("\\d{1,3}")) {
      throw node.error("count is a number of flips or a range such as 1..4, got '" + text + "'");
    }
    int min = Integer.parseInt(parts[0].strip());
    int max = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : min;
    if (min < 1 || max < min || max > MAX_FLIPS) {
      throw node.error("count must be a range within 1.." + MAX_FLIPS + " with its start first, got '" + text + "'");
    }
    return new int[] {min, max};
  }

  private static List<Exploration.Bound> bounds(Node list) throws InputException {
    List<Exploration.Bound> bounds = new ArrayList<>();
    for (Node item : list.items()) {
      Fields f = Fields.of(item, BOUND_KEYS);
      Node afterNode = f.required("after");
      String after = afterNode.text().strip();
      if (!after.equals("enable") && !after.equals("disable") && !after.equals("every")) {
        throw afterNode.error("unknown after '" + after + "'; expected enable, disable or every "
            + "(switch numbers mean nothing when the schedule varies)");
      }
      ExpectationMapping.Checked c = ExpectationMapping.bounds(f, item);
      bounds.add(new Exploration.Bound(after, c.metric(), c.atMost(), c.atLeast(), item.location().toString()));
    }
    if (bounds.isEmpty()) {
      throw list.error("properties: needs at least one bound");
    }
    return bounds;
  }
}
