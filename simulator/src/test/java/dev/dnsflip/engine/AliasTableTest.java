package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.junit.jupiter.api.Test;

class AliasTableTest {
  @Test
  void drawsFollowTheWeights() {
    double[] weights = {5, 1, 0, 3, 1};
    AliasTable table = new AliasTable(weights);
    SplittableRandom random = new SplittableRandom(11);
    long[] counts = new long[weights.length];
    int n = 200_000;
    for (int i = 0; i < n; i++) {
      counts[table.sample(random)]++;
    }
    assertThat(counts[2]).as("zero weight is never drawn").isZero();
    double[] expected = {5, 1, 3, 1};
    long[] observed = {counts[0], counts[1], counts[3], counts[4]};
    assertThat(new ChiSquareTest().chiSquareTest(expected, observed, 0.001)).as("rejected at 0.1%").isFalse();
  }

  @Test
  void refusesBadWeights() {
    assertThatThrownBy(() -> new AliasTable(new double[] {})).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new AliasTable(new double[] {0, 0})).hasMessage("weights sum to zero");
    assertThatThrownBy(() -> new AliasTable(new double[] {1, -1})).hasMessageContaining("weight must be");
  }
}
