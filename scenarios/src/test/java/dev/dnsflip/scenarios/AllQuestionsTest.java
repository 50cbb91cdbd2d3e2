package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.format.InputException;
import dev.dnsflip.simulation.Scenario;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code questions:} left out or {@code all}: A and AAAA of every modelled name, equal weights. */
class AllQuestionsTest {
  private static final String FILE = ScenarioLoaderTest.VALID
      .replace("        - { name: www, type: A, content: 192.0.2.1, proxied: true }\n", """
                  - { name: www, type: A, content: 192.0.2.1, proxied: true }
                  - { name: www, type: AAAA, content: "2001:db8::1", proxied: true }
                  - { name: api, type: CNAME, content: www.example.com, proxied: true }
          """);

  @Test
  void leftOutOrAllGivesEveryModelledNameBothFamiliesInFileOrder() throws InputException {
    Scenario omitted = ScenarioLoader.parse(FILE.replace("    questions:\n      - { name: www.example.com }\n", ""),
        "t.yaml");
    Scenario all = ScenarioLoader.parse(FILE.replace("    questions:\n      - { name: www.example.com }\n",
        "    questions: all\n"), "t.yaml");
    assertThat(texts(omitted.clientGroups().get(0).questions())).containsExactly(
        "www.example.com. A 1.0", "www.example.com. AAAA 1.0", "api.example.com. A 1.0", "api.example.com. AAAA 1.0");
    assertThat(all.clientGroups()).isEqualTo(omitted.clientGroups());
  }

  @Test
  void aCnameLeavingTheModelledZonesIsRefusedWithWhatToDo() {
    String file = FILE.replace("content: www.example.com,", "content: shop.saas.example.net,")
        .replace("    questions:\n      - { name: www.example.com }\n", "    questions: all\n");
    assertThatThrownBy(() -> ScenarioLoader.parse(file, "t.yaml")).isInstanceOf(InputException.class)
        .hasMessageStartingWith("t.yaml:16:16: questions: all includes api.example.com, and resolving it A with the "
            + "switch enabled fails: shop.saas.example.net. is in no zone of the account and no external zone ")
        .hasMessageEndingWith("(add the target's zone under external:, or list the questions)");
  }

  @Test
  void anotherWordIsRefused() {
    String file = FILE.replace("    questions:\n      - { name: www.example.com }\n", "    questions: every\n");
    assertThatThrownBy(() -> ScenarioLoader.parse(file, "t.yaml")).isInstanceOf(InputException.class)
        .hasMessage("t.yaml:16:16: unknown questions 'every'; expected all or a list of questions");
  }

  private static List<String> texts(List<WeightedQuestion> questions) {
    return questions.stream().map(q -> q.question().name() + " " + org.xbill.DNS.Type.string(q.question().type())
        + " " + q.weight()).toList();
  }
}
