package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code vary:} and {@code properties:}: read together, each mistake placed. */
class ExplorationMappingTest {
  // VALID has 17 lines and a 10 min run; these start at line 18.
  private static final String VARY = "vary:\n  flips: { count: 1..4, minGap: 30s }\n";
  private static final String PROPS = "properties:\n  - { after: disable, metric: lastStale.p99, atMost: 330s }\n";

  @Test
  void bothSectionsAreRead() throws InputException {
    Exploration e = read(VARY + PROPS);
    assertThat(e.vary()).isEqualTo(new Exploration.Vary(1, 4, 30_000, 30_000, 570_000, java.util.List.of(), 0, false,
        e.vary().at()));
    assertThat(e.properties()).containsExactly(
        new Exploration.Bound("disable", "lastStale.p99", 330_000.0, null, "t.yaml:21:5"));
    assertThat(e.properties().get(0).describe()).isEqualTo("after every disable: lastStale.p99 at most 5m 30s");
  }

  @Test
  void aFileWithoutThemHasNone() throws InputException {
    assertThat(ScenarioMapping.map(ScenarioLoader.tree(ScenarioLoaderTest.VALID, "t.yaml"), Path.of(""))
        .exploration()).isNull();
  }

  @Test
  void eachMistakeIsPlaced() {
    assertBad(VARY, "t.yaml:19:3: vary: needs a properties: section: the bounds every variation must meet");
    assertBad(PROPS, "t.yaml:19:3: properties: needs a vary: section saying what may vary");
    assertBad(VARY.replace("1..4", "4..1") + PROPS,
        "t.yaml:19:19: count must be a range within 1..32 with its start first, got '4..1'");
    assertBad(VARY.replace("1..4", "lots") + PROPS,
        "t.yaml:19:19: count is a number of flips or a range such as 1..4, got 'lots'");
    assertBad(VARY.replace("minGap: 30s", "minGap: 3m") + PROPS,
        "t.yaml:19:10: 4 flips 3m 0s apart do not fit between 3m 0s and 7m 0s");
    assertBad(VARY.replace(" }", ", to: 10m }") + PROPS,
        "t.yaml:19:42: flips must land inside the run (0, 10m 0s): from 30s to 10m 0s");
    assertBad(VARY + "  focus: [ttl, nearby]\n" + PROPS,
        "t.yaml:20:16: unknown focus 'nearby'; expected outages, ttl or propagation (or a list of them)");
    assertBad(VARY + "  focus: outages\n" + PROPS,
        "t.yaml:20:10: focus: outages needs an outages: section in the scenario");
    assertBad(VARY + PROPS.replace("after: disable", "after: 2"),
        "t.yaml:21:14: unknown after '2'; expected enable, disable or every (switch numbers mean nothing when the "
            + "schedule varies)");
    assertBad(VARY + PROPS.replace("atMost: 330s", "atMost: 330"),
        "t.yaml:21:54: lastStale.p99 is a duration: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
  }

  private static Exploration read(String sections) throws InputException {
    return ScenarioMapping.map(ScenarioLoader.tree(ScenarioLoaderTest.VALID + sections, "t.yaml"), Path.of(""))
        .exploration();
  }

  private static void assertBad(String sections, String messageStart) {
    assertThatThrownBy(() -> read(sections)).isInstanceOf(InputException.class).hasMessageStartingWith(messageStart);
  }
}
