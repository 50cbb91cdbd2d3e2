package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.NodeEdit;
import dev.dnsflip.format.ValueOverride;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.simulation.Scenario;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code --set PATH=VALUE}: the file's tree edited before it is read, every value checked as if written. */
class OverrideTest {
  private static final String FILE = ScenarioLoaderTest.VALID.replace("  - { name: isp, count: 1 }\n",
      "  - { name: isp, count: 1 }\n  - { name: public, count: 2 }\n");

  @Test
  void aValueAListItemByNameAndByPositionAndAKeyTheFileLeftOut() throws InputException {
    Scenario s = read("account.autoTtl=60", "resolvers.public.count=5", "clients[0].count=3",
        "resolvers.isp.serveStale=on", "account.zones[example.com].records[0].content=192.0.2.9");
    assertThat(s.account().autoTtlSeconds()).isEqualTo(60);
    assertThat(s.resolverGroups().get(1).count()).isEqualTo(5);
    assertThat(s.clientGroups().get(0).count()).isEqualTo(3);
    assertThat(s.resolverGroups().get(0).behaviour().serveStale().enabled()).isTrue();
    assertThat(s.resolverGroups().get(1).behaviour().serveStale()).isEqualTo(ServeStale.OFF);
    assertThat(s.account().zones().get(0).records().get(0).record().rdataToString()).isEqualTo("192.0.2.9");
  }

  @Test
  void aWholeSectionMayBeReplacedAndTheLastOverrideWins() throws InputException {
    Scenario s = read("account.propagation={ fixed: 0s }", "account.autoTtl=60", "account.autoTtl=120");
    assertThat(s.propagation()).isEqualTo(new dev.dnsflip.authority.Propagation.Fixed(0));
    assertThat(s.account().autoTtlSeconds()).isEqualTo(120);
  }

  @Test
  void withoutOverridesTheTreeIsUnchanged() throws InputException {
    assertThat(read()).isEqualTo(ScenarioLoader.parse(FILE, "t.yaml"));
  }

  @Test
  void aBadValueIsPlacedAtTheOptionWithTheReadersOwnMessage() {
    assertBad("--set account.autoTtl:1:1: expected whole seconds without a unit (DNS convention), e.g. 300, "
        + "got 'abc'", "account.autoTtl=abc");
    assertBad("--set resolvers.isp.count:1:1: count must be", "resolvers.isp.count=-1");
    assertBad("--set resolvers.isp.sreveStale:1:1: unknown key 'sreveStale' in resolvers[0]",
        "resolvers.isp.sreveStale=on");
  }

  @Test
  void aPathThatDoesNotExistSaysWhere() {
    assertBad("--set resolvers.cdn.count:1:1: resolvers.cdn does not exist: resolvers has no item named 'cdn'",
        "resolvers.cdn.count=1");
    assertBad("--set resolvers[2].count:1:1: resolvers[2] does not exist: resolvers has 2 items (counted from 0)",
        "resolvers[2].count=1");
    assertBad("--set acount.autoTtl:1:1: acount does not exist: the file has no 'acount'", "acount.autoTtl=60");
    assertBad("--set name.first:1:1: name is a value, not a section: it has no 'first'", "name.first=x");
    assertBad("--set account[0]:1:1: account is a mapping: name a key, not [0]", "account[0]=x");
  }

  @Test
  void malformedOptionsAreRefusedBeforeAnyFileIsRead() {
    assertThatThrownBy(() -> ValueOverride.parse("--set", "account.autoTtl"))
        .hasMessage("--set account.autoTtl: expected PATH=VALUE, e.g. account.autoTtl=60");
    assertThatThrownBy(() -> ValueOverride.parse("--set", "account.autoTtl="))
        .hasMessage("--set account.autoTtl=: expected a value after '='");
    assertThatThrownBy(() -> ValueOverride.parse("--set", "account..autoTtl=1"))
        .hasMessageStartingWith("--set account..autoTtl: the path has an empty step");
    assertThatThrownBy(() -> ValueOverride.parse("--set", "account.=1"))
        .hasMessageStartingWith("--set account.: the path has an empty step");
    assertThatThrownBy(() -> ValueOverride.parse("--set", "resolvers[0=1"))
        .hasMessageStartingWith("--set resolvers[0: the path has a '[' without its ']'");
  }

  private static Scenario read(String... sets) throws InputException {
    List<ValueOverride> overrides = Arrays.stream(sets).map(s -> ValueOverride.parse("--set", s)).toList();
    return ScenarioMapping.map(NodeEdit.apply(ScenarioLoader.tree(FILE, "t.yaml"), overrides),
        java.nio.file.Path.of("")).scenario();
  }

  private static void assertBad(String messageStart, String... sets) {
    assertThatThrownBy(() -> read(sets)).isInstanceOf(InputException.class).hasMessageStartingWith(messageStart);
  }
}
