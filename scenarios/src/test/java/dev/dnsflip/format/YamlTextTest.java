package dev.dnsflip.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one quoting rule and the one duration form of every writer. */
class YamlTextTest {
  @Test
  void scalarsYamlWouldMisreadAreQuoted() {
    String[][] cases = {
        {"www", "www"}, {"192.0.2.1", "192.0.2.1"}, {"_dmarc", "_dmarc"}, {"@", "\"@\""}, {"*", "\"*\""},
        {"2001:db8::1", "\"2001:db8::1\""}, {"1", "\"1\""}, {"1.5", "\"1.5\""}, {"on", "\"on\""}, {"No", "\"No\""},
        {"a\"b", "\"a\\\"b\""}, {"a b", "\"a b\""}, {"tab\there", "\"tab\\x09here\""}, {"", "\"\""}};
    for (String[] c : cases) {
      assertThat(YamlText.scalar(c[0])).as(c[0]).isEqualTo(c[1]);
    }
  }

  @Test
  void durationsTakeTheLargestExactUnit() {
    Object[][] cases = {
        {0L, "0s"}, {999L, "999ms"}, {1_000L, "1s"}, {59_000L, "59s"}, {60_000L, "1m"}, {60_001L, "60001ms"},
        {3_600_000L, "1h"}, {3_660_000L, "61m"}};
    for (Object[] c : cases) {
      assertThat(YamlText.duration((Long) c[0])).as("%d ms", c[0]).isEqualTo(c[1]);
    }
  }
}
