package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.Test;

class LogFactorialTest {
  @Test
  void tabledAndComputedValuesAreTheSameBitsAsLogGamma() {
    for (long k : new long[] {0, 1, 2, 9, 10, 4094, 4095, 4096, 4097, 1_000_000}) {
      assertThat(Double.doubleToRawLongBits(LogFactorial.of(k)))
          .as("ln %d!", k).isEqualTo(Double.doubleToRawLongBits(Gamma.logGamma(k + 1.0)));
    }
    assertThat(LogFactorial.of(0)).isZero();
    assertThat(LogFactorial.of(5)).isCloseTo(Math.log(120), org.assertj.core.data.Offset.offset(1e-12));
  }
}
