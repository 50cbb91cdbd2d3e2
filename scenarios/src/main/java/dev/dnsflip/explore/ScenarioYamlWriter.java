package dev.dnsflip.explore;

import dev.dnsflip.scenarios.ScenarioWriter;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.Scenario;
import java.util.ArrayList;
import java.util.List;

/**
 * The file of a failure's minimal scenario: the scenario as {@link ScenarioWriter} writes it, with
 * the violated bound as an {@code expect:} entry and comments saying what failed and how to replay.
 */
public final class ScenarioYamlWriter {
  private ScenarioYamlWriter() {}

  /** The file name of a failure's minimal scenario: property and case seed. */
  public static String fileName(Explorer.Failure f) {
    return f.property().name() + "-" + f.caseSeed() + ".yaml";
  }

  /** The file name of a user scenario's minimal failing variation: scenario name and case seed. */
  public static String fileName(Scenario base, ScenarioExplorer.Failure f) {
    return base.name().replaceAll("[^A-Za-z0-9._-]", "_") + "-" + f.caseSeed() + ".yaml";
  }

  /**
   * A user scenario's minimal failing variation, with the bound it breaks as an {@code expect:}
   * entry on the failing switch (so {@code dnsflip run} exits 1 on it) and how to replay it.
   */
  public static String failure(ScenarioExplorer.Failure f, ScenarioProperty property, String source,
      long masterSeed) {
    Violation v = f.violation();
    Scenario m = f.minimal();
    List<Expectation> expect = new ArrayList<>();
    property.asExpectation(v).ifPresent(expect::add);
    Scenario withBound = m.toBuilder().expectations(expect).build();
    List<String> comments = new ArrayList<>();
    comments.add("dnsflip explore: the minimal failing variation of " + source);
    comments.add("property:   " + property.description());
    comments.add("violation:  " + v.describe());
    comments.add("case seed " + f.caseSeed() + " (try " + (f.attempt() + 1) + " of master seed " + masterSeed
        + "), shrunk in " + f.shrunk().steps().size() + " steps from: " + f.originalViolation().describe());
    comments.add("replay:     dnsflip explore " + source + " --seed " + f.caseSeed() + " --tries 1");
    comments.add(expect.isEmpty() ? "The run did not finish: see the violation above."
        : "The expect: entry at the end states the bound: `dnsflip run` on this file exits 1 while it is violated.");
    comments.add("");
    return ScenarioWriter.write(withBound, comments);
  }

  /**
   * A failure's minimal scenario, with the violated bound as an {@code expect:} entry (so that
   * {@code dnsflip run} exits 1 on it) and comments saying what failed and how to replay it.
   */
  public static String failure(Explorer.Failure f, long masterSeed) {
    Violation v = f.violation();
    Scenario m = f.minimal();
    List<Expectation> expect = new ArrayList<>(m.expectations());
    v.asExpectation().ifPresent(expect::add);
    Scenario withBound = m.toBuilder().expectations(expect).build();
    List<String> comments = new ArrayList<>();
    comments.add("dnsflip explore: the minimal failing scenario of property " + f.property().name());
    comments.add("property:   " + f.property().description());
    comments.add("applies to: " + f.property().applicability());
    comments.add("violation:  " + v.describe());
    comments.add("case seed " + f.caseSeed() + " (try " + (f.attempt() + 1) + " of master seed " + masterSeed
        + "), shrunk in " + f.shrunk().steps().size() + " steps from: " + f.originalViolation().describe());
    comments.add("replay:     dnsflip explore --property " + f.property().name() + " --seed " + f.caseSeed()
        + " --tries 1");
    comments.add(v.asExpectation().isPresent()
        ? "The expect: entry at the end states the bound: `dnsflip run` on this file exits 1 while it is violated."
        : "Check the violation as the property says (e.g. compare report.json of --threads 1 and --threads 3).");
    comments.add("");
    return ScenarioWriter.write(withBound, comments);
  }
}
