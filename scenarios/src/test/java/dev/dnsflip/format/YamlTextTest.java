package dev.dnsflip.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one quoting rule and the one duration form of every writer. */
class YamlTextTest {
  @Test
  void scalarsYamlWouldMisreadAreQuoted() {
    assertThat(YamlText.scalar("www")).isEqualTo("www");
    assertThat(YamlText.scalar("192.0.2.1")).isEqualTo("192.0.2.1");
    assertThat(YamlText.scalar("_dmarc")).isEqualTo("_dmarc");
    assertThat(YamlText.scalar("@")).isEqualTo("\"@\"");
    assertThat(YamlText.scalar("*")).isEqualTo("\"*\"");
    assertThat(YamlText.scalar("2001:db8::1")).isEqualTo("\"2001:db8::1\"");
    assertThat(YamlText.scalar("1")).isEqualTo("\"1\"");
    assertThat(YamlText.scalar("1.5")).isEqualTo("\"1.5\"");
    assertThat(YamlText.scalar("on")).isEqualTo("\"on\"");
    assertThat(YamlText.scalar("No")).isEqualTo("\"No\"");
    assertThat(YamlText.scalar("a\"b")).isEqualTo("\"a\\\"b\"");
    assertThat(YamlText.scalar("a b")).isEqualTo("\"a b\"");
    assertThat(YamlText.scalar("tab\there")).isEqualTo("\"tab\\x09here\"");
    assertThat(YamlText.scalar("")).isEqualTo("\"\"");
  }

  @Test
  void durationsTakeTheLargestExactUnit() {
    assertThat(YamlText.duration(0)).isEqualTo("0s");
    assertThat(YamlText.duration(999)).isEqualTo("999ms");
    assertThat(YamlText.duration(1000)).isEqualTo("1s");
    assertThat(YamlText.duration(59_000)).isEqualTo("59s");
    assertThat(YamlText.duration(60_000)).isEqualTo("1m");
    assertThat(YamlText.duration(60_001)).isEqualTo("60001ms");
    assertThat(YamlText.duration(3_600_000)).isEqualTo("1h");
    assertThat(YamlText.duration(3_660_000)).isEqualTo("61m");
  }
}
