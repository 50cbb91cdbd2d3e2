package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.ModelRuleException;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.presets.InternetMix;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Limits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The {@code resolvers:} and {@code clients:} sections: groups one by one (their behaviour read by
 * {@link ResolverMapping} and {@link ClientBehaviourMapping}) or a named mix. Questions are
 * checked against the account here, where their position is known: the simulator would otherwise
 * refuse a name in no zone, or a CNAME chain that leaves every zone, only once the run starts.
 */
final class PopulationMapping {
  private static final String[] CLIENT_KEYS = {"name", "count", "queriesPerMinute", "queriesPerSecond", "resolvers",
      "questions", "preset", "cache", "connections", "dualStack", "every"};
  private static final String[] MIX_CLIENT_KEYS = {"mix", "count", "queriesPerMinute", "queriesPerSecond", "questions"};
  private static final String[] QUESTION_KEYS = {"name", "type", "weight"};
  /** Populations by name, from {@link InternetMix}. */
  private static final String INTERNET_MIX = "internet-mix";

  private PopulationMapping() {}

  /** A list of groups, or a named mix: {@code { mix: internet-mix, scale: 10 }}. */
  static List<ResolverGroup> resolvers(Node node, long durationMs) throws InputException {
    if (node.kind() == Node.Kind.MAP) {
      Fields f = Fields.of(node, "mix", "scale");
      mix(f.required("mix"));
      int scale = 1;
      Node scaleNode = f.optional("scale");
      if (scaleNode != null) {
        scale = scaleNode.parse(Quantities::count);
        if (scale < 1) {
          throw scaleNode.error("scale must be >= 1, got " + scale);
        }
        // The mix has 100 resolvers a unit of scale; past the limit its counts would not even fit an int.
        if ((long) scale * InternetMix.RESOLVERS_PER_SCALE > Limits.RESOLVER_CACHES.max()) {
          throw scaleNode.error(Limits.RESOLVER_CACHES.refusal("scale " + scale + " gives "
              + (long) scale * InternetMix.RESOLVERS_PER_SCALE + " resolvers"));
        }
      }
      int times = scale;
      return node.build(() -> InternetMix.resolvers(times));
    }
    List<ResolverMapping.Read> read = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    for (Node item : node.items()) {
      read.add(ResolverMapping.group(item, names, durationMs));
    }
    if (read.isEmpty()) {
      throw node.error("resolvers needs at least one group");
    }
    ResolverMapping.checkForwarding(read);
    return read.stream().map(ResolverMapping.Read::group).toList();
  }

  /** @param durationMs the run's length, which a fixed schedule's period may not exceed */
  static List<ClientGroup> clients(Node list, List<ResolverGroup> resolvers, Account account, long durationMs)
      throws InputException {
    List<ClientGroup> groups = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    Authority authority = new Authority(account);
    ClientNamePatterns patterns = new ClientNamePatterns();
    for (Node item : list.items()) {
      if (key(item, "mix") != null) {
        List<ClientGroup> mixed = mixedClients(item, names, authority, patterns);
        patterns.askedBy(mixed);
        groups.addAll(mixed);
        continue;
      }
      Fields f = Fields.of(item, CLIENT_KEYS);
      String name = uniqueName(f.required("name"), names, "client group");
      int count = count(f.required("count"));
      long everyMs = every(f, durationMs);
      double queriesPerSecond = everyMs > 0 ? 1000.0 / everyMs : rate(f);
      Map<String, Double> shares = f.optional("resolvers") == null
          ? Map.of() : shares(f.optional("resolvers"), resolvers);
      List<WeightedQuestion> questions = questions(f.optional("questions"), item, authority, patterns);
      ClientBehaviourMapping.Choice choice = ClientBehaviourMapping.map(f);
      ClientGroup group = item.build(() -> new ClientGroup(name, count, queriesPerSecond, shares, questions,
          choice.behaviour(), choice.origin(), everyMs));
      patterns.askedBy(List.of(group));
      groups.add(group);
    }
    if (groups.isEmpty()) {
      throw list.error("clients needs at least one group");
    }
    patterns.check(groups.stream().mapToLong(ClientGroup::count).sum(), resolvers, authority);
    return groups;
  }

