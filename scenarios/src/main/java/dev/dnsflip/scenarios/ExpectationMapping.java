package dev.dnsflip.scenarios;

import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.observe.MetricRegistry;
import dev.dnsflip.observe.OutageMetrics;
import dev.dnsflip.observe.Unit;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Expectation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The {@code expect:} list: bounds on report metrics, in the metric's unit (milliseconds,
 * fraction, count). A bound is refused when its form does not fit the metric's unit: a bare
 * {@code 306} for {@code lastStale.max} would silently mean 306 ms.
 */
final class ExpectationMapping {
  /** Metric name -> unit, in report order. */
  static final Map<String, Unit> METRICS = MetricRegistry.units();

  private ExpectationMapping() {}

  /** The one figure the blame table holds per pair of groups, and so the one a scoped bound may be on. */
  static final String SCOPED_METRIC = "lastStale.max";

  static List<Expectation> map(Node list, SwitchSchedule schedule, List<ResolverGroup> resolvers,
      List<ClientGroup> clients, int outages) throws InputException {
    List<Expectation> expectations = new ArrayList<>();
    for (Node item : list.items()) {
      Fields f = Fields.of(item, "switch", "outage", "metric", "resolvers", "clients", "atMost", "atLeast");
      if (f.optional("outage") != null) {
        expectations.add(onOutage(f, item, outages, resolvers.stream().map(ResolverGroup::name).toList(),
            clients.stream().map(ClientGroup::name).toList()));
        continue;
      }
      Node metricNode = f.optional("metric");
      if (metricNode != null && OutageMetrics.isOutageMetric(metricNode.text().strip())) {
        throw metricNode.error(metricNode.text().strip() + " is a figure of an outage: name it with outage: N "
            + "(numbered from 1 in the order of outages:)");
      }
      String selector = f.optional("switch") == null ? "all" : selector(f.optional("switch"), schedule);
      Checked c = bounds(f, item);
      String resolverGroup = group(f.optional("resolvers"), "resolver", resolvers.stream().map(ResolverGroup::name).toList());
      String clientGroup = group(f.optional("clients"), "client", clients.stream().map(ClientGroup::name).toList());
      if ((resolverGroup != null || clientGroup != null) && !c.metric().equals(SCOPED_METRIC)) {
        Node at = f.optional("resolvers") != null ? f.optional("resolvers") : f.optional("clients");
        throw at.error("a bound on some groups' clients is on " + SCOPED_METRIC + " (the latest stale use in the "
            + "blame table), not on " + c.metric());
      }
      expectations.add(item.build(() -> new Expectation(selector, c.metric(), c.atMost(), c.atLeast(),
          item.location().toString(), resolverGroup, clientGroup)));
    }
    return expectations;
  }

  /**
   * {@code { outage: 1, metric: answered.share, atLeast: 50% }}: a bound on the mean over runs of
   * one outage's share; with {@code resolvers: G} or {@code clients: G} (one, not both: the figures
   * are kept per group, not per pair), on that group's share pooled over the runs. No switch goes
   * with it.
   */
  private static Expectation onOutage(Fields f, Node item, int outages, List<String> resolverNames,
      List<String> clientNames) throws InputException {
    Node outageNode = f.optional("outage");
    if (f.optional("switch") != null) {
      throw f.optional("switch").error("a bound on an outage takes no switch: (it bounds a figure inside outage "
          + outageNode.text().strip() + ")");
    }
    if (f.optional("resolvers") != null && f.optional("clients") != null) {
      throw f.optional("clients").error("a bound on an outage names one group, resolvers: or clients:, not both "
          + "(its figures are kept per resolver group and per client group, not per pair)");
    }
    String resolverGroup = group(f.optional("resolvers"), "resolver", resolverNames);
    String clientGroup = group(f.optional("clients"), "client", clientNames);
    String text = outageNode.text().strip();
    if (!text.matches("\\d{1,9}")) {
      throw outageNode.error("outage: expected an outage number (1, 2, ...), got '" + text + "'");
    }
    int number = Integer.parseInt(text);
    if (number == 0) {
      throw outageNode.error("outage 0 does not exist: outages are numbered from 1, in the order of outages:");
    }
    if (number > outages) {
      throw outageNode.error("outage " + number + " does not exist: the scenario declares " + outages + " outage"
          + (outages == 1 ? "" : "s"));
    }
    Node metricNode = f.required("metric");
    String metric = metricNode.text().strip();
    if (!OutageMetrics.isOutageMetric(metric)) {
      throw metricNode.error("unknown outage metric '" + metric + "'; expected one of: "
          + String.join(", ", OutageMetrics.all().keySet()));
    }
    Double atMost = bound(f.optional("atMost"), metric, Unit.RATIO);
    Double atLeast = bound(f.optional("atLeast"), metric, Unit.RATIO);
    if (atMost == null && atLeast == null) {
      throw item.error("an expectation needs atMost or atLeast (or both)");
    }
    if (atMost != null && atLeast != null && atLeast > atMost) {
      throw item.error("atLeast " + f.optional("atLeast").text().strip() + " is above atMost "
          + f.optional("atMost").text().strip());
    }
    return item.build(() -> Expectation.onOutage(number, metric, atMost, atLeast, item.location().toString(),
        resolverGroup, clientGroup));
  }

