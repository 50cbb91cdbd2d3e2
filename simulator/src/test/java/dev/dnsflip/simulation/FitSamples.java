package dev.dnsflip.simulation;

import static dev.dnsflip.simulation.TestScenarios.question;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/** What the tests of fit between event by event and skipping ahead share: the samples, a population. */
final class FitSamples {
  private FitSamples() {}

  /**
   * Adjacent categories merged until each holds at least 10 of both samples together, as the
   * chi-square approximation needs; empty categories vanish.
   */
  static long[][] mergeSparse(long[] x, long[] y) {
    List<long[]> merged = new ArrayList<>();
    long sx = 0;
    long sy = 0;
    for (int i = 0; i < x.length; i++) {
      sx += x[i];
      sy += y[i];
      if (sx + sy >= 10) {
        merged.add(new long[] {sx, sy});
        sx = 0;
        sy = 0;
      }
    }
    if (sx + sy > 0 && !merged.isEmpty()) {
      long[] last = merged.get(merged.size() - 1);
      last[0] += sx;
      last[1] += sy;
    }
    return new long[][] {merged.stream().mapToLong(m -> m[0]).toArray(), merged.stream().mapToLong(m -> m[1]).toArray()};
  }

  /** Two client groups at different rates, one asking three questions (a CNAME, an AAAA), one asking one. */
  static List<ClientGroup> twoGroups() {
    return List.of(
        new ClientGroup("web", 2_000, 1.0 / 20, Map.of(), List.of(
            new WeightedQuestion(question("www.example.com", Type.A), 2),
            new WeightedQuestion(question("app.example.com", Type.A), 1),
            new WeightedQuestion(question("www.example.com", Type.AAAA), 1))),
        new ClientGroup("api", 1_000, 1.0 / 40, Map.of(), List.of(
            new WeightedQuestion(question("app.example.com", Type.A), 1))));
  }
}
