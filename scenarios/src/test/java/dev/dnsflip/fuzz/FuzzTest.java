package dev.dnsflip.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzzers in CI: a fixed set of seeded cases per input kind through the CLI, judged by
 * {@link CliOracle}. Violations not explained by {@link KnownViolations} fail the test; every
 * violating input is written to {@code target/fuzz-violations/}.
 *
 * <p>Properties: {@code dnsflip.fuzz.cases} (total over the three inputs, default 4,500; nightly
 * 200,000), {@code dnsflip.fuzz.seed} (first case seed, default 1), {@code dnsflip.fuzz.heavy}
 * (cases run in a child JVM, default 4 in CI and unlimited when cases is set),
 * {@code dnsflip.fuzz.caseSeconds} (time bound per command, default 10), and
 * {@code dnsflip.fuzz.replay=KIND:SEED} to regenerate one case and print what the CLI does with it.
 */
class FuzzTest {
  private static final Path VIOLATIONS = Path.of("target/fuzz-violations");

  @TempDir
  Path tmp;

  private static Map<InputKind, LongFunction<FuzzCase>> mutators() {
    ScenarioMutator scenarios = new ScenarioMutator();
    BindExportMutator bind = new BindExportMutator();
    ApiJsonMutator api = new ApiJsonMutator();
    Map<InputKind, LongFunction<FuzzCase>> m = new EnumMap<>(InputKind.class);
    m.put(InputKind.SCENARIO, scenarios::mutate);
    m.put(InputKind.BIND, bind::mutate);
    m.put(InputKind.API_JSON, api::mutate);
    return m;
  }

  @Test
  void aSeedGeneratesTheSameInputEveryTime() {
    Map<InputKind, LongFunction<FuzzCase>> a = mutators();
    Map<InputKind, LongFunction<FuzzCase>> b = mutators();
    for (InputKind k : InputKind.values()) {
      for (long seed = 1; seed <= 200; seed++) {
        FuzzCase x = a.get(k).apply(seed);
        FuzzCase y = b.get(k).apply(seed);
        assertThat(y.bytes()).as(x.describe()).isEqualTo(x.bytes());
        assertThat(y.mutations()).isEqualTo(x.mutations());
        assertThat(x.bytes().length).as(x.describe()).isLessThanOrEqualTo(ByteMutations.MAX_CASE_BYTES);
      }
    }
  }

  @Test
  void unmutatedSeedsPassTheOracle() throws IOException {
    CliOracle oracle = new CliOracle(tmp, 30_000);
    List<Violation> found = new ArrayList<>();
    for (String s : List.of("default-small.yaml", "resolver-mix-small.yaml", "flavel-small.yaml", "imported-small.yaml")) {
      FuzzCase c = new FuzzCase(InputKind.SCENARIO, 0, s, s, Files.readAllBytes(ScenarioMutator.SEEDS.resolve(s)), false,
          null, List.of());
      found.addAll(oracle.check(c, oracle.prepare(c), new ArrayList<>()));
    }
    for (String s : BindExportMutator.SEEDS) {
      FuzzCase c = new FuzzCase(InputKind.BIND, 0, s, "zone.txt", Files.readAllBytes(ExportSeeds.DIR.resolve(s)), false,
          null, List.of());
      found.addAll(oracle.check(c, oracle.prepare(c), new ArrayList<>()));
    }
    for (String s : ApiJsonMutator.SEEDS) {
      FuzzCase c = new FuzzCase(InputKind.API_JSON, 0, s, "page.json", Files.readAllBytes(ExportSeeds.DIR.resolve(s)),
          false, null, List.of());
      found.addAll(oracle.check(c, oracle.prepare(c), new ArrayList<>()));
    }
    assertThat(found).isEmpty();
  }