  /**
   * {@code { mix: internet-mix, count: 40000, queriesPerMinute: 1, questions: [...] }}: the mix's
   * groups, named after their presets, spread over the resolver groups by count.
   */
  private static List<ClientGroup> mixedClients(Node item, Map<String, Node> names, Authority authority,
      ClientNamePatterns patterns) throws InputException {
    Node shares = key(item, "resolvers");
    if (shares != null) {
      throw shares.error("a client mix spreads over the resolver groups in proportion to their counts: "
          + "resolvers shares cannot be given " + item.where());
    }
    Fields f = Fields.of(item, MIX_CLIENT_KEYS);
    Node mixNode = f.required("mix");
    mix(mixNode);
    Node countNode = f.required("count");
    int count = count(countNode);
    double queriesPerSecond = rate(f);
    List<WeightedQuestion> questions = questions(f.optional("questions"), item, authority, patterns);
    List<ClientGroup> groups;
    try {
      groups = InternetMix.clients(count, queriesPerSecond, questions);
    } catch (ModelRuleException e) {
      // Rounding the mix's shares left a group empty.
      throw countNode.error("count " + count + " is too small to split over the groups of " + INTERNET_MIX + " ("
          + e.getMessage() + ")");
    }
    for (ClientGroup g : groups) {
      Node first = names.putIfAbsent(g.name(), mixNode);
      if (first != null) {
        throw mixNode.error("duplicate client group '" + g.name() + "' (from " + INTERNET_MIX + "; first at "
            + first.line() + ":" + first.column() + ")");
      }
    }
    return groups;
  }

  /** The key node {@code key} of a mapping, or null (also when the node is no mapping). */
  private static Node key(Node node, String key) throws InputException {
    if (node.kind() != Node.Kind.MAP) {
      return null;
    }
    for (Node.Entry e : node.entries()) {
      if (e.key().text().equals(key)) {
        return e.key();
      }
    }
    return null;
  }

  private static void mix(Node node) throws InputException {
    String name = node.text().strip();
    if (!name.equals(INTERNET_MIX)) {
      throw node.error("unknown mix '" + name + "'; expected one of: " + INTERNET_MIX);
    }
  }

  /**
   * The listed questions; or, when the list is left out or says {@code all}, A and AAAA for every
   * name with an A, AAAA or CNAME record in the account's zones, in file order, with equal weights
   * (so an imported account runs without typing every name in).
   */
  private static List<WeightedQuestion> questions(Node list, Node group, Authority authority,
      ClientNamePatterns patterns) throws InputException {
    if (list == null || list.kind() == Node.Kind.SCALAR && !list.isNull() && list.text().strip().equals("all")) {
      return allQuestions(list != null ? list : group, authority);
    }
    if (list.kind() == Node.Kind.SCALAR && !list.isNull()) {
      throw list.error("unknown questions '" + list.text().strip() + "'; expected all or a list of questions");
    }
    List<WeightedQuestion> questions = new ArrayList<>();
    for (Node q : list.items()) {
      questions.add(question(q, authority, patterns));
    }
    if (questions.isEmpty()) {
      throw list.error(list.path() + " needs at least one question");
    }
    return questions;
  }

  private static List<WeightedQuestion> allQuestions(Node at, Authority authority) throws InputException {
    Set<Name> names = new LinkedHashSet<>();
    for (Zone zone : authority.account().zones()) {
      for (DnsRecord r : zone.records()) {
        int type = r.record().getType();
        if (type == Type.A || type == Type.AAAA || type == Type.CNAME) {
          names.add(r.record().getName());
        }
      }
    }
    if (names.isEmpty()) {
      throw at.error("questions: all finds no name with an A, AAAA or CNAME record in the account's zones");
    }
    List<WeightedQuestion> questions = new ArrayList<>();
    for (Name name : names) {
      for (int t : new int[] {Type.A, Type.AAAA}) {
        for (boolean enabled : new boolean[] {false, true}) {
          try {
            authority.resolveTerminal(new Question(name, t), enabled);
          } catch (ModelRuleException e) {
            throw at.error("questions: all includes " + AccountMapping.show(name) + ", and resolving it "
                + Type.string(t) + " with the switch " + (enabled ? "enabled" : "disabled") + " fails: "
                + e.getMessage() + " (add the target's zone under external:, or list the questions)");
          }
        }
        questions.add(new WeightedQuestion(new Question(name, t), 1.0));
      }
    }
    return questions;
  }

  static String uniqueName(Node node, Map<String, Node> seen, String what) throws InputException {
    String name = node.text().strip();
    if (name.isEmpty()) {
      throw node.error(what + " name must not be empty");
    }
    Node first = seen.putIfAbsent(name, node);
    if (first != null) {
      throw node.error("duplicate " + what + " '" + name + "' (first at " + first.line() + ":" + first.column() + ")");
    }
    return name;
  }

  static int count(Node node) throws InputException {
    int count = node.parse(Quantities::count);
    if (count < 1) {
      throw node.error("count must be >= 1, got " + count);
    }
    return count;
  }

