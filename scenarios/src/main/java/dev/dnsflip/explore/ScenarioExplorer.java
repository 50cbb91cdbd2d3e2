package dev.dnsflip.explore;

import dev.dnsflip.authority.AnswerKind;
import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.scenarios.Exploration;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import java.util.Optional;

/**
 * Explores a user's scenario: {@code tries} variations drawn from case seeds derived from a master
 * seed (the first try uses the master seed itself, so {@code --seed S --tries 1} replays case S),
 * each checked against the scenario's properties; the first failure is shrunk along every
 * dimension, switch times included, keeping to what {@code vary:} allows. It also counts what the
 * variations covered, so a pass says how much was tried.
 */
public final class ScenarioExplorer {
  /** The shrinker's budget of runs here: a user's scenario runs longer than a generated one. */
  public static final int MAX_SHRINK_RUNS = 400;

  /**
   * What the variations run covered, each a number of runs: with a serve-stale resolver, with a
   * prefetching one, asking a question answered through a CNAME, asking one answered NODATA, with
   * a flip inside an authoritative outage, with a flip within one Auto TTL of the one before.
   */
  public record Coverage(int runs, int serveStale, int prefetch, int cname, int nodata, int flipInOutage,
      int flipWithinTtl) {
    Coverage add(Scenario s, AnswerTable table) {
      boolean stale = s.resolverGroups().stream().anyMatch(g -> g.behaviour().serveStale().enabled());
      boolean pre = s.resolverGroups().stream().anyMatch(g -> !(g.behaviour().prefetch() instanceof Prefetch.None));
      boolean cn = false;
      boolean nd = false;
      for (int q = 0; q < table.questionCount(); q++) {
        for (boolean enabled : new boolean[] {false, true}) {
          int a = table.answerOf(q, enabled);
          cn |= table.isCname(a);
          nd |= table.answer(a).kind() == AnswerKind.NODATA;
        }
      }
      List<SwitchEvent> events = s.schedule().events();
      boolean inOutage = false;
      boolean withinTtl = false;
      long ttlMs = s.account().autoTtlSeconds() * 1_000;
      for (int i = 0; i < events.size(); i++) {
        long t = events.get(i).atMs();
        for (Outage o : s.outages()) {
          inOutage |= t >= o.fromMs() && t < o.toMs();
        }
        withinTtl |= i > 0 && t - events.get(i - 1).atMs() < ttlMs;
      }
      return new Coverage(runs + 1, serveStale + (stale ? 1 : 0), prefetch + (pre ? 1 : 0), cname + (cn ? 1 : 0),
          nodata + (nd ? 1 : 0), flipInOutage + (inOutage ? 1 : 0), flipWithinTtl + (withinTtl ? 1 : 0));
    }

    public String describe() {
      return runs + " run" + (runs == 1 ? "" : "s") + ": " + serveStale + " with serve-stale resolvers, " + prefetch
          + " with prefetching resolvers, " + cname + " asking names answered by a CNAME, " + nodata
          + " asking questions answered NODATA, " + flipInOutage + " with a flip inside an authoritative outage, "
          + flipWithinTtl + " with a flip within one Auto TTL of the one before";
    }
  }

  /** The first failing variation, its case seed, and what it shrank to. */
  public record Failure(int attempt, long caseSeed, Scenario original, Violation originalViolation,
      Shrinker.Result shrunk) {
    public Scenario minimal() {
      return shrunk.minimal();
    }

    public Violation violation() {
      return shrunk.violation();
    }
  }

  /** {@code failure} is null when every try passed. */
  public record Result(long masterSeed, int tries, int passed, Coverage coverage, Failure failure) {
    public boolean isPassed() {
      return failure == null;
    }
  }

  private final Shrinker shrinker;

  public ScenarioExplorer() {
    this(new Shrinker(MAX_SHRINK_RUNS, SHRINK_ORDER));
  }

  /**
   * Every dimension, flips moved towards the boundary last: a failure deep inside the region that
   * fails (a disable in the middle of an outage) survives dropping groups and clients, one near its
   * edge fails only with some draws, so simplifying there stalls on chance. Passes repeat, so the
   * structure is tried again once the flips have moved.
   */
  static final List<ScenarioEdits.Dimension> SHRINK_ORDER = java.util.stream.Stream.concat(
      java.util.Arrays.stream(ScenarioEdits.Dimension.values()).filter(d -> d != ScenarioEdits.Dimension.SWITCH_TIMES),
      java.util.stream.Stream.of(ScenarioEdits.Dimension.SWITCH_TIMES)).toList();

  public ScenarioExplorer(Shrinker shrinker) {
    this.shrinker = shrinker;
  }

  public Result explore(Scenario base, Exploration exploration, long masterSeed, int tries) {
    if (tries < 1) {
      throw new IllegalArgumentException("tries must be >= 1");
    }
    ScenarioProperty property = new ScenarioProperty(exploration);
    Coverage coverage = new Coverage(0, 0, 0, 0, 0, 0, 0);
    int passed = 0;
    for (int i = 0; i < tries; i++) {
      long seed = Explorer.caseSeed(masterSeed, i);
      Scenario s = Variations.draw(base, exploration.vary(), seed);
      Trial trial = new Trial(s);
      Optional<Violation> v;
      try {
        v = property.check(trial);
        coverage = coverage.add(s, trial.table());
      } catch (RuntimeException e) {
        v = Optional.of(Violation.crash(property.name(), e));
      }
      if (v.isPresent()) {
        Shrinker.Result shrunk = shrinker.shrink(s, v.get(), property);
        return new Result(masterSeed, tries, passed, coverage, new Failure(i, seed, s, v.get(), shrunk));
      }
      passed++;
    }
    return new Result(masterSeed, tries, passed, coverage, null);
  }
}
