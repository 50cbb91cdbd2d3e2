package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.presets.InternetMix;
import dev.dnsflip.resolver.Restarts;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Populations by name (mixes); single groups are covered by the loader and mapping tests. */
class PopulationMappingTest {
  private static final String RESOLVERS = "resolvers:\n  - { name: isp, count: 1 }\n";
  /** Lines 11 and 12 of {@link ScenarioLoaderTest#VALID}: the client group's name and count. */
  private static final String CLIENT = "  - name: c\n    count: 1\n";
  /** Line 13 of {@link ScenarioLoaderTest#VALID}: the client group's rate. */
  private static final String RATE = "    queriesPerMinute: 1\n";

  @Test
  void resolversMayBeAMixAtAScale() throws InputException {
    Scenario s = parse(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet-mix, scale: 2 }\n"));

    assertThat(s.resolverGroups()).isEqualTo(InternetMix.resolvers(2));
    assertThat(s.resolverCount()).isEqualTo(200);
    assertThat(parse(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet-mix }\n")).resolverGroups())
        .as("scale 1 by default").isEqualTo(InternetMix.resolvers(1));
  }

  @Test
  void aClientItemMayBeAMixNextToOrdinaryGroups() throws InputException {
    Scenario s = parse(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet-mix }\n")
        .replace(CLIENT, "  - mix: internet-mix\n    count: 1000\n"));
    List<WeightedQuestion> questions = s.clientGroups().get(0).questions();

    assertThat(s.clientGroups()).isEqualTo(InternetMix.clients(1000, 1.0 / 60, questions));
    assertThat(s.clientGroups()).extracting(ClientGroup::kind).containsExactly("chrome", "browser-keepalive",
        "firefox", "jvm", "go", "curl", "windows", "systemd-resolved-stub");

    Scenario both = parse(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet-mix }\n")
        .replace("clients:\n", """
            clients:
              - { name: floor-only, count: 5, queriesPerSecond: 1, resolvers: { isp-floor-3600: 1 },
                  questions: [ { name: www.example.com } ] }
              - { mix: internet-mix, count: 50, queriesPerMinute: 2, questions: [ { name: www.example.com } ] }
            """));
    assertThat(both.clientGroups()).hasSize(10);
    assertThat(both.clientGroups().get(0).resolverShares()).isEqualTo(Map.of("isp-floor-3600", 1.0));
    assertThat(both.clientCount()).isEqualTo(5 + 50 + 1);
  }

  @Test
  void aGroupMayQueryOnAFixedScheduleUpToTheRunsLength() throws InputException {
    ClientGroup tenMinutes = parse(ScenarioLoaderTest.VALID.replace(RATE, "    every: 10m\n")).clientGroups().get(0);
    assertThat(tenMinutes.everyMs()).as("the whole run of 10m").isEqualTo(600_000);
    assertThat(tenMinutes.queriesPerSecond()).isEqualTo(1.0 / 600);
    assertThat(parse(ScenarioLoaderTest.VALID.replace(RATE, "    every: 1ms\n")).clientGroups().get(0).everyMs())
        .isEqualTo(1);
    assertThat(parse(ScenarioLoaderTest.VALID).clientGroups().get(0).isScheduled()).isFalse();
  }

  @Test
  void aResolverGroupMayRestartAtInstantsOrPeriodically() throws InputException {
    assertThat(parse(ScenarioLoaderTest.VALID.replace(RESOLVERS,
        "resolvers:\n  - { name: isp, count: 1, restarts: [ { at: 1ms }, { at: 30s } ] }\n"))
        .resolverGroups().get(0).restarts()).isEqualTo(Restarts.at(List.of(1L, 30_000L)));
    assertThat(parse(ScenarioLoaderTest.VALID.replace(RESOLVERS,
        "resolvers:\n  - { name: isp, count: 1, restarts: { every: 6h } }\n"))
        .resolverGroups().get(0).restarts()).isEqualTo(Restarts.every(6 * 3_600_000L));
    assertThat(parse(ScenarioLoaderTest.VALID).resolverGroups().get(0).restarts()).isEqualTo(Restarts.NONE);
  }

  @Test
  void restartsInsideTheRunInOrderOrWithAPositivePeriod() {
    String at = "resolvers:\n  - { name: isp, count: 1, restarts: [ %s ] }\n";
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, at.formatted("{ at: 0s }")),
        "bad.yaml:9:46: restart at 0s is outside the run (0, 600000 ms)");
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, at.formatted("{ at: 10m }")),
        "bad.yaml:9:46: restart at 10m is outside the run (0, 600000 ms)");
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, at.formatted("{ at: 2m }, { at: 2m }")),
        "bad.yaml:9:58: restart at 2m is not after the previous one; restarts must be in strictly increasing time");
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, at.formatted("")),
        "bad.yaml:9:38: restarts needs at least one { at: ... }, or { every: ... }");
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS,
        "resolvers:\n  - { name: isp, count: 1, restarts: { every: 0s } }\n"),
        "bad.yaml:9:47: restarts every must be > 0, got 0s");
  }

  // --- bad input ---

  @Test
  void aFixedScheduleNeedsAPeriodWithinTheRunAndNoRate() {
    assertBad(ScenarioLoaderTest.VALID.replace(RATE, "    every: 0s\n"), "bad.yaml:13:12: every must be > 0, got 0s");
    assertBad(ScenarioLoaderTest.VALID.replace(RATE, "    every: 600001ms\n"),
        "bad.yaml:13:12: every 600001ms is longer than the run (600000 ms): some clients would never query");
    assertBad(ScenarioLoaderTest.VALID.replace(RATE, RATE + "    every: 10m\n"),
        "bad.yaml:13:23: give either every (a fixed schedule) or a query rate, not both in clients[0]");
    // A mix's groups are Poisson clients of the mix's presets.
    assertBad(ScenarioLoaderTest.VALID.replace(CLIENT, "  - mix: internet-mix\n    count: 100\n    every: 1m\n"),
        "bad.yaml:13:5: unknown key 'every' in clients[0]; expected one of: mix, count, queriesPerMinute, "
            + "queriesPerSecond, questions");
  }

  @Test
  void unknownMixListsTheKnownOnes() {
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet }\n"),
        "bad.yaml:8:19: unknown mix 'internet'; expected one of: internet-mix");
    assertBad(ScenarioLoaderTest.VALID.replace(CLIENT, "  - mix: web\n    count: 100\n"),
        "bad.yaml:11:10: unknown mix 'web'; expected one of: internet-mix");
  }

  @Test
  void resolverMixKeys() {
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet-mix, scale: 0 }\n"),
        "bad.yaml:8:40: scale must be >= 1, got 0");
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { mix: internet-mix, count: 10 }\n"),
        "bad.yaml:8:33: unknown key 'count' in resolvers; expected one of: mix, scale");
    assertBad(ScenarioLoaderTest.VALID.replace(RESOLVERS, "resolvers: { scale: 10 }\n"),
        "bad.yaml:8:12: missing required key 'mix' in resolvers");
  }

  @Test
  void aClientMixTakesNoSharesAndNoBehaviour() {
    assertBad(ScenarioLoaderTest.VALID.replace(CLIENT, "  - mix: internet-mix\n    count: 100\n    resolvers: { isp: 1 }\n"),
        "bad.yaml:13:5: a client mix spreads over the resolver groups in proportion to their counts: resolvers shares "
            + "cannot be given in clients[0]");
    assertBad(ScenarioLoaderTest.VALID.replace(CLIENT, "  - mix: internet-mix\n    count: 100\n    preset: go\n"),
        "bad.yaml:13:5: unknown key 'preset' in clients[0]; expected one of: mix, count, queriesPerMinute, "
            + "queriesPerSecond, questions");
  }

  @Test
  void aClientMixTooSmallToSplit() {
    assertBad(ScenarioLoaderTest.VALID.replace(CLIENT, "  - mix: internet-mix\n    count: 5\n"),
        "bad.yaml:12:12: count 5 is too small to split over the groups of internet-mix (client group "
            + "'browser-keepalive' needs count >= 1)");
  }

  @Test
  void aClientMixClashingWithAGroupName() {
    assertBad(ScenarioLoaderTest.VALID.replace(CLIENT, "  - { name: firefox, count: 1, queriesPerMinute: 1, "
        + "questions: [ { name: www.example.com } ] }\n  - mix: internet-mix\n    count: 100\n"),
        "bad.yaml:12:10: duplicate client group 'firefox' (from internet-mix; first at 11:13)");
  }

  private static Scenario parse(String yaml) throws InputException {
    return ScenarioLoader.parse(yaml, "ok.yaml");
  }

  private static void assertBad(String yaml, String message) {
    assertThatThrownBy(() -> ScenarioLoader.parse(yaml, "bad.yaml"))
        .isInstanceOf(InputException.class)
        .hasMessage(message);
  }
}
