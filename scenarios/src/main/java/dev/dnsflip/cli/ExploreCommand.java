package dev.dnsflip.cli;

import dev.dnsflip.explore.Explorer;
import dev.dnsflip.explore.ScenarioExplorer;
import dev.dnsflip.explore.ScenarioProperty;
import dev.dnsflip.format.InputException;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.explore.Properties;
import dev.dnsflip.explore.Property;
import dev.dnsflip.explore.ScenarioYamlWriter;
import dev.dnsflip.reports.ReportFiles;
import dev.dnsflip.simulation.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dnsflip explore}: property-based exploration of generated switch schedules and
 * populations. Exit 0 when every try passes; 1 when a property fails, after writing the shrunk
 * scenario to DIR and printing its path, its seed and the violation; 2 on bad usage. The output
 * depends only on the options (no timings), so the same seed prints the same thing.
 */
@Command(name = "explore", mixinStandardHelpOptions = true,
    description = {"Without SCENARIO: generate small random scenarios from a seed, check properties (the laws of "
        + "docs/ARCHITECTURE.md, determinism, consistency of the report), and shrink the first failure to a minimal "
        + "scenario file that `dnsflip run` replays.",
        "With SCENARIO: check its properties: section on variations its vary: section allows (flip schedules, "
        + "counts, seeds), and shrink the first failure (fewer flips and groups, smaller numbers, flips moved to "
        + "the boundary second).",
        "Exit codes: 0 every try passed, 1 a property failed, 2 bad usage."})
