package dev.dnsflip.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import dev.dnsflip.cli.CliRun;
import dev.dnsflip.cli.Main;
import dev.dnsflip.format.InputException;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exploring a user's own scenario: the shipped one plants a weakness (serve-stale resolvers and a
 * disable just before or during an authoritative outage) that any other schedule does not have.
 */
class ScenarioExplorerTest {
  static final Path SHIPPED = Path.of("suites/properties/serve-stale-outage.yaml");
  /** Tries the explorer gets to find the weakness; half the flips are drawn inside the outage. */
  static final int TRIES = 40;

  static LoadedScenario loaded;
  static ScenarioExplorer.Result result;

  @TempDir
  static Path tmp;

  @BeforeAll
  static void explore() throws InputException {
    loaded = ScenarioLoader.read(SHIPPED);
    result = new ScenarioExplorer().explore(loaded.scenario(), loaded.exploration(), 1, TRIES);
  }

  @Test
  void thePlantedWeaknessIsFoundAndShrunkToAtMostTwoFlipsAndOneOfEachGroup() {
    assertThat(result.isPassed()).isFalse();
    ScenarioExplorer.Failure f = result.failure();
    Scenario m = f.minimal();
    assertThat(f.shrunk().exhausted()).isFalse();
    assertThat(m.schedule().events()).hasSizeLessThanOrEqualTo(2);
    assertThat(m.resolverGroups()).singleElement().satisfies(g -> {
      assertThat(g.count()).isEqualTo(1);
      assertThat(g.behaviour().serveStale().enabled()).as("the weakness is serve-stale's").isTrue();
    });
    assertThat(m.clientGroups()).singleElement().satisfies(c -> assertThat(c.count()).isEqualTo(1));
    assertThat(f.violation().metric()).isEqualTo("lastStale.p99");
    assertThat(f.violation().actualMs()).isGreaterThan(330_000);
  }

  @Test
  void shrinkingReachesTheBoundarySecond() {
    ScenarioProperty p = new ScenarioProperty(loaded.exploration());
    Scenario m = result.failure().minimal();
    List<SwitchEvent> events = m.schedule().events();
    int last = events.size() - 1;
    SwitchEvent e = events.get(last);
    assertThat(Shrinker.check(p, m)).isPresent();
    // One second earlier either passes, or is no longer a schedule vary: allows (gap, start).
    List<SwitchEvent> earlier = new ArrayList<>(events);
    earlier.set(last, new SwitchEvent(e.atMs() - 1_000, e.direction()));
    Scenario before = m.toBuilder().schedule(new SwitchSchedule(m.schedule().initiallyEnabled(), earlier)).build();
    if (p.appliesTo(before)) {
      assertThat(Shrinker.check(p, before)).as("one second before the boundary").isEmpty();
    } else {
      assertThat(e.atMs() - 1_000).isLessThan(Math.max(loaded.exploration().vary().fromMs(),
          last == 0 ? 0 : events.get(last - 1).atMs() + loaded.exploration().vary().minGapMs()));
    }
  }

  @Test
  void theSameSeedExploresAndShrinksTheSameWayAndTheCaseSeedReplaysIt() {
    ScenarioExplorer.Result again = new ScenarioExplorer().explore(loaded.scenario(), loaded.exploration(), 1, TRIES);
    assertThat(again).isEqualTo(result);
    ScenarioExplorer.Failure f = result.failure();
    ScenarioExplorer.Result replay = new ScenarioExplorer().explore(loaded.scenario(), loaded.exploration(),
        f.caseSeed(), 1);
    assertThat(replay.failure().original()).isEqualTo(f.original());
    assertThat(replay.failure().minimal()).isEqualTo(f.minimal());
  }

