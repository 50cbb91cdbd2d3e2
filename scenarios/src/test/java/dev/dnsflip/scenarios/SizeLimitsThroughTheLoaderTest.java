package dev.dnsflip.scenarios;

import static dev.dnsflip.scenarios.ScenarioLoaderTest.VALID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.format.InputException;
import dev.dnsflip.simulation.Limits;
import dev.dnsflip.simulation.Scenario;
import org.junit.jupiter.api.Test;

/**
 * The sizes a run could not hold, refused by the loader at the value that sets them, at the limit
 * and one past it; sums are taken in long, so groups whose counts overflow an int are refused too.
 */
class SizeLimitsThroughTheLoaderTest {
  private static Scenario load(String yaml) throws InputException {
    return ScenarioLoader.parse(yaml, "size.yaml");
  }

  private static String clients(String count) {
    String group = "    count: 1\n    queriesPerMinute: 1\n    questions:\n      - { name: www.example.com }\n";
    String withCount = group.replace("count: 1", "count: " + count);
    String twoGroups = VALID.replace(group, withCount + "  - name: d\n" + withCount);
    if (twoGroups.equals(VALID)) {
      throw new AssertionError("the client group of VALID changed: update this test");
    }
    return twoGroups;
  }

  @Test
  void clientsAddedUpInLongAtTheLimitAndPastIt() throws InputException {
    long half = Limits.CLIENTS.max() / 2;
    assertThat(load(clients(Long.toString(half))).clientCount()).isEqualTo(2 * half);
    // Two groups of 2^31 - 1 overflowed an int sum before.
    assertThatThrownBy(() -> load(clients("2147483647"))).isInstanceOf(InputException.class)
        .hasMessageStartingWith("size.yaml:11:3: the client groups add up to 4294967294 clients; the limit is "
            + "1,000,000,000 (clients in a scenario: ");
    assertThatThrownBy(() -> load(clients(Long.toString(half + 1))))
        .hasMessageStartingWith("size.yaml:11:3: the client groups add up to " + (2 * half + 2) + " clients");
  }

  @Test
  void resolverCachesAtTheLimitAndPastIt() throws InputException {
    String atLimit = VALID.replace("  - { name: isp, count: 1 }", "  - { name: isp, count: 100000, backends: 1000 }");
    assertThat(load(atLimit).resolverGroups().get(0).backends()).isEqualTo(1000);
    String past = VALID.replace("  - { name: isp, count: 1 }", "  - { name: isp, count: 100000, backends: 1001 }");
    assertThatThrownBy(() -> load(past))
        .hasMessageStartingWith("size.yaml:9:3: the resolver groups add up to 100100000 caches; the limit is 100,000,000");
  }

  @Test
  void bucketsPerEventAtTheLimitAndPastIt() throws InputException {
    String atLimit = VALID.replace("duration: 10m", "duration: 10000s\nbucket: 1ms");
    assertThat(load(atLimit).bucketMs()).isEqualTo(1);
    String past = VALID.replace("duration: 10m", "duration: 10001s\nbucket: 1ms");
    assertThatThrownBy(() -> load(past)).hasMessageStartingWith(
        "size.yaml:3:9: 10001000 ms in buckets of 1 ms are 10001000 buckets; the limit is 10,000,000");
  }

  @Test
  void durationAndWarmUpAtTheLimitAndPastIt() throws InputException {
    assertThat(load(VALID.replace("duration: 10m", "duration: 3650d\nbucket: 1h")).durationMs())
        .isEqualTo(Limits.DURATION_MS.max());
    assertThatThrownBy(() -> load(VALID.replace("duration: 10m", "duration: 3651d\nbucket: 1h")))
        .hasMessageStartingWith("size.yaml:2:11: the run lasts 315446400000 ms; the limit is 315,360,000,000");
    assertThat(load(VALID.replace("duration: 10m", "duration: 10m\ninitialCache: warmup 3650d"))
        .initialCache().warmupMs()).isEqualTo(Limits.DURATION_MS.max());
    assertThatThrownBy(() -> load(VALID.replace("duration: 10m", "duration: 10m\ninitialCache: warmup 3651d")))
        .hasMessageStartingWith("size.yaml:3:15: the warm-up lasts 315446400000 ms; the limit is");
  }

  @Test
  void aClientsRateAtTheLimitAndPastIt() throws InputException {
    assertThat(load(VALID.replace("queriesPerMinute: 1", "queriesPerSecond: 1000")).clientGroups().get(0)
        .queriesPerSecond()).isEqualTo(1000);
    assertThatThrownBy(() -> load(VALID.replace("queriesPerMinute: 1", "queriesPerSecond: 1000.5")))
        .hasMessageStartingWith("size.yaml:11:5: client group 'c' asks 1000.5 queries per second a client; the limit "
            + "is 1,000");
    assertThatThrownBy(() -> load(VALID.replace("queriesPerMinute: 1", "queriesPerSecond: 1e300")))
        .hasMessageStartingWith("size.yaml:11:5: client group 'c' asks 1.0E300 queries per second a client");
  }

  @Test
  void anInternetMixScaleIsBoundedBeforeItsCountsCouldOverflow() {
    String mix = "resolvers: { mix: internet-mix, scale: %d }\n";
    String base = VALID.replace("resolvers:\n  - { name: isp, count: 1 }\n", "%s");
    assertThatThrownBy(() -> load(base.formatted(mix.formatted(1_000_000))))
        .hasMessageStartingWith("size.yaml:8:12: the resolver groups add up to 291000000 caches; the limit is");
    assertThatThrownBy(() -> load(base.formatted(mix.formatted(1_000_001))))
        .hasMessageStartingWith("size.yaml:8:40: scale 1000001 gives 100000100 resolvers; the limit is 100,000,000");
    assertThatThrownBy(() -> load(base.formatted(mix.formatted(Integer.MAX_VALUE))))
        .hasMessageStartingWith("size.yaml:8:40: scale 2147483647 gives 214748364700 resolvers");
  }
}