public final class ExploreCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", arity = "0..1",
      description = "a scenario file with vary: and properties: sections (default: generated scenarios)")
  Path scenarioFile;

  @Option(names = "--property", paramLabel = "NAME",
      description = "a property or all (default: all): ttl-bound, floor-bound, client-cache-bound, serve-stale-bound, "
          + "deterministic, consistent")
  String property = "all";

  @Option(names = "--tries", paramLabel = "N", description = "scenarios per property (default: ${DEFAULT-VALUE})")
  int tries = 100;

  @Option(names = "--seed", paramLabel = "S", description = "master seed (default: ${DEFAULT-VALUE}); a failing case "
      + "seed with --tries 1 replays that case")
  long seed = 1;

  @Option(names = "--out", paramLabel = "DIR", description = "where the minimal failing scenario is written "
      + "(default: out/explore)")
  Path out = Path.of("out", "explore");

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  private final List<Property> known;

  public ExploreCommand() {
    this(Properties.shipped());
  }

  /** With other properties than the shipped ones (tests plant failing ones). */
  public ExploreCommand(List<Property> known) {
    this.known = List.copyOf(known);
  }

  @CommandLine.Mixin
  ClassPathOption classPath = new ClassPathOption();

  @Override
  public Integer call() throws Exception {
    return classPath.with(this::execute);
  }

  private Integer execute() {
    if (tries < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--tries must be >= 1, got " + tries);
    }
    if (scenarioFile != null) {
      if (!property.equals("all")) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--property chooses among the laws; a scenario's own properties: section is checked whole");
      }
      return exploreScenario();
    }
    List<Property> chosen;
    if (property.equals("all")) {
      chosen = known;
    } else {
      chosen = List.of(Properties.named(known, property).orElseThrow(() -> new CommandLine.ParameterException(
          spec.commandLine(), "unknown property '" + property + "'; expected all or one of: "
          + Properties.names(known))));
    }
    PrintWriter w = spec.commandLine().getOut();
    w.printf("dnsflip explore: seed %d, %d tr%s per property: %s%n", seed, tries, tries == 1 ? "y" : "ies",
        Properties.names(chosen));
    w.flush();
    Explorer.Result result = new Explorer().explore(chosen, seed, tries, t -> {
      w.printf("  %-20s %d tr%s, applied to %d, %d passed%n", t.property(), t.tries(), t.tries() == 1 ? "y" : "ies",
          t.applied(), t.passed());
      w.flush();
    });
    if (result.passed()) {
      int total = result.tallies().stream().mapToInt(Explorer.Tally::applied).sum();
      w.printf("all %d propert%s held over %d applicable tries%n", chosen.size(), chosen.size() == 1 ? "y" : "ies",
          total);
      w.flush();
      return Main.OK;
    }
    Explorer.Failure f = result.failure();
    Path file = out.resolve(ScenarioYamlWriter.fileName(f));
    String yaml = ScenarioYamlWriter.failure(f, result.masterSeed());
    try {
      ReportFiles.writeAtomically(out, Map.of(file.getFileName().toString(), yaml));
    } catch (IOException e) {
      throw IoProblem.of("write the minimal scenario to", out, e);
    }
    Scenario m = f.minimal();
    if (result.tallies().size() < chosen.size()) {
      w.printf("  not tried after the failure: %s%n",
          Properties.names(chosen.subList(result.tallies().size(), chosen.size())));
    }
    w.printf("FAILED %s at try %d (case seed %d)%n", f.property().name(), f.attempt() + 1, f.caseSeed());
    w.printf("  property:  %s%n", f.property().description());
    w.printf("  found:     %s%n", f.originalViolation().describe());
    w.printf("  shrunk:    %d steps, %d runs%s: %s%n", f.shrunk().steps().size(), f.shrunk().runs(),
        f.shrunk().exhausted() ? " (run budget exhausted)" : "", summary(m));
    w.printf("  violation: %s%n", f.violation().describe());
    w.printf("  seed:      %d (scenario seed %d)%n", f.caseSeed(), m.seed());
    w.printf("  wrote:     %s%n", file);
    w.printf("replay: dnsflip run %s%s%n", file, f.violation().asExpectation().isPresent()
        ? "   (exits 1: its expect: entry states the bound)" : "");
    w.printf("        dnsflip explore --property %s --seed %d --tries 1%n", f.property().name(), f.caseSeed());
    w.flush();
    return Main.BOUNDS_FAILED;
  }

  private int exploreScenario() {
    LoadedScenario loaded;
    try {
      loaded = ScenarioLoader.read(scenarioFile);
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
    if (loaded.exploration() == null) {
      throw new UserError(scenarioFile + ":1:1: the scenario has no properties: and vary: sections to explore "
          + "(see scenarios/suites/properties/serve-stale-outage.yaml)");
    }
    ScenarioProperty property = new ScenarioProperty(loaded.exploration());
    PrintWriter w = spec.commandLine().getOut();
    w.printf("dnsflip explore %s: seed %d, %d tr%s%n", scenarioFile, seed, tries, tries == 1 ? "y" : "ies");
    w.printf("  property:  %s%n", property.description());
    w.printf("  varying:   %s%n", property.applicability());
    w.flush();
    ScenarioExplorer.Result result = new ScenarioExplorer().explore(loaded.scenario(), loaded.exploration(), seed,
        tries);
    w.printf("  covered:   %s%n", result.coverage().describe());
    if (result.isPassed()) {
      w.printf("the properties held on all %d variations%n", result.passed());
      w.flush();
      return Main.OK;
    }
    ScenarioExplorer.Failure f = result.failure();
    String name = ScenarioYamlWriter.fileName(loaded.scenario(), f);
    Path file = out.resolve(name);
    String yaml = ScenarioYamlWriter.failure(f, property, scenarioFile.toString(), seed);
    try {
      ReportFiles.writeAtomically(out, Map.of(name, yaml));
    } catch (IOException e) {
      throw IoProblem.of("write the minimal scenario to", out, e);
    }
    Scenario m = f.minimal();
    w.printf("FAILED at try %d (case seed %d), after %d passing%n", f.attempt() + 1, f.caseSeed(), result.passed());
    w.printf("  found:     %s%n", f.originalViolation().describe());
    w.printf("  schedule:  %s%n", schedule(f.original()));
    w.printf("  shrunk:    %d steps, %d runs%s: %s%n", f.shrunk().steps().size(), f.shrunk().runs(),
        f.shrunk().exhausted() ? " (run budget exhausted)" : "", summary(m));
    w.printf("  to:        %s%n", schedule(m));
    w.printf("  violation: %s%n", f.violation().describe());
    w.printf("  seed:      %d (scenario seed %d)%n", f.caseSeed(), m.seed());
    w.printf("  wrote:     %s%n", file);
    w.printf("replay: dnsflip run %s   (exits 1: its expect: entry states the bound)%n", file);
    w.printf("        dnsflip explore %s --seed %d --tries 1%n", scenarioFile, f.caseSeed());
    w.flush();
    return Main.BOUNDS_FAILED;
  }

  /** "enable at 10m 0s, disable at 30m 12s". */
  static String schedule(Scenario s) {
    List<String> parts = s.schedule().events().stream().map(e -> e.direction().key() + " at "
        + dev.dnsflip.engine.Durations.format(e.atMs())).toList();
    return parts.isEmpty() ? "no flips" : String.join(", ", parts);
  }

  static String summary(Scenario s) {
    int events = s.schedule().events().size();
    int questions = s.clientGroups().stream().mapToInt(c -> c.questions().size()).sum();
    int records = s.account().zones().stream().mapToInt(z -> z.records().size()).sum()
        + s.account().externalZones().stream().mapToInt(z -> z.records().size()).sum();
    return events + " switch event" + (events == 1 ? "" : "s") + ", "
        + s.resolverGroups().size() + " resolver group" + (s.resolverGroups().size() == 1 ? "" : "s") + " ("
        + s.resolverCount() + " resolver" + (s.resolverCount() == 1 ? "" : "s") + ": "
        + String.join(", ", s.resolverGroups().stream().map(g -> g.kind()).toList()) + "), "
        + s.clientGroups().size() + " client group" + (s.clientGroups().size() == 1 ? "" : "s") + " ("
        + s.clientCount() + " client" + (s.clientCount() == 1 ? "" : "s") + ": "
        + String.join(", ", s.clientGroups().stream().map(c -> c.kind()).toList()) + "), "
        + questions + " question" + (questions == 1 ? "" : "s") + ", " + records + " record" + (records == 1 ? "" : "s");
  }
}
