package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Question;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.resolver.ResolverGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The {@code resolvers:} and {@code clients:} sections. Questions are checked against the
 * account here, where their position is known: the simulator would otherwise refuse a name in
 * no zone, or a CNAME chain that leaves every zone, only once the run starts.
 */
final class PopulationMapping {
  private static final String[] RESOLVER_KEYS = {"name", "count"};
  private static final String[] CLIENT_KEYS = {"name", "count", "queriesPerMinute", "queriesPerSecond", "resolvers",
      "questions"};
  private static final String[] QUESTION_KEYS = {"name", "type", "weight"};

  private PopulationMapping() {}

  static List<ResolverGroup> resolvers(Node list) throws ScenarioException {
    List<ResolverGroup> groups = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    for (Node item : list.items()) {
      Fields f = Fields.of(item, RESOLVER_KEYS);
      String name = uniqueName(f.required("name"), names, "resolver group");
      int count = count(f.required("count"));
      groups.add(item.build(() -> new ResolverGroup(name, count)));
    }
    if (groups.isEmpty()) {
      throw list.error("resolvers needs at least one group");
    }
    return groups;
  }

  static List<ClientGroup> clients(Node list, List<ResolverGroup> resolvers, Account account)
      throws ScenarioException {
    List<ClientGroup> groups = new ArrayList<>();
    Map<String, Node> names = new HashMap<>();
    Authority authority = new Authority(account);
    for (Node item : list.items()) {
      Fields f = Fields.of(item, CLIENT_KEYS);
      String name = uniqueName(f.required("name"), names, "client group");
      int count = count(f.required("count"));
      double queriesPerSecond = rate(f);
      Map<String, Double> shares = f.optional("resolvers") == null
          ? Map.of() : shares(f.optional("resolvers"), resolvers);
      Node questionList = f.required("questions");
      List<WeightedQuestion> questions = new ArrayList<>();
      for (Node q : questionList.items()) {
        questions.add(question(q, authority));
      }
      if (questions.isEmpty()) {
        throw questionList.error(questionList.path() + " needs at least one question");
      }
      groups.add(item.build(() -> new ClientGroup(name, count, queriesPerSecond, shares, questions)));
    }
    if (groups.isEmpty()) {
      throw list.error("clients needs at least one group");
    }
    return groups;
  }

  private static String uniqueName(Node node, Map<String, Node> seen, String what) throws ScenarioException {
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

  private static int count(Node node) throws ScenarioException {
    int count = node.parse(Quantities::count);
    if (count < 1) {
      throw node.error("count must be >= 1, got " + count);
    }
    return count;
  }

  /** Exactly one of queriesPerMinute and queriesPerSecond, as a rate per second. */
  private static double rate(Fields f) throws ScenarioException {
    Node perMinute = f.optional("queriesPerMinute");
    Node perSecond = f.optional("queriesPerSecond");
    if ((perMinute == null) == (perSecond == null)) {
      throw f.node().error("give exactly one of queriesPerMinute and queriesPerSecond " + f.node().where());
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
  private static Map<String, Double> shares(Node node, List<ResolverGroup> resolvers) throws ScenarioException {
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

  private static WeightedQuestion question(Node node, Authority authority) throws ScenarioException {
    Fields f = Fields.of(node, QUESTION_KEYS);
    Node nameNode = f.required("name");
    Name name = nameNode.parse(AccountMapping::absoluteName);
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
        } catch (IllegalArgumentException e) {
          throw nameNode.error("resolving " + AccountMapping.show(name) + " " + Type.string(t) + " with the switch "
              + (enabled ? "enabled" : "disabled") + ": " + e.getMessage());
        }
      }
    }
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
