package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Problem;
import dev.dnsflip.authority.SwitchDirection;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.format.Addresses;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.OriginServer;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.ReferenceMark;
import dev.dnsflip.simulation.Scenario;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Address;

/**
 * The top level of a scenario file: run settings, the switch schedule, and the sections other
 * mappings read ({@link AccountMapping}, {@link PopulationMapping}, {@link ExpectationMapping}), and
 * the authoritative outages.
 */
final class ScenarioMapping {
  private static final String[] TOP_KEYS = {"name", "description", "seed", "replications", "duration", "bucket",
      "initialCache", "account", "external", "resolvers", "clients", "initially", "switches", "expect", "outages",
      "origins", "references", "vary", "properties"};
  private static final long DEFAULT_BUCKET_MS = 5_000;

  private ScenarioMapping() {}

  /** @param baseDir the scenario file's directory: imports are named relative to it */
  static LoadedScenario map(Node root, Path baseDir) throws InputException {
    Fields top = Fields.of(root, TOP_KEYS);
    Node nameNode = top.required("name");
    String name = nameNode.text().strip();
    if (name.isEmpty()) {
      throw nameNode.error("name must not be empty");
    }
    String description = top.optional("description") == null ? "" : top.optional("description").text();
    long seed = top.optional("seed", Quantities::integer, 1L);
    Node replicationsNode = top.optional("replications");
    int replications = 1;
    if (replicationsNode != null) {
      replications = replicationsNode.parse(Quantities::count);
      if (replications < 1) {
        throw replicationsNode.error("replications must be >= 1, got " + replications);
      }
    }
    Node durationNode = top.required("duration");
    long durationMs = positiveDuration(durationNode, "duration");
    long bucketMs = top.optional("bucket") == null ? DEFAULT_BUCKET_MS : positiveDuration(top.optional("bucket"), "bucket");
    InitialCache initialCache = top.optional("initialCache") == null
        ? InitialCache.STEADY : initialCache(top.optional("initialCache"));
    AccountMapping.Section section = AccountMapping.map(top.required("account"), top.optional("external"), baseDir);
    SwitchSchedule schedule = schedule(top, durationNode, durationMs);
    List<ResolverGroup> resolvers = PopulationMapping.resolvers(top.required("resolvers"), durationMs);
    List<ClientGroup> clients = PopulationMapping.clients(top.required("clients"), resolvers, section.account(), durationMs);
    List<Outage> outages = top.optional("outages") == null
        ? List.of() : outages(top.optional("outages"), durationNode, durationMs, section.nameservers());
    List<Expectation> expectations = top.optional("expect") == null
        ? List.of() : ExpectationMapping.map(top.optional("expect"), schedule, resolvers, clients, outages.size());
    List<OriginServer> origins = top.optional("origins") == null
        ? List.of() : origins(top.optional("origins"), section.account());
    List<ReferenceMark> references = top.optional("references") == null
        ? List.of() : references(top.optional("references"), schedule, durationMs);
    Scenario.Builder scenario = Scenario.builder().name(name).description(description).seed(seed)
        .replications(replications).durationMs(durationMs).bucketMs(bucketMs).initialCache(initialCache)
        .account(section.account()).nameservers(section.nameservers()).propagation(section.propagation())
        .schedule(schedule).resolverGroups(resolvers).clientGroups(clients).expectations(expectations)
        .outages(outages).origins(origins).references(references);
    // The rules between the sections, each placed where its values were written.
    for (Problem problem : scenario.validate()) {
      Node at = problem.isWithin("clientGroups") ? top.required("clients")
          : problem.isWithin("resolverGroups") ? top.required("resolvers")
          : problem.isWithin("bucketMs") && top.optional("bucket") != null ? top.optional("bucket")
          : problem.isWithin("durationMs") || problem.isWithin("bucketMs") ? durationNode
          : root;
      throw at.error(problem.message());
    }
    Scenario built = scenario.build();
    Exploration exploration = ExplorationMapping.map(top.optional("vary"), top.optional("properties"), built)
        .orElse(null);
    return new LoadedScenario(built, section.accountImport(), top.required("clients").location(), exploration);
  }

  private static long positiveDuration(Node node, String field) throws InputException {
    long ms = node.parse(Quantities::durationMs);
    if (ms <= 0) {
      throw node.error(field + " must be > 0, got " + node.text().strip());
    }
    return ms;
  }

  /** steady (default), cold, or "warmup 10m". */
  private static InitialCache initialCache(Node node) throws InputException {
    String text = node.text().strip();
    if (text.equals("steady")) {
      return InitialCache.STEADY;
    }
    if (text.equals("cold")) {
      return InitialCache.COLD;
    }
    if (text.startsWith("warmup ")) {
      long warmupMs = node.parse(t -> Quantities.durationMs(t.strip().substring("warmup ".length())));
      if (warmupMs <= 0) {
        throw node.error("a warm-up must be > 0, got " + text);
      }
      return node.build(() -> InitialCache.warmup(warmupMs));
    }
    throw node.error("unknown initialCache '" + text + "'; expected steady, cold or 'warmup <duration>', e.g. 'warmup 10m'");
  }