  @Test
  void everyDrawnVariationIsOneVaryAllowsAndBothCountsAndTheOutageAreReached() {
    var v = loaded.exploration().vary();
    boolean sawMin = false;
    boolean sawMax = false;
    int inOutage = 0;
    for (long seed = 0; seed < 500; seed++) {
      Scenario s = Variations.draw(loaded.scenario(), v, seed);
      assertThat(Variations.allows(v, s)).as("seed %d: %s", seed, s.schedule()).isTrue();
      int n = s.schedule().events().size();
      sawMin |= n == v.minFlips();
      sawMax |= n == v.maxFlips();
      inOutage += (int) s.schedule().events().stream()
          .filter(e -> e.atMs() >= 40 * 60_000 && e.atMs() < 120 * 60_000).count();
    }
    assertThat(sawMin).isTrue();
    assertThat(sawMax).isTrue();
    assertThat(inOutage).isPositive();
  }

  @Test
  void aFocusOnTheTtlDrawsFlipsWithinOneAutoTtlOfTheOneBefore() {
    var base = loaded.exploration().vary();
    var plain = new dev.dnsflip.scenarios.Exploration.Vary(4, 4, 30_000, base.fromMs(), base.toMs(), List.of(), 0,
        false, base.at());
    var focused = new dev.dnsflip.scenarios.Exploration.Vary(4, 4, 30_000, base.fromMs(), base.toMs(),
        List.of(dev.dnsflip.scenarios.Exploration.Focus.TTL), 0, false, base.at());
    int plainClose = 0;
    int focusedClose = 0;
    for (long seed = 0; seed < 200; seed++) {
      Scenario p = Variations.draw(loaded.scenario(), plain, seed);
      Scenario f = Variations.draw(loaded.scenario(), focused, seed);
      assertThat(Variations.allows(focused, f)).isTrue();
      plainClose += closePairs(p);
      focusedClose += closePairs(f);
    }
    // 600 gaps each: uniform schedules over 2 h 49 min rarely put a gap under 300 s; the focus
    // draws about half of the later flips there.
    assertThat(focusedClose).isGreaterThan(200).isGreaterThan(3 * plainClose);
  }

  private static int closePairs(Scenario s) {
    List<SwitchEvent> e = s.schedule().events();
    int n = 0;
    for (int i = 1; i < e.size(); i++) {
      n += e.get(i).atMs() - e.get(i - 1).atMs() <= 300_000 ? 1 : 0;
    }
    return n;
  }

  @Test
  void theCliWritesAFileThatRunReplaysWithExit1() throws Exception {
    CliRun r = CliRun.of("explore", SHIPPED.toString(), "--tries", Integer.toString(TRIES), "--out", tmp.toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.BOUNDS_FAILED);
    long caseSeed = result.failure().caseSeed();
    Path file = tmp.resolve("serve-stale-outage-" + caseSeed + ".yaml");
    assertThat(r.out()).contains("FAILED at try " + (result.failure().attempt() + 1),
        "covered:   " + result.coverage().describe(), "wrote:     " + file,
        "dnsflip explore " + SHIPPED + " --seed " + caseSeed + " --tries 1");
    assertThat(Files.readString(file)).contains("expect:\n  - { switch: ");
    CliRun replay = CliRun.of("run", file.toString(), "--out", tmp.resolve("replay").toString());
    assertThat(replay.exit()).as(replay.err()).isEqualTo(Main.BOUNDS_FAILED);
  }

  @Test
  void aBoundThatHoldsPassesEveryVariationAndSaysWhatItCovered() throws Exception {
    Path lenient = tmp.resolve("lenient.yaml");
    Files.writeString(lenient, Files.readString(SHIPPED).replace("atMost: 330s", "atMost: 3h"));
    CliRun r = CliRun.of("explore", lenient.toString(), "--tries", "5", "--out", tmp.resolve("none").toString());
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("the properties held on all 5 variations", "covered:   5 runs: 5 with serve-stale");
    assertThat(tmp.resolve("none")).doesNotExist();
  }
}
