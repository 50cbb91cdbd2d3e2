package dev.dnsflip.authority;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.engine.AliasTable;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.TtlClamps;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A model's refusal is a {@link ModelRuleException}, so the explorer and the readers can try
 * values out without mistaking any other failure (a bug) for a refused model.
 */
class ModelRuleExceptionTest {
  private static final WeightedQuestion WWW =
      new WeightedQuestion(new Question(Name.fromConstantString("www.example.com."), Type.A), 1);

  @Test
  void modelsRefuseBrokenRulesWithTheDedicatedType() {
    assertThatThrownBy(() -> new ResolverGroup("r", 0)).isExactlyInstanceOf(ModelRuleException.class)
        .hasMessage("resolver group 'r' needs count >= 1");
    assertThatThrownBy(() -> new ClientGroup("c", 1, 0, Map.of(), List.of(WWW)))
        .isExactlyInstanceOf(ModelRuleException.class).hasMessage("client group 'c' needs a query rate > 0");
    assertThatThrownBy(() -> new TtlClamps(10, 9, 0, 0)).isExactlyInstanceOf(ModelRuleException.class);
    assertThatThrownBy(() -> new Soa(-1, 60)).isExactlyInstanceOf(ModelRuleException.class);
  }

  @Test
  void anEngineMisuseIsAPlainIllegalArgumentNotARefusedModel() {
    assertThatThrownBy(() -> new AliasTable(new double[0])).isExactlyInstanceOf(IllegalArgumentException.class);
  }
}