  private static String group(Node node, String what, List<String> names) throws InputException {
    if (node == null) {
      return null;
    }
    String name = node.text().strip();
    if (!names.contains(name)) {
      throw node.error("unknown " + what + " group '" + name + "'; expected one of: " + String.join(", ", names));
    }
    return name;
  }

  /** A bound as read: the metric, and atMost / atLeast in its unit (either may be null, not both). */
  record Checked(String metric, Double atMost, Double atLeast) {}

  /** The metric and bounds of an {@code expect:} or {@code properties:} item, checked against the metric's unit. */
  static Checked bounds(Fields f, Node item) throws InputException {
    Node metricNode = f.required("metric");
    String metric = metricNode.text().strip();
    Unit unit = METRICS.get(metric);
    if (unit == null) {
      throw metricNode.error("unknown metric '" + metric + "'; expected one of: " + String.join(", ", METRICS.keySet()));
    }
    Double atMost = bound(f.optional("atMost"), metric, unit);
    Double atLeast = bound(f.optional("atLeast"), metric, unit);
    if (atMost == null && atLeast == null) {
      throw item.error("an expectation needs atMost or atLeast (or both)");
    }
    if (atMost != null && atLeast != null && atLeast > atMost) {
      throw item.error("atLeast " + f.optional("atLeast").text().strip() + " is above atMost "
          + f.optional("atMost").text().strip());
    }
    return new Checked(metric, atMost, atLeast);
  }

  /** A bound's value as a person writes it: 5m 30s, 1%, 12. */
  static String show(String metric, double value) {
    Unit unit = OutageMetrics.isOutageMetric(metric) ? Unit.RATIO : METRICS.get(metric);
    if (unit == null) {
      return Double.toString(value);
    }
    return switch (unit) {
      case DURATION_MS -> dev.dnsflip.engine.Durations.format(Math.round(value));
      case RATIO -> dev.dnsflip.reports.Figures.percent(value);
      case COUNT -> dev.dnsflip.reports.Figures.count(value);
    };
  }

  /**
   * enable, disable, all, or a switch number counted from 1 as every report counts them; refused
   * when it selects no event of the schedule.
   */
  static String selector(Node node, SwitchSchedule schedule) throws InputException {
    String text = node.text().strip();
    List<SwitchEvent> events = schedule.events();
    switch (text) {
      case "all" -> {
        if (events.isEmpty()) {
          throw node.error("switch: all selects nothing: the scenario has no switches");
        }
      }
      case "enable", "disable" -> {
        if (events.stream().noneMatch(e -> e.direction().key().equals(text))) {
          throw node.error("switch: " + text + " selects nothing: the scenario has no '" + text + "' switch");
        }
      }
      default -> {
        if (!text.matches("\\d+")) {
          throw node.error("unknown switch '" + text + "'; expected enable, disable, all or a switch number (1, 2, ...)");
        }
        if (text.matches("0+")) {
          throw node.error("switch 0 does not exist: switches are numbered from 1, as in every report");
        }
        if (text.length() > 9 || Integer.parseInt(text) > events.size()) {
          throw node.error("switch " + text + " does not exist: the scenario has " + events.size() + " switch"
              + (events.size() == 1 ? "" : "es"));
        }
        return Integer.toString(Integer.parseInt(text)); // "01" -> "1", as the check compares text
      }
    }
    return text;
  }

  private static Double bound(Node node, String metric, Unit unit) throws InputException {
    if (node == null) {
      return null;
    }
    String text = node.text().strip();
    boolean duration = Quantities.isDuration(text);
    boolean percentage = Quantities.isPercentage(text);
    return switch (unit) {
      case DURATION_MS -> {
        if (!duration) {
          throw node.error(metric + " is a duration: " + Quantities.DURATION_EXPECTED);
        }
        yield (double) node.parse(Quantities::durationMs);
      }
      case RATIO -> {
        if (duration) {
          throw node.error(metric + " is a fraction: write e.g. 5% or 0.05, not a duration");
        }
        double value = percentage ? node.parse(Quantities::percentage) : node.parse(Quantities::number);
        if (value < 0 || value > 1) {
          throw node.error(metric + " is a fraction between 0 and 1 (0% to 100%), got " + text);
        }
        yield value;
      }
      case COUNT -> {
        if (duration || percentage) {
          throw node.error(metric + " is a count: write a plain number, got " + text);
        }
        yield node.parse(Quantities::number);
      }
    };
  }
}