  /**
   * {@code initially:} and {@code switches:}. Checked here rather than by {@link SwitchSchedule}
   * so each complaint points at the offending switch.
   */
  private static SwitchSchedule schedule(Fields top, Node durationNode, long durationMs) throws InputException {
    boolean initiallyEnabled = false;
    Node initially = top.optional("initially");
    if (initially != null) {
      initiallyEnabled = initially.parse(ScenarioMapping::setting);
    }
    List<SwitchEvent> events = new ArrayList<>();
    Node switches = top.optional("switches");
    boolean on = initiallyEnabled;
    String previousAt = null;
    for (Node item : switches == null ? List.<Node>of() : switches.items()) {
      Fields f = Fields.of(item, "at", "action");
      Node atNode = f.required("at");
      long atMs = atNode.parse(Quantities::durationMs);
      String at = atNode.text().strip();
      if (atMs <= 0 || atMs >= durationMs) {
        throw atNode.error("switch at " + at + " is outside the run (0, " + durationNode.text().strip() + ")");
      }
      SwitchDirection direction = f.required("action").parse(ScenarioMapping::action);
      if (!events.isEmpty() && atMs <= events.get(events.size() - 1).atMs()) {
        throw item.error("switch at " + at + " is not after the previous one at " + previousAt
            + "; switches must be in strictly increasing time");
      }
      if (direction.settingAfter() == on) {
        throw item.error("switch at " + at + " would " + direction.key() + " an already "
            + (on ? "enabled" : "disabled") + " setting; enable and disable must alternate"
            + (events.isEmpty() ? " (initially: " + (on ? "enabled" : "disabled") + ")" : ""));
      }
      on = direction.settingAfter();
      previousAt = at;
      events.add(new SwitchEvent(atMs, direction));
    }
    boolean initial = initiallyEnabled;
    return top.node().build(() -> new SwitchSchedule(initial, events));
  }

  /**
   * {@code outages: [ { from: 10m, to: 12m, loss: 30%, nameservers: [1] } ]}: windows inside
   * [0, duration] in which each query to an affected nameserver (numbered from 1; all when left
   * out) is lost with probability {@code loss} (a share; 100% when left out: every query times out).
   */
  private static List<Outage> outages(Node list, Node durationNode, long durationMs, int nameservers)
      throws InputException {
    List<Outage> outages = new ArrayList<>();
    String run = "[0, " + durationNode.text().strip() + "]";
    for (Node item : list.items()) {
      Fields f = Fields.of(item, "from", "to", "loss", "nameservers");
      Node fromNode = f.required("from");
      Node toNode = f.required("to");
      long fromMs = fromNode.parse(Quantities::durationMs);
      long toMs = toNode.parse(Quantities::durationMs);
      if (fromMs > durationMs) {
        throw fromNode.error("outage from " + fromNode.text().strip() + " is outside the run " + run);
      }
      if (toMs > durationMs) {
        throw toNode.error("outage to " + toNode.text().strip() + " is outside the run " + run);
      }
      if (fromMs >= toMs) {
        throw toNode.error("outage to " + toNode.text().strip() + " is not after from " + fromNode.text().strip()
            + "; an outage needs from < to");
      }
      double loss = 1.0;
      Node lossNode = f.optional("loss");
      if (lossNode != null) {
        loss = lossNode.parse(Quantities::share);
        if (!(loss > 0 && loss <= 1)) {
          throw lossNode.error("an outage's loss is the share of queries lost, above 0% and at most 100%, got "
              + lossNode.text().strip());
        }
      }
      List<Integer> affected = new ArrayList<>();
      Node nsNode = f.optional("nameservers");
      if (nsNode != null) {
        int highest = Math.min(nameservers, Outage.MAX_NAMED_NAMESERVER + 1);
        for (Node n : nsNode.items()) {
          long number = n.parse(Quantities::integer);
          if (number < 1 || number > highest) {
            throw n.error("an outage names nameservers by number, 1 to " + highest + " (the account has "
                + nameservers + "), got " + n.text().strip());
          }
          if (affected.contains((int) number - 1)) {
            throw n.error("nameserver " + number + " is named twice in this outage");
          }
          affected.add((int) number - 1);
        }
        if (affected.isEmpty()) {
          throw nsNode.error("an outage's nameservers list is empty; leave it out to affect all of them");
        }
      }
      outages.add(new Outage(fromMs, toMs, loss, affected));
    }
    return outages;
  }