  @Test
  void replay() throws IOException {
    String replay = System.getProperty("dnsflip.fuzz.replay");
    Assumptions.assumeTrue(replay != null, "set -Ddnsflip.fuzz.replay=KIND:SEED to replay one case");
    String[] parts = replay.split(":");
    InputKind kind = InputKind.fromKey(parts[0]);
    FuzzCase c = mutators().get(kind).apply(Long.parseLong(parts[1]));
    CliOracle oracle = new CliOracle(tmp, caseMillis());
    CliOracle.Prepared p = oracle.prepare(c);
    List<CliOracle.Outcome> outcomes = new ArrayList<>();
    List<Violation> found = oracle.check(c, p, outcomes);
    System.out.println(c.describe() + (c.heavy() ? " (heavy: child JVM)" : ""));
    for (int i = 0; i < outcomes.size(); i++) {
      CliOracle.Outcome o = outcomes.get(i);
      System.out.println(p.names().get(i) + ": exit " + o.exit() + " in " + o.millis() + " ms; stderr: "
          + CliOracle.shorten(o.err()) + (o.thrown() == null ? "" : "; thrown " + o.thrown()));
    }
    writeViolation(c);
    System.out.println("input written to " + VIOLATIONS.resolve(fileName(c)).toAbsolutePath());
    found.forEach(v -> System.out.println("VIOLATION " + v.signature()));
  }

