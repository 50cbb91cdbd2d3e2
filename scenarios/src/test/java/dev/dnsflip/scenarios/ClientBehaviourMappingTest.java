package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ClientBehaviourMappingTest {
  /** Line 13 of {@link ScenarioLoaderTest#VALID}; the lines given here follow it, from line 14. */
  private static final String RATE = "    queriesPerMinute: 1\n";

  @Test
  void withoutKeysAClientIsPlain() throws InputException {
    ClientGroup g = group("");

    assertThat(g.behaviour()).isEqualTo(ClientBehaviour.PLAIN);
    assertThat(g.kind()).isEqualTo("plain");
  }

  @Test
  void aPresetGivesItsBehaviourAndName() throws InputException {
    ClientGroup g = group("    preset: chrome\n");

    assertThat(g.behaviour()).isEqualTo(new ClientBehaviour(new ClientCache.AtLeast(60), 0, true));
    assertThat(g.kind()).isEqualTo("chrome");
  }

  @Test
  void overridingAPresetMarksItCustom() throws InputException {
    ClientGroup g = group("    preset: chrome\n    connections: 2m\n");

    assertThat(g.behaviour()).isEqualTo(new ClientBehaviour(new ClientCache.AtLeast(60), 120_000, true));
    assertThat(g.kind()).isEqualTo("chrome+custom");
    assertThat(group("    preset: chrome\n    dualStack: true\n    cache: { atLeast: 1m }\n").kind())
        .as("the preset's own values").isEqualTo("chrome");
    assertThat(group("    dualStack: true\n").kind()).isEqualTo("custom");
    assertThat(group("    connections: 0s\n").kind()).isEqualTo("plain");
  }

  @Test
  void everyCacheKind() throws InputException {
    assertThat(cache("none")).isEqualTo(ClientCache.NONE);
    assertThat(cache("{ ttl: { cap: 7200, negativeCap: 900 } }")).isEqualTo(new ClientCache.TtlHonouring(7200, 900));
    assertThat(cache("{ ttl: { cap: 600 } }")).isEqualTo(new ClientCache.TtlHonouring(600, 600));
    assertThat(cache("{ ttl: {} }")).as("no cap").isEqualTo(new ClientCache.TtlHonouring(2_147_483_647, 2_147_483_647));
    assertThat(cache("{ fixed: { positive: 30s, negative: 10s } }")).isEqualTo(new ClientCache.Fixed(30, 10));
    assertThat(cache("{ fixed: { positive: 1m } }")).isEqualTo(new ClientCache.Fixed(60, 60));
    assertThat(cache("{ atLeast: 60s }")).isEqualTo(new ClientCache.AtLeast(60));
    assertThat(cache("{ grace: { lifetime: 60s, grace: 2m } }")).isEqualTo(new ClientCache.Grace(60, 120));
    assertThat(cache("{ grace: { lifetime: ttl, grace: 30s } }")).isEqualTo(new ClientCache.Grace(0, 30));
  }

  @Test
  void cacheKeysLeftOutComeFromAPresetOfTheSameKind() throws InputException {
    assertThat(group("    preset: windows\n    cache: { ttl: { cap: 3600 } }\n").behaviour().cache())
        .isEqualTo(new ClientCache.TtlHonouring(3600, 900));
    assertThat(group("    preset: jvm\n    cache: { fixed: { positive: 60s } }\n").behaviour().cache())
        .isEqualTo(new ClientCache.Fixed(60, 10));
    ClientGroup firefox = group("    preset: firefox\n    cache: { grace: { grace: 5m } }\n");
    assertThat(firefox.behaviour().cache()).isEqualTo(new ClientCache.Grace(60, 300));
    assertThat(firefox.kind()).isEqualTo("firefox+custom");
  }

  // --- bad input ---

  @Test
  void unknownPresetListsTheKnownOnes() {
    assertBad("    preset: safari\n", "bad.yaml:14:13: unknown client preset 'safari'; expected one of: "
        + Presets.CLIENTS.stream().map(ClientPreset::name).collect(Collectors.joining(", ")));
  }

  @Test
  void unknownKeyListsTheClientKeys() {
    assertBad("    cahce: none\n", "bad.yaml:14:5: unknown key 'cahce' in clients[0]; expected one of: name, count, "
        + "queriesPerMinute, queriesPerSecond, resolvers, questions, preset, cache, connections, dualStack, every");
  }

  @Test
  void badCaches() {
    assertBad("    cache: forever\n", "bad.yaml:14:12: unknown cache 'forever'; expected none, "
        + "{ ttl: { cap: 7200, negativeCap: 7200 } }, { fixed: { positive: 30s, negative: 10s } }, { atLeast: 60s } "
        + "or { grace: { lifetime: 60s, grace: 60s } }");
    assertBad("    cache: { atLeast: 60s, fixed: { positive: 1s } }\n",
        "bad.yaml:14:12: clients[0].cache needs exactly one of: ttl, fixed, atLeast, grace");
    assertBad("    cache: {}\n", "bad.yaml:14:12: clients[0].cache needs exactly one of: ttl, fixed, atLeast, grace");
    assertBad("    cache: { minimum: 60s }\n",
        "bad.yaml:14:14: unknown key 'minimum' in clients[0].cache; expected one of: ttl, fixed, atLeast, grace");
    assertBad("    cache: { atLeast: 1500ms }\n",
        "bad.yaml:14:23: 1500ms is not a whole number of seconds (client caches count in seconds)");
    assertBad("    cache: { atLeast: 60 }\n",
        "bad.yaml:14:23: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    assertBad("    cache: { fixed: { negative: 10s } }\n",
        "bad.yaml:14:21: missing required key 'positive' in clients[0].cache.fixed");
    assertBad("    cache: { ttl: { cap: 2h } }\n",
        "bad.yaml:14:26: expected whole seconds without a unit (DNS convention), e.g. 300, got '2h'");
    assertBad("    cache: { grace: { lifetime: 0s, grace: 60s } }\n",
        "bad.yaml:14:33: grace lifetime must be > 0s; write ttl to keep the entry for its TTL");
    assertBad("    cache: { grace: { lifetime: 60s } }\n",
        "bad.yaml:14:21: missing required key 'grace' in clients[0].cache.grace");
  }

  @Test
  void badConnectionsAndDualStack() {
    assertBad("    connections: 2\n", "bad.yaml:14:18: expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    assertBad("    dualStack: yes\n", "bad.yaml:14:16: expected true or false, got 'yes'");
  }

  private static ClientCache cache(String value) throws InputException {
    return group("    cache: " + value + "\n").behaviour().cache();
  }

  private static ClientGroup group(String lines) throws InputException {
    return ScenarioLoader.parse(ScenarioLoaderTest.VALID.replace(RATE, RATE + lines), "ok.yaml").clientGroups().get(0);
  }

  private static void assertBad(String lines, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse(ScenarioLoaderTest.VALID.replace(RATE, RATE + lines), "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }
}
