package dev.dnsflip.resolver;

import static dev.dnsflip.simulation.TestScenarios.a;
import static dev.dnsflip.simulation.TestScenarios.question;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.simulation.TestScenarios;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** A capacity-bounded cache evicts the least recently used RRset, and only when full. */
class CapacityTest {
  private final AnswerTable table = AnswerTable.build(new Authority(TestScenarios.account(300,
          List.of(TestScenarios.zone("example.com", a("a.example.com", "192.0.2.1", 1, true),
              a("b.example.com", "192.0.2.2", 1, true), a("c.example.com", "192.0.2.3", 1, true))), List.of())),
      List.of(question("a.example.com", Type.A), question("b.example.com", Type.A), question("c.example.com", Type.A)));
  private final int qa = table.indexOf(question("a.example.com", Type.A));
  private final int qb = table.indexOf(question("b.example.com", Type.A));
  private final int qc = table.indexOf(question("c.example.com", Type.A));

  private CachingResolver cache(int capacity) {
    ResolverPoliciesTest.ScriptedUpstream upstream = new ResolverPoliciesTest.ScriptedUpstream(table);
    return new CachingResolver(table, new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false,
        capacity), upstream);
  }

  @Test
  void evictsTheLeastRecentlyUsedWhenFull() {
    CachingResolver r = cache(2);
    r.resolve(qa, 0, 0);
    r.resolve(qb, 1, 0);
    r.resolve(qa, 2, 0); // a is now more recent than b
    r.resolve(qc, 3, 0);
    assertThat(r.isFresh(qa, 4)).isTrue();
    assertThat(r.isFresh(qb, 4)).as("least recently used: evicted").isFalse();
    assertThat(r.isFresh(qc, 4)).isTrue();
    r.resolve(qb, 5, 0);
    assertThat(r.lastWasHit()).isFalse();
  }

  @Test
  void atCapacityNothingIsEvictedAndUnlimitedNeverEvicts() {
    CachingResolver exact = cache(3);
    CachingResolver unlimited = cache(0);
    for (CachingResolver r : List.of(exact, unlimited)) {
      r.resolve(qa, 0, 0);
      r.resolve(qb, 0, 0);
      r.resolve(qc, 0, 0);
      assertThat(r.isFresh(qa, 1) && r.isFresh(qb, 1) && r.isFresh(qc, 1)).isTrue();
    }
    assertThatThrownBy(() -> new ResolverBehaviour(TtlClamps.NONE, ServeStale.OFF, Prefetch.NONE, false, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