  @Test
  void seededCasesMeetTheOracleOrAreKnownViolations() throws IOException {
    Assumptions.assumeTrue(System.getProperty("dnsflip.fuzz.replay") == null);
    String casesProperty = System.getProperty("dnsflip.fuzz.cases");
    int total = casesProperty == null ? 4_500 : Integer.parseInt(casesProperty);
    long firstSeed = Long.getLong("dnsflip.fuzz.seed", 1);
    int heavyBudget = Integer.getInteger("dnsflip.fuzz.heavy", casesProperty == null ? 6 : Integer.MAX_VALUE);
    CliOracle oracle = new CliOracle(tmp, caseMillis());
    Map<InputKind, LongFunction<FuzzCase>> mutators = mutators();

    long start = System.nanoTime();
    Map<InputKind, Map<String, Integer>> tally = new EnumMap<>(InputKind.class);
    List<Violation> violations = new ArrayList<>();
    int heavyRun = 0;
    int heavySkipped = 0;
    int perKind = total / InputKind.values().length;
    outer:
    for (int i = 0; i < perKind; i++) {
      for (InputKind kind : InputKind.values()) {
        long seed = firstSeed + i;
        FuzzCase c = mutators.get(kind).apply(seed);
        Map<String, Integer> t = tally.computeIfAbsent(kind, k -> new TreeMap<>());
        if (c.heavy()) {
          if (heavyRun >= heavyBudget) {
            heavySkipped++;
            t.merge("skipped (heavy)", 1, Integer::sum);
            continue;
          }
          heavyRun++;
        }
        t.merge("cases", 1, Integer::sum);
        CliOracle.Prepared p = oracle.prepare(c);
        List<CliOracle.Outcome> outcomes = new ArrayList<>();
        List<Violation> found = oracle.check(c, p, outcomes);
        for (int k = 0; k < outcomes.size(); k++) {
          CliOracle.Outcome o = outcomes.get(k);
          String exit = o.timedOut() ? "over time" : o.thrown() != null ? "thrown" : "exit " + o.exit();
          t.merge(p.names().get(k) + " " + exit, 1, Integer::sum);
        }
        if (!found.isEmpty()) {
          t.merge("violations", found.size(), Integer::sum);
          violations.addAll(found);
          writeViolation(c);
        }
        CliOracle.delete(p.dir());
        if (oracle.compromised()) {
          violations.add(new Violation(c, "-", "a runaway case could not be stopped; fuzzing ended early", ""));
          break outer;
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    StringBuilder report = new StringBuilder();
    report.append(String.format("fuzz: seeds %d..%d, %.1f s, %d heavy case(s) in a child JVM, %d skipped over the "
        + "heavy budget%n", firstSeed, firstSeed + perKind - 1, seconds, heavyRun, heavySkipped));
    tally.forEach((k, t) -> report.append("  ").append(k.key).append(": ").append(t).append('\n'));
    Map<KnownViolations.Known, List<Violation>> known = new LinkedHashMap<>();
    List<Violation> unknown = new ArrayList<>();
    for (Violation v : violations) {
      KnownViolations.Known k = KnownViolations.explaining(v);
      if (k == null) {
        unknown.add(v);
      } else {
        known.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
      }
    }
    report.append(String.format("  violations: %d, explained by known defects: %d, new: %d%n", violations.size(),
        violations.size() - unknown.size(), unknown.size()));
    known.forEach((k, vs) -> report.append("  known (").append(vs.size()).append("x, e.g. ")
        .append(vs.get(0).fuzzCase().kind().key).append(':').append(vs.get(0).fuzzCase().seed()).append("): ")
        .append(k.defect()).append('\n'));
    for (KnownViolations.Known k : KnownViolations.LIST) {
      if (!known.containsKey(k)) {
        report.append("  known but not seen in this run (fixed? or not reached by these seeds): ").append(k.defect())
            .append(" [").append(k.reproducer()).append("]\n");
      }
    }
    System.out.print(report);
    Files.createDirectories(VIOLATIONS);
    Files.writeString(VIOLATIONS.resolve("last-run.txt"), report + listing(violations));

    assertThat(unknown).as("new violations (inputs in %s; replay one with -Ddnsflip.fuzz.replay=KIND:SEED):%n%s",
        VIOLATIONS.toAbsolutePath(), listing(unknown)).isEmpty();
  }

  private static String listing(List<Violation> vs) {
    StringBuilder b = new StringBuilder();
    int shown = 0;
    for (Violation v : vs) {
      if (shown++ == 300) {
        b.append("... and ").append(vs.size() - 300).append(" more\n");
        break;
      }
      b.append(v.fuzzCase().kind().key).append(':').append(v.fuzzCase().seed()).append("  ").append(v.signature())
          .append("\n    ").append(v.fuzzCase().describe()).append("\n    ").append(v.detail())
          .append("\n    reproduce: ").append(reproduction(v)).append('\n');
    }
    return b.toString();
  }

  static String reproduction(Violation v) {
    FuzzCase c = v.fuzzCase();
    String file = "scenarios/" + VIOLATIONS.resolve(fileName(c));
    return switch (v.invocation()) {
      case "import" -> "./dnsflip import " + file;
      case "run-wrapped" -> "./dnsflip run " + file.replaceFirst("\\.[a-z]+$", "-wrap.yaml") + " --out /tmp/fuzz-out --threads 1";
      default -> "./dnsflip run " + file + " --out /tmp/fuzz-out --threads 1";
    };
  }

  private static String fileName(FuzzCase c) {
    String ext = c.fileName().substring(c.fileName().lastIndexOf('.') + 1);
    return c.kind().key + "-" + c.seed() + "." + ext;
  }

  private static void writeViolation(FuzzCase c) throws IOException {
    Files.createDirectories(VIOLATIONS);
    String name = fileName(c);
    Files.write(VIOLATIONS.resolve(name), c.bytes());
    if (c.kind() == InputKind.SCENARIO) {
      if (c.seedFile().startsWith("imported")) {
        CliOracle.copyExports(VIOLATIONS.resolve("exports"));
      }
    } else {
      Files.writeString(VIOLATIONS.resolve(name.replaceFirst("\\.[a-z]+$", "-wrap.yaml")),
          CliOracle.wrapper(name, ExportSeeds.apex(c.seedFile())));
    }
  }

  private static long caseMillis() {
    return Long.getLong("dnsflip.fuzz.caseSeconds", 10) * 1000;
  }
}
