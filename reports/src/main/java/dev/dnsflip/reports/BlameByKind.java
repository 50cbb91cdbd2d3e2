package dev.dnsflip.reports;

import dev.dnsflip.observe.Blame;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The blame pairs of one switch grouped by resolver kind (the software people configure), with
 * the kind's totals: kinds with the latest stale use first, pairs slowest first within a kind.
 * Markdown and HTML print it alike.
 *
 * @param latestMs the latest stale use of any of its pairs, -1 when none was stale
 */
record BlameByKind(String kind, long uses, long staleUses, long latestMs, List<Blame> pairs) {
  BlameByKind {
    pairs = List.copyOf(pairs);
  }

  static List<BlameByKind> of(List<Blame> blame) {
    Map<String, List<Blame>> byKind = new LinkedHashMap<>();
    blame.stream().sorted(MarkdownReport.SLOWEST_FIRST)
        .forEach(b -> byKind.computeIfAbsent(b.resolverKind(), k -> new ArrayList<>()).add(b));
    List<BlameByKind> kinds = new ArrayList<>();
    byKind.forEach((kind, pairs) -> kinds.add(new BlameByKind(kind, pairs.stream().mapToLong(Blame::uses).sum(),
        pairs.stream().mapToLong(Blame::staleUses).sum(),
        pairs.stream().mapToLong(Blame::lastStaleMaxMs).max().orElse(-1), pairs)));
    kinds.sort(Comparator.comparingLong(BlameByKind::latestMs).reversed()
        .thenComparing(Comparator.comparingLong(BlameByKind::staleUses).reversed())
        .thenComparing(BlameByKind::kind));
    return kinds;
  }

  double share() {
    return uses == 0 ? Double.NaN : (double) staleUses / uses;
  }
}