  /**
   * {@code origins: [ { address: 192.0.2.10, requestsPerSecond: 500, certificate: origin-ca } ]}:
   * what the readiness figures should know of an origin address (capacity, certificate).
   */
  private static List<OriginServer> origins(Node list, Account account) throws InputException {
    List<OriginServer> origins = new ArrayList<>();
    List<Node> addressNodes = new ArrayList<>();
    for (Node item : list.items()) {
      Fields f = Fields.of(item, "address", "requestsPerSecond", "certificate");
      Node addressNode = f.required("address");
      String address = addressNode.parse(ScenarioMapping::address);
      double capacity = Double.NaN;
      Node capacityNode = f.optional("requestsPerSecond");
      if (capacityNode != null) {
        capacity = capacityNode.parse(Quantities::number);
        if (!(capacity > 0)) {
          throw capacityNode.error("requestsPerSecond must be a number > 0, got " + capacityNode.text().strip());
        }
      }
      boolean trusted = true;
      Node certificateNode = f.optional("certificate");
      if (certificateNode != null) {
        trusted = switch (certificateNode.text().strip()) {
          case "public" -> true;
          case "origin-ca", "self-signed" -> false;
          default -> throw certificateNode.error("unknown certificate '" + certificateNode.text().strip()
              + "'; expected public (trusted by browsers), origin-ca (Cloudflare Origin CA, trusted only by "
              + "Cloudflare) or self-signed");
        };
      }
      double c = capacity;
      boolean t = trusted;
      origins.add(item.build(() -> new OriginServer(address, c, t)));
      addressNodes.add(addressNode);
    }
    for (Problem problem : Scenario.originProblems(account, origins)) {
      int i = Integer.parseInt(problem.path().replaceAll("origins\\[(\\d+)\\].*", "$1"));
      throw addressNodes.get(i).error(problem.message());
    }
    return origins;
  }

  /**
   * {@code references: [ { switch: enable, at: 60s, staleShare: 10%, label: ... } ]}: published
   * figures drawn beside the curves, one mark per selected switch; {@code clientsStale} instead of
   * {@code staleShare} puts it on the tail (clients still stale).
   */
  private static List<ReferenceMark> references(Node list, SwitchSchedule schedule, long durationMs)
      throws InputException {
    List<ReferenceMark> marks = new ArrayList<>();
    List<SwitchEvent> events = schedule.events();
    for (Node item : list.items()) {
      Fields f = Fields.of(item, "switch", "at", "staleShare", "clientsStale", "label");
      String selector = f.optional("switch") == null ? "all" : ExpectationMapping.selector(f.optional("switch"), schedule);
      Node atNode = f.required("at");
      long atMs = atNode.parse(Quantities::durationMs);
      Node share = f.optional("staleShare");
      Node clients = f.optional("clientsStale");
      if ((share == null) == (clients == null)) {
        throw item.error("a reference needs exactly one of staleShare (the stale share of uses) or clientsStale "
            + "(the share of clients still stale)");
      }
      Node valueNode = share != null ? share : clients;
      double value = valueNode.parse(Quantities::share);
      if (value > 1) {
        throw valueNode.error("a share is at most 100%, got " + valueNode.text().strip());
      }
      String label = f.required("label").text().strip();
      ReferenceMark.Curve curve = share != null ? ReferenceMark.Curve.STALE_SHARE : ReferenceMark.Curve.CLIENTS_STALE;
      for (int e = 0; e < events.size(); e++) {
        boolean selected = selector.equals("all") || selector.equals(events.get(e).direction().key())
            || selector.equals(Integer.toString(e + 1));
        if (!selected) {
          continue;
        }
        long windowMs = (e + 1 < events.size() ? events.get(e + 1).atMs() : durationMs) - events.get(e).atMs();
        if (atMs >= windowMs) {
          throw atNode.error("at " + atNode.text().strip() + " is past the window of switch " + (e + 1) + " ("
              + dev.dnsflip.engine.Durations.format(windowMs) + "), so the mark could not be drawn");
        }
        int index = e;
        marks.add(item.build(() -> new ReferenceMark(index, atMs, curve, value, label)));
      }
    }
    return marks;
  }

  /** An IPv4 or IPv6 literal, written as every report writes addresses. */
  private static String address(String text) {
    String t = text.strip();
    boolean v6 = t.contains(":");
    InetAddress a = AccountMapping.address(t, v6 ? Address.IPv6 : Address.IPv4);
    return v6 ? Addresses.ipv6(a) : Addresses.ipv4(a);
  }

  private static boolean setting(String text) {
    return switch (text.strip()) {
      case "enabled" -> true;
      case "disabled" -> false;
      default -> throw new IllegalArgumentException("expected enabled or disabled, got '" + text + "'");
    };
  }

  private static SwitchDirection action(String text) {
    return switch (text.strip()) {
      case "enable" -> SwitchDirection.ENABLE;
      case "disable" -> SwitchDirection.DISABLE;
      default -> throw new IllegalArgumentException("unknown action '" + text + "'; expected enable or disable");
    };
  }
}