  /** Exactly one of queriesPerMinute and queriesPerSecond, as a rate per second. */
  /**
   * {@code every: 10m}: one use per client every period, in place of a query rate; 0 when absent.
   * The period must fit the run, or some clients would never query.
   */
  private static long every(Fields f, long durationMs) throws InputException {
    Node every = f.optional("every");
    if (every == null) {
      return 0;
    }
    Node rate = f.optional("queriesPerMinute") != null ? f.optional("queriesPerMinute") : f.optional("queriesPerSecond");
    if (rate != null) {
      throw rate.error("give either every (a fixed schedule) or a query rate, not both " + f.node().where());
    }
    long everyMs = every.parse(Quantities::durationMs);
    if (everyMs <= 0) {
      throw every.error("every must be > 0, got " + every.text().strip());
    }
    if (everyMs > durationMs) {
      throw every.error("every " + every.text().strip() + " is longer than the run (" + durationMs
          + " ms): some clients would never query");
    }
    return everyMs;
  }

  private static double rate(Fields f) throws InputException {
    Node perMinute = f.optional("queriesPerMinute");
    Node perSecond = f.optional("queriesPerSecond");
    if ((perMinute == null) == (perSecond == null)) {
      throw f.node().error("give exactly one of queriesPerMinute, queriesPerSecond and every " + f.node().where());
    }
    Node node = perMinute != null ? perMinute : perSecond;
    double rate = node.parse(Quantities::number);
    if (!(rate > 0)) {
      throw node.error((perMinute != null ? "queriesPerMinute" : "queriesPerSecond") + " must be > 0, got "
          + node.text().strip());
    }
    return perMinute != null ? rate / 60 : rate;
  }

  /** Resolver group name -> share (0.7 or 70%); groups left out get none. */
  private static Map<String, Double> shares(Node node, List<ResolverGroup> resolvers) throws InputException {
    List<String> known = resolvers.stream().map(ResolverGroup::name).toList();
    Map<String, Double> shares = new LinkedHashMap<>();
    double sum = 0;
    for (Node.Entry e : node.entries()) {
      String name = e.key().text();
      if (!known.contains(name)) {
        throw e.key().error("unknown resolver group '" + name + "' " + node.where() + "; expected one of: "
            + String.join(", ", known));
      }
      double share = e.value().parse(Quantities::share);
      shares.put(name, share);
      sum += share;
    }
    if (!shares.isEmpty() && !(sum > 0)) {
      throw node.error(node.path() + " gives no resolver group a share > 0");
    }
    return shares;
  }

  private static WeightedQuestion question(Node node, Authority authority, ClientNamePatterns patterns)
      throws InputException {
    Fields f = Fields.of(node, QUESTION_KEYS);
    Node nameNode = f.required("name");
    Name name = ClientNamePatterns.isPattern(nameNode.text()) ? ClientNamePatterns.name(nameNode)
        : nameNode.parse(AccountMapping::absoluteName);
    int type = f.optional("type", PopulationMapping::questionType, Type.A);
    double weight = f.optional("weight", Quantities::number, 1.0);
    if (!(weight > 0)) {
      throw f.optional("weight").error("weight must be > 0, got " + f.optional("weight").text().strip());
    }
    Account account = authority.account();
    if (Stream.concat(account.zones().stream(), account.externalZones().stream()).noneMatch(z -> z.contains(name))) {
      throw nameNode.error(AccountMapping.show(name) + " is in no zone of the account and no external zone");
    }
    // Walk the answer chain as the run will (both families, both settings): a CNAME that leaves
    // every zone, or loops, is a mistake in this file, not a crash later.
    for (int t : new int[] {Type.A, Type.AAAA}) {
      for (boolean enabled : new boolean[] {false, true}) {
        Question q = new Question(name, t);
        try {
          authority.resolveTerminal(q, enabled);
        } catch (ModelRuleException e) {
          throw nameNode.error("resolving " + AccountMapping.show(name) + " " + Type.string(t) + " with the switch "
              + (enabled ? "enabled" : "disabled") + ": " + e.getMessage());
        }
      }
    }
    patterns.read(nameNode, name, type);
    return node.build(() -> new WeightedQuestion(new Question(name, type), weight));
  }

  private static int questionType(String text) {
    return switch (text.strip().toUpperCase(Locale.ROOT)) {
      case "A" -> Type.A;
      case "AAAA" -> Type.AAAA;
      default -> throw new IllegalArgumentException("unknown question type '" + text + "'; expected A or AAAA");
    };
  }
}
