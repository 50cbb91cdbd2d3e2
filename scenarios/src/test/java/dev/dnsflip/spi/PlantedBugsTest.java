package dev.dnsflip.spi;

import static dev.dnsflip.testing.DnsflipAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.explore.ScenarioExplorer;
import dev.dnsflip.format.InputException;
import dev.dnsflip.reports.TransitionReport;
import dev.dnsflip.scenarios.LoadedScenario;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.spi.planted.NeverExpiresNegativeCache;
import dev.dnsflip.spi.planted.OriginalTtlCache;
import dev.dnsflip.spi.planted.RemainingTtlCache;
import dev.dnsflip.spi.planted.RenewsAtExpiryCache;
import dev.dnsflip.testing.Dnsflip;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three caches with a planted bug (in {@code dev.dnsflip.spi.planted}, written as a user would)
 * run on the shipped {@code suites/properties/own-cache.yaml}: each is caught by an assertion of
 * the testing API, word for word, while the correct cache they are made from passes the same
 * assertions; and {@code dnsflip explore}'s search shrinks each to at most two switches and two
 * clients.
 */
class PlantedBugsTest {
  private static final Duration BOUND = Duration.ofSeconds(61); // T + d: 60 s TTLs, 1 s propagation
  private static final int TRIES = 10;

  private static LoadedScenario shipped;

  @BeforeAll
  static void load() throws InputException {
    shipped = Dnsflip.load(Path.of("suites/properties/own-cache.yaml"));
  }

  private static TransitionReport run(Class<? extends CacheLogic> logic) {
    return Dnsflip.run(Dnsflip.withLogic(shipped, logic), 2);
  }

  @Test
  void namingAGroupTheScenarioDoesNotHaveIsAMistakeInTheTest() {
    assertThatThrownBy(() -> Dnsflip.withLogic(shipped, RemainingTtlCache.class, "isp", "public"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no resolver group 'public' in scenario own-cache; it has: isp");
  }

  @Test
  void theCorrectCacheKeepsTheBoundAfterBothSwitches() {
    TransitionReport r = run(RemainingTtlCache.class);

    assertThat(r).afterSwitch(1).lastStale().max().isAtMost(BOUND);
    assertThat(r).afterSwitch(2).lastStale().max().isAtMost(BOUND);
    assertThat(r).expectationsPass();
  }

  @Test
  void handingOutTheOriginalTtlIsCaughtBehindTtlHonouringClientCaches() {
    TransitionReport r = run(OriginalTtlCache.class);

    assertThatThrownBy(() -> assertThat(r).afterSwitch(1).lastStale().max().isAtMost(BOUND))
        .hasMessage("switch 1 (enable at 1m 0s): lastStale.max was 1m 49.166s, expected at most 1m 1s; "
            + "the slowest: isp (OriginalTtlCache) + apps (custom), latest stale use 1m 49.166s");
  }

  @Test
  void renewingAnEntryAskedForWithinAMillisecondOfItsExpiryIsCaught() {
    // The bug shows only when a use lands in the two milliseconds at and after an expiry. The
    // shipped browsers ask each question 500 times a second: a use lands there with probability
    // 1 - e^-1 (63%) at an expiry, so whether one run shows the bug was up to its draws. Five times
    // as many browsers make it 1 - e^-5 (99.3%) per question: the anycast answer cached before the
    // enable is renewed at its first expiry after it unless both questions miss (e^-10), and, renewed
    // at each later expiry too, usually outlives the window, as here.
    Scenario withBug = Dnsflip.withLogic(shipped, RenewsAtExpiryCache.class).scenario();
    Scenario busier = withBug.toBuilder().clientGroups(withBug.clientGroups().stream()
        .map(g -> g.name().equals("browsers") ? g.withCount(g.count() * 5) : g).toList()).build();
    TransitionReport r = Dnsflip.run(busier, 2);

    assertThatThrownBy(() -> assertThat(r).afterSwitch(1).lastStale().max().isAtMost(BOUND))
        .hasMessage("switch 1 (enable at 1m 0s): lastStale.max was not reached before the window closed in 1 of 1 "
            + "replication (so at least 2m 59.999s), expected at most 1m 1s; the slowest: isp (RenewsAtExpiryCache) + "
            + "browsers (plain), latest stale use 2m 59.999s");
  }

  @Test
  void keepingNegativeAnswersForeverIsCaughtAfterTheDisable() {
    TransitionReport r = run(NeverExpiresNegativeCache.class);

    assertThatThrownBy(() -> assertThat(r).afterSwitch(2).lastStale().max().isAtMost(BOUND))
        .hasMessage("switch 2 (disable at 4m 0s): lastStale.max was not reached before the window closed in 1 of 1 "
            + "replication (so at least 3m 59.999s), expected at most 1m 1s; the slowest: isp "
            + "(NeverExpiresNegativeCache) + browsers (plain), latest stale use 3m 59.999s");
  }

  @Test
  void theExplorerFindsEachPlantedBugAndShrinksItToTwoSwitchesAndTwoClients() {
    for (Class<? extends CacheLogic> bug : List.of(OriginalTtlCache.class, RenewsAtExpiryCache.class,
        NeverExpiresNegativeCache.class)) {
      Scenario withBug = Dnsflip.withLogic(shipped, bug).scenario();

      ScenarioExplorer.Result result = new ScenarioExplorer().explore(withBug, shipped.exploration(), 1, TRIES);

      Assertions.assertThat(result.isPassed()).as(bug.getSimpleName()).isFalse();
      Scenario minimal = result.failure().minimal();
      Assertions.assertThat(minimal.schedule().events()).as(bug.getSimpleName()).hasSizeLessThanOrEqualTo(2);
      Assertions.assertThat(minimal.clientGroups().stream().mapToInt(ClientGroup::count).sum())
          .as(bug.getSimpleName()).isLessThanOrEqualTo(2);
      Assertions.assertThat(minimal.resolverGroups()).as(bug.getSimpleName())
          .allMatch(g -> g.logic().equals(LogicChoice.of(bug)));
      Assertions.assertThat(result.failure().violation().metric()).isEqualTo("lastStale.max");
    }
  }

  @Test
  void theModelTheFileNamesKeepsItsPropertiesOverTheSameSchedules() {
    ScenarioExplorer.Result result = new ScenarioExplorer().explore(shipped.scenario(), shipped.exploration(), 1,
        TRIES);

    Assertions.assertThat(result.isPassed()).as(() -> result.failure().violation().describe()).isTrue();
  }
}
