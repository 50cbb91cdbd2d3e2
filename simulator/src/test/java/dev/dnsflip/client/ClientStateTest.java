package dev.dnsflip.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.engine.RandomStreams;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientStateTest {
  private static final int TABLE_QUESTIONS = 40;

  private final Population population = Population.assign(PopulationTest.CLIENTS, PopulationTest.RESOLVERS,
      new RandomStreams(7));

  /** Browsers keep no state, apps keep it for two questions, jvms for one (listed twice). */
  private final ClientState state = new ClientState(population, new int[][] {{}, {3, 17}, {5, 5}}, TABLE_QUESTIONS);

  @Test
  void isSizedByTheQuestionsEachGroupKeepsStateFor() {
    int apps = 250;
    int jvms = 150;
    assertThat(state.size()).isEqualTo(apps * 2 + jvms).isLessThan(population.clients() * TABLE_QUESTIONS);
  }

  @Test
  void givesEveryClientItsOwnSlotsOneResolverAfterAnother() {
    Set<Integer> seen = new HashSet<>();
    int expected = 0;
    int[][] asked = {{}, {3, 17}, {5}};
    for (int r = 0; r < population.resolvers(); r++) {
      for (int g = 0; g < population.groups(); g++) {
        for (int i = 0; i < population.count(r, g); i++) {
          int base = state.base(r, g, population.member(r, g, i));
          for (int q : asked[g]) {
            int slot = state.index(base, g, q);
            assertThat(slot).as("slots follow the clients' order").isEqualTo(expected++);
            assertThat(seen.add(slot)).isTrue();
          }
        }
      }
    }
    assertThat(seen).hasSize(state.size());
  }

  @Test
  void startsEmptyAndKeepsWhatIsStored() {
    int r = 3;
    int base = state.base(r, 1, population.first(r, 1));
    int slot = state.index(base, 1, 17);
    assertThat(state.cached(slot)).isEqualTo(-1);
    assertThat(state.cachedUntil(slot)).isEqualTo(Long.MIN_VALUE);
    assertThat(state.connected(slot)).isEqualTo(-1);

    state.cache(slot, 9, 60_000);
    state.connect(slot, 8, 90_000);
    assertThat(state.cached(slot)).isEqualTo(9);
    assertThat(state.cachedUntil(slot)).isEqualTo(60_000);
    assertThat(state.connected(slot)).isEqualTo(8);
    assertThat(state.connectedUntil(slot)).isEqualTo(90_000);
    assertThat(state.cached(state.index(base, 1, 3))).as("the other question's slot").isEqualTo(-1);
  }

  @Test
  void refusesAQuestionTheGroupDoesNotKeepStateFor() {
    assertThatThrownBy(() -> state.index(0, 1, 4)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> state.index(0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
  }
}
