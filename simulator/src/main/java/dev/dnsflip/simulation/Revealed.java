package dev.dnsflip.simulation;

import dev.dnsflip.authority.AddressText;
import dev.dnsflip.authority.Answer;
import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Provenance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Record;

/**
 * The answers the switch reveals: those a question gets only while DNS-only is enforced, with
 * origin content. A terminal answer (origin addresses, possibly reached through a proxied CNAME's
 * target) is what a client connects to; a CNAME answer names a target host. Found once from the
 * answer table, so the hot path only reads {@link #itemOf}.
 */
final class Revealed {
  /** One revealed answer: its addresses (empty for a CNAME) and the names that lead to it. */
  record Item(int answer, boolean cname, String target, List<String> addresses, List<String> names) {}

  private final int[] itemOf;
  private final List<Item> items;

  private Revealed(int[] itemOf, List<Item> items) {
    this.itemOf = itemOf;
    this.items = List.copyOf(items);
  }

  static Revealed of(AnswerTable table) {
    Map<Integer, Set<String>> namesOf = new LinkedHashMap<>();
    for (int q = 0; q < table.questionCount(); q++) {
      int on = table.answerOf(q, true);
      if (on != table.answerOf(q, false) && table.provenance(on) == Provenance.ORIGIN.ordinal()
          && table.answer(on).kind() != AnswerKind.NODATA) {
        namesOf.computeIfAbsent(on, k -> new LinkedHashSet<>()).add(table.question(q).toString());
      }
      if (table.intendedProvenance(q, true) != table.intendedProvenance(q, false)) {
        int terminal = terminal(table, q);
        if (table.provenance(terminal) == Provenance.ORIGIN.ordinal()
            && table.answer(terminal).kind() == AnswerKind.DATA) {
          namesOf.computeIfAbsent(terminal, k -> new LinkedHashSet<>()).add(table.question(q).toString());
        }
      }
    }
    int[] itemOf = new int[table.answerCount()];
    Arrays.fill(itemOf, -1);
    List<Item> items = new ArrayList<>();
    namesOf.keySet().stream().sorted().forEach(a -> {
      Answer answer = table.answer(a);
      boolean cname = answer.kind() == AnswerKind.CNAME;
      List<String> addresses = new ArrayList<>();
      if (!cname) {
        for (Record r : answer.records()) {
          addresses.add(AddressText.of(r));
        }
      }
      String target = cname ? answer.target().name().toString() : answer.records().get(0).getName().toString();
      itemOf[a] = items.size();
      items.add(new Item(a, cname, target, List.copyOf(addresses), List.copyOf(namesOf.get(a))));
    });
    return new Revealed(itemOf, items);
  }

  private static int terminal(AnswerTable table, int q) {
    int current = q;
    int a = table.answerOf(current, true);
    while (table.isCname(a)) {
      current = table.target(a, current);
      a = table.answerOf(current, true);
    }
    return a;
  }

  /** answer id → item index, or -1: shared read-only by every partition. */
  int[] itemOf() {
    return itemOf;
  }

  List<Item> items() {
    return items;
  }

  int count() {
    return items.size();
  }

  /** Every origin address the revealed answers hold, each once, in order of first appearance. */
  List<String> addresses() {
    Set<String> all = new LinkedHashSet<>();
    for (Item i : items) {
      all.addAll(i.addresses());
    }
    return List.copyOf(all);
  }
}
