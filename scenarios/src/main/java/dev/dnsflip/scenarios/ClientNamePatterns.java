package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Question names of each client's own ({@code probe-{client}.example.com}). Client i asks the
 * pattern with i in place of {@code {client}}, the clients numbered 1 to N across the whole
 * scenario in the order their groups are written (a mix's groups in the mix's order), so no two
 * clients share a name. What can be checked on one question is checked as it is read
 * ({@link #name}); what needs every group (the largest number, the names other questions ask, the
 * resolvers the clients reach) once all are read ({@link #check}), each error at the pattern.
 */
final class ClientNamePatterns {
  private record Use(Node nameNode, Name name, int type) {}

  private record Asked(Use use, List<ClientGroup> groups) {}

  private final List<Use> pending = new ArrayList<>();
  private final List<Asked> patterns = new ArrayList<>();
  private final List<Use> literals = new ArrayList<>();

  /** Whether a question's text is a pattern (or means to be one: any brace). */
  static boolean isPattern(String text) {
    return text.indexOf('{') >= 0 || text.indexOf('}') >= 0;
  }

  /** The pattern's name, the placeholder kept as it is; refuses other braces and a second placeholder. */
  static Name name(Node nameNode) throws InputException {
    String text = nameNode.text().strip();
    int first = text.indexOf(Question.CLIENT);
    if (first >= 0 && text.indexOf(Question.CLIENT, first + 1) >= 0) {
      throw nameNode.error("'" + text + "' holds " + Question.CLIENT + " twice; expected it at most once, where "
          + "each client's number goes");
    }
    String rest = first < 0 ? text : text.substring(0, first) + text.substring(first + Question.CLIENT.length());
    if (rest.indexOf('{') >= 0 || rest.indexOf('}') >= 0) {
      throw nameNode.error("'" + text + "' has a brace outside " + Question.CLIENT + "; expected "
          + Question.CLIENT + " as the only placeholder, e.g. probe-{client}.example.com");
    }
    return nameNode.parse(AccountMapping::absoluteName);
  }

  /** Notes a question as read: a pattern to check once its group is known, or a name asked as written. */
  void read(Node nameNode, Name name, int type) {
    Use use = new Use(nameNode, name, type);
    if (new Question(name, type).perClient()) {
      pending.add(use);
    } else {
      literals.add(use);
    }
  }

  /** The patterns read since the last call are asked by {@code groups}. */
  void askedBy(List<ClientGroup> groups) {
    for (Use use : pending) {
      patterns.add(new Asked(use, List.copyOf(groups)));
    }
    pending.clear();
  }

  /** Every rule that needs the whole population; {@code clients} is the number of the last client. */
  void check(long clients, List<ResolverGroup> resolvers, Authority authority) throws InputException {
    Set<Name> seen = new LinkedHashSet<>();
    for (Asked asked : patterns) {
      Use use = asked.use();
      for (ClientGroup group : asked.groups()) {
        for (ResolverGroup logic : Scenario.reachedLogic(resolvers, group)) {
          throw use.nameNode().error("client group '" + group.name() + "' asks names of each client's own, and its"
              + " queries reach resolver group '" + logic.name() + "', whose caches run logic: " + logic.logic().name()
              + " (the resolver SPI is handed questions, not clients, so it cannot keep each client's name apart);"
              + " expected the built-in cache there, or a name all clients share");
        }
      }
      if (seen.add(use.name())) {
        checkName(use, clients, authority);
      }
    }
    for (Asked asked : patterns) {
      Use use = asked.use();
      Pattern regex = regex(use.name());
      for (Use literal : literals) {
        Matcher m = regex.matcher(literal.name().toString());
        if (m.matches() && number(m) <= clients) {
          throw literal.nameNode().error(AccountMapping.show(literal.name()) + " is also client " + m.group(1)
              + "'s own name from " + AccountMapping.show(use.name()) + " (at " + place(use.nameNode())
              + "); expected a name no pattern gives a client, so each client's name stays its own");
        }
      }
      for (Asked other : patterns) {
        if (!other.use().name().equals(use.name()) && mayMeet(use.name(), other.use().name())) {
          throw other.use().nameNode().error(AccountMapping.show(other.use().name()) + " may give a client the name "
              + AccountMapping.show(use.name()) + " (at " + place(use.nameNode()) + ") gives another (clients are "
              + "numbered across the scenario); expected patterns whose names cannot meet, e.g. other text before "
              + Question.CLIENT);
        }
      }
    }
  }

  /** Where the placeholder sits, the longest name, and which records answer the clients' names. */
  private static void checkName(Use use, long clients, Authority authority) throws InputException {
    Name pattern = use.name();
    Node at = use.nameNode();
    Zone zone = authority.zoneOf(pattern);
    int own = pattern.labels() - zone.apex().labels();
    boolean left = false;
    for (int k = 0; k < own; k++) {
      left |= pattern.getLabelString(k).contains(Question.CLIENT);
    }
    if (!left) {
      throw at.error(Question.CLIENT + " in " + AccountMapping.show(pattern) + " is not in a label left of its zone "
          + AccountMapping.show(zone.apex()) + "; expected it in the leftmost label(s), e.g. probe-{client}."
          + AccountMapping.show(zone.apex()));
    }
    String longest = pattern.toString().replace(Question.CLIENT, Long.toString(clients));
    try {
      Name.fromString(longest);
    } catch (TextParseException e) {
      throw at.error("with " + clients + " clients the longest name is " + longest + ", not a valid DNS name ("
          + e.getMessage() + "); expected labels of at most 63 octets and a name of at most 255");
    }
    for (boolean enabled : new boolean[] {false, true}) {
      Answer answer = authority.answer(new Question(pattern, use.type()), enabled);
      if (answer.kind() == AnswerKind.NXDOMAIN) {
        throw at.error("no record answers the clients' names " + AccountMapping.show(pattern) + " (NXDOMAIN); expected "
            + "a wildcard such as *." + AccountMapping.show(new Name(pattern, 1)) + " to answer them");
      }
    }
    // A record at some client's name (or below it) shadows the wildcard for that client alone.
    Pattern regex = regex(pattern);
    Set<Name> existing = new LinkedHashSet<>();
    for (DnsRecord r : zone.records()) {
      for (Name n = r.record().getName(); n.labels() > zone.apex().labels(); n = new Name(n, 1)) {
        existing.add(n);
      }
    }
    for (Name n : existing) {
      Matcher m = regex.matcher(n.toString());
      if (!m.matches() || number(m) > clients) {
        continue;
      }
      for (boolean enabled : new boolean[] {false, true}) {
        Answer wild = authority.answer(new Question(pattern, use.type()), enabled);
        Answer exact = authority.answer(new Question(n, use.type()), enabled);
        if (!sameAnswer(wild, exact)) {
          throw at.error("client " + m.group(1) + "'s name " + AccountMapping.show(n) + " has records of its own, which"
              + " answer " + Type.string(use.type()) + " otherwise than the other clients' names (switch "
              + (enabled ? "enabled" : "disabled") + "); expected one answer for every client's name: remove those"
              + " records or give them the wildcard's");
        }
      }
    }
  }

  /** The same answer but for the owner name: kind, provenance, TTL, target and record data. */
  private static boolean sameAnswer(Answer a, Answer b) {
    if (a.kind() != b.kind() || a.provenance() != b.provenance() || a.ttlSeconds() != b.ttlSeconds()
        || !java.util.Objects.equals(a.target(), b.target()) || a.records().size() != b.records().size()) {
      return false;
    }
    Set<String> data = new LinkedHashSet<>();
    for (Record r : a.records()) {
      data.add(Type.string(r.getType()) + " " + r.rdataToString());
    }
    for (Record r : b.records()) {
      if (!data.contains(Type.string(r.getType()) + " " + r.rdataToString())) {
        return false;
      }
    }
    return true;
  }

  /** The names a pattern gives, as text of dnsjava's absolute form, the number captured. */
  private static Pattern regex(Name pattern) {
    String[] parts = pattern.toString().split(Pattern.quote(Question.CLIENT), -1);
    return Pattern.compile(Pattern.quote(parts[0]) + "([1-9][0-9]{0,18})" + Pattern.quote(parts[1]),
        Pattern.CASE_INSENSITIVE);
  }

  private static String place(Node node) {
    return node.line() + ":" + node.column();
  }

  /** The client number a matched name gives; Long.MAX_VALUE for a number past any count (more than 18 digits). */
  private static long number(Matcher m) {
    String digits = m.group(1);
    return digits.length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
  }

  /**
   * Whether two patterns may give the same name: one's text before the placeholder is the other's
   * followed by digits only, and likewise after it (read from the end). Errs on the side of refusing.
   */
  private static boolean mayMeet(Name a, Name b) {
    String[] x = a.toString().toLowerCase(Locale.ROOT).split(Pattern.quote(Question.CLIENT), -1);
    String[] y = b.toString().toLowerCase(Locale.ROOT).split(Pattern.quote(Question.CLIENT), -1);
    return digitsApart(x[0], y[0]) && digitsApart(reverse(x[1]), reverse(y[1]));
  }

  private static boolean digitsApart(String s, String t) {
    String shorter = s.length() <= t.length() ? s : t;
    String longer = s.length() <= t.length() ? t : s;
    return longer.startsWith(shorter) && longer.substring(shorter.length()).chars().allMatch(Character::isDigit);
  }

  private static String reverse(String s) {
    return new StringBuilder(s).reverse().toString();
  }
}
