package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Question;
import dev.dnsflip.format.InputException;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.simulation.Mode;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Names of each client's own ({@code probe-{client}.example.com}) through the loader, the writer and a run. */
class ClientNamePatternsTest {
  static final String VALID = """
      name: probes
      duration: 10m
      account:
        zones:
          - name: example.com
            records:
              - { name: www, type: A, content: 192.0.2.1, proxied: true }
              - { name: "*", type: A, content: 192.0.2.9, ttl: 60 }
      resolvers:
        - { name: isp, count: 3 }
      clients:
        - name: probes
          count: 40
          queriesPerMinute: 2
          questions:
            - { name: "probe-{client}.example.com", type: A }
      switches:
        - { at: 1m, action: enable }
      """;
  //  8 the wildcard record        13 the group's count
  // 16 the question ({ at col 9, its name's value at col 17)
  private static final String QUESTION = "      - { name: \"probe-{client}.example.com\", type: A }\n";
  private static final String WILDCARD = "        - { name: \"*\", type: A, content: 192.0.2.9, ttl: 60 }\n";

  @Test
  void eachClientAsksAPatternQuestionWithItsNumber() throws InputException {
    Scenario s = ScenarioLoader.parse(VALID, "ok.yaml");
    Question q = s.clientGroups().get(0).questions().get(0).question();

    assertThat(q.perClient()).isTrue();
    assertThat(q.name().toString()).isEqualTo("probe-{client}.example.com.");
  }

  @Test
  void placeholderAtMostOnceAndNoOtherBraces() {
    assertBad(VALID.replace(QUESTION, "      - { name: \"p{client}-{client}.example.com\" }\n"),
        "bad.yaml:16:17: 'p{client}-{client}.example.com' holds {client} twice; expected it at most once, where each "
            + "client's number goes");
    assertBad(VALID.replace(QUESTION, "      - { name: \"probe-{id}.example.com\" }\n"),
        "bad.yaml:16:17: 'probe-{id}.example.com' has a brace outside {client}; expected {client} as the only "
            + "placeholder, e.g. probe-{client}.example.com");
  }

  @Test
  void placeholderLeftOfTheZoneApex() {
    assertBad(VALID.replace("    - name: example.com\n", "    - name: \"p{client}.example.com\"\n")
            .replace(QUESTION, "      - { name: \"p{client}.example.com\" }\n"),
        "bad.yaml:16:17: {client} in p{client}.example.com is not in a label left of its zone p{client}.example.com; "
            + "expected it in the leftmost label(s), e.g. probe-{client}.p{client}.example.com");
  }

  @Test
  void theLongestNameMustBeAValidDnsName() throws InputException {
    // The pattern as written is a name too ({client} counts its 8 octets): 55 + 8 = 63 octets.
    String label = "x".repeat(55);
    String yaml = VALID.replace(QUESTION, "      - { name: \"" + label + "{client}.example.com\" }\n");
    assertBad(yaml.replace("count: 40", "count: 100000000"),
        "bad.yaml:16:17: with 100000000 clients the longest name is " + label + "100000000.example.com., not a valid "
            + "DNS name ('" + label + "100000000.example.com.': label too long); expected labels of at most 63 octets "
            + "and a name of at most 255");
    // One client fewer: 55 + 8 digits = 63 octets, the largest number still fits.
    assertThat(parse(yaml.replace("count: 40", "count: 99999999")).clientCount()).isEqualTo(99_999_999);
  }

  @Test
  void aRecordMustAnswerTheClientsNames() {
    assertBad(VALID.replace(WILDCARD, ""),
        "bad.yaml:15:17: no record answers the clients' names probe-{client}.example.com (NXDOMAIN); expected a "
            + "wildcard such as *.example.com to answer them");
  }

