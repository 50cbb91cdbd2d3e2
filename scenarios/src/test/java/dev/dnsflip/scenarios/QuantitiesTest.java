package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class QuantitiesTest {
  @Test
  void durationsAreWholeMillisecondsWithAUnit() {
    assertThat(Quantities.durationMs("0ms")).isZero();
    assertThat(Quantities.durationMs("1ms")).isEqualTo(1);
    assertThat(Quantities.durationMs("1.5s")).isEqualTo(1_500);
    assertThat(Quantities.durationMs("1.001s")).isEqualTo(1_001);
    assertThat(Quantities.durationMs("5m")).isEqualTo(300_000);
    assertThat(Quantities.durationMs("2h")).isEqualTo(7_200_000);
    assertThat(Quantities.durationMs("1d")).isEqualTo(86_400_000);
    assertThat(Quantities.durationMs("0.5m")).isEqualTo(30_000);
  }

  @Test
  void aDurationFinerThanAMillisecondIsRefused() {
    assertThatThrownBy(() -> Quantities.durationMs("1.0005s"))
        .hasMessage("1.0005s is not a whole number of milliseconds");
    assertThatThrownBy(() -> Quantities.durationMs("0.5ms"))
        .hasMessage("0.5ms is not a whole number of milliseconds");
  }

  @Test
  void aDurationWithoutUnitOrWithASignIsRefused() {
    for (String bad : new String[] {"30", "-5s", "30 s", "s", "1.s", "5sec", ""}) {
      assertThatThrownBy(() -> Quantities.durationMs(bad))
          .as(bad).hasMessage("expected a duration with a unit (ms, s, m, h, d), e.g. 30s");
    }
  }

  @Test
  void anAbsurdlyLongDurationIsRefusedNotWrapped() {
    assertThatThrownBy(() -> Quantities.durationMs("99999999999999999d")).hasMessage("99999999999999999d is too long");
  }

  @Test
  void percentagesAreFractions() {
    assertThat(Quantities.percentage("5%")).isEqualTo(0.05);
    assertThat(Quantities.percentage("0%")).isZero();
    assertThat(Quantities.percentage("100%")).isEqualTo(1.0);
    assertThat(Quantities.percentage("0.1%")).isEqualTo(0.001);
    assertThatThrownBy(() -> Quantities.percentage("5")).hasMessage("expected a percentage, e.g. 5%, got '5'");
  }

  @Test
  void sharesArePercentagesOrNonNegativeNumbers() {
    assertThat(Quantities.share("70%")).isEqualTo(0.7);
    assertThat(Quantities.share("0.3")).isEqualTo(0.3);
    assertThat(Quantities.share("0")).isZero();
    assertThatThrownBy(() -> Quantities.share("-0.1")).hasMessage("a share must be >= 0, got -0.1");
  }

  @Test
  void integersAllowDigitGroupsAndNothingElse() {
    assertThat(Quantities.integer("10_000")).isEqualTo(10_000);
    assertThat(Quantities.integer("-5")).isEqualTo(-5);
    assertThatThrownBy(() -> Quantities.integer("1.5")).hasMessage("expected an integer, got '1.5'");
    assertThatThrownBy(() -> Quantities.integer("0x10")).hasMessage("expected an integer, got '0x10'");
    assertThatThrownBy(() -> Quantities.integer("99999999999999999999")).hasMessage("99999999999999999999 is too large");
    assertThatThrownBy(() -> Quantities.count("3000000000")).hasMessage("3000000000 is too large");
  }

  @Test
  void ttlsArePlainSeconds() {
    assertThat(Quantities.seconds("300")).isEqualTo(300);
    assertThatThrownBy(() -> Quantities.seconds("30s"))
        .hasMessage("expected whole seconds without a unit (DNS convention), e.g. 300, got '30s'");
  }

  @Test
  void booleansAreOnlyTrueAndFalse() {
    assertThat(Quantities.bool("true")).isTrue();
    assertThat(Quantities.bool("false")).isFalse();
    assertThatThrownBy(() -> Quantities.bool("yes")).hasMessage("expected true or false, got 'yes'");
  }
}