  @Test
  void aRecordAtOneClientsNameMustAnswerAsTheWildcardDoes() throws InputException {
    String own = WILDCARD;
    assertBad(VALID.replace(own, own + "        - { name: probe-7, type: A, content: 192.0.2.7, ttl: 60 }\n"),
        "bad.yaml:17:17: client 7's name probe-7.example.com has records of its own, which answer A otherwise than "
            + "the other clients' names (switch disabled); expected one answer for every client's name: remove those "
            + "records or give them the wildcard's");
    // Past the last client's number it is no client's name; with the wildcard's data it answers alike.
    assertThat(parse(VALID.replace(own, own + "        - { name: probe-41, type: A, content: 192.0.2.7 }\n")))
        .isNotNull();
    assertThat(parse(VALID.replace(own, own + "        - { name: probe-7, type: A, content: 192.0.2.9, ttl: 60 }\n")))
        .isNotNull();
  }

  @Test
  void aNameAskedAsWrittenMayNotBeAClientsOwn() {
    assertBad(VALID.replace(QUESTION, QUESTION + "      - { name: probe-12.example.com }\n"),
        "bad.yaml:17:17: probe-12.example.com is also client 12's own name from probe-{client}.example.com (at 16:17); "
            + "expected a name no pattern gives a client, so each client's name stays its own");
  }

  /** Numbers past the clients, even past a long's range, are no client's: such names load (a long overflowed before). */
  @Test
  void aNameWithANumberPastEveryClientIsNoClientsOwn() throws InputException {
    for (String number : new String[] {"41", "9223372036854775807", "9999999999999999999"}) {
      Scenario s = ScenarioLoader.parse(VALID.replace(QUESTION, QUESTION + "      - { name: probe-" + number
          + ".example.com }\n"), "ok.yaml");
      assertThat(s.clientGroups().get(0).questions()).hasSize(2);
    }
    assertBad(VALID.replace(QUESTION, QUESTION + "      - { name: probe-40.example.com }\n"),
        "bad.yaml:17:17: probe-40.example.com is also client 40's own name from probe-{client}.example.com (at 16:17); "
            + "expected a name no pattern gives a client, so each client's name stays its own");
  }

  @Test
  void twoPatternsMayNotGiveTheSameName() {
    assertBad(VALID.replace(QUESTION, QUESTION + "      - { name: \"probe-1{client}.example.com\" }\n"),
        "bad.yaml:17:17: probe-1{client}.example.com may give a client the name probe-{client}.example.com (at 16:17) "
            + "gives another (clients are numbered across the scenario); expected patterns whose names "
            + "cannot meet, e.g. other text before {client}");
  }

  @Test
  void ownNamesCannotReachAUsersCacheLogic() {
    assertBad(VALID.replace("  - { name: isp, count: 3 }\n", "  - { name: isp, count: 3, logic: model }\n"),
        "bad.yaml:16:17: client group 'probes' asks names of each client's own, and its queries reach resolver group "
            + "'isp', whose caches run logic: model (the resolver SPI is handed questions, not clients, so it cannot "
            + "keep each client's name apart); expected the built-in cache there, or a name all clients share");
  }

  @Test
  void thePatternReadsBackFromTheWriter() throws InputException {
    Scenario s = parse(VALID.replace(QUESTION,
        QUESTION + "      - { name: www.example.com, type: AAAA, weight: 2 }\n"));
    String yaml = ScenarioWriter.write(s, List.of());

    assertThat(yaml).contains("\"probe-{client}.example.com\"");
    assertThat(ScenarioLoader.parse(yaml, "written.yaml")).isEqualTo(s);
  }

  @Test
  void aScenarioOfOwnNamesRunsEventByEventAndSaysWhy() throws InputException {
    Scenario s = parse(VALID);
    RunResult result = new Simulation(s, 2, Mode.SKIP).run();

    assertThat(result.summary().queries()).isPositive();
    assertThat(result.summary().partitionsSkippingAhead()).isZero();
    assertThat(result.summary().eventByEventBecause()).containsOnlyKeys(
        "clients asking names of their own (skipping ahead draws the hits of one entry per question)");
    assertThat(result.events().get(0).closedFormNote())
        .isEqualTo("the closed form sums shared entries per cache; clients here ask names of their own");
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
