package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {
  @Test
  void sameSeedAndEntityGiveTheSameStreamOthersDiffer() {
    RandomStreams a = new RandomStreams(42);
    assertThat(a.stream(RandomStreams.RESOLVER, 7).nextLong())
        .isEqualTo(new RandomStreams(42).stream(RandomStreams.RESOLVER, 7).nextLong())
        .isNotEqualTo(a.stream(RandomStreams.RESOLVER, 8).nextLong())
        .isNotEqualTo(a.stream(RandomStreams.CLIENT, 7).nextLong())
        .isNotEqualTo(a.replication(1).stream(RandomStreams.RESOLVER, 7).nextLong());
    assertThat(a.uniform(RandomStreams.CLIENT, 3, 0)).isEqualTo(new RandomStreams(42).uniform(RandomStreams.CLIENT, 3, 0));
  }

  @Test
  void statelessUniformsAreUniform() {
    RandomStreams s = new RandomStreams(1);
    int bins = 20;
    int n = 100_000;
    long[] counts = new long[bins];
    for (int i = 0; i < n; i++) {
      double u = s.uniform(RandomStreams.CLIENT, i, 0);
      assertThat(u).isGreaterThanOrEqualTo(0).isLessThan(1);
      counts[(int) (u * bins)]++;
    }
    double expected = (double) n / bins;
    double chi2 = 0;
    for (long c : counts) {
      chi2 += (c - expected) * (c - expected) / expected;
    }
    assertThat(chi2).isLessThan(new ChiSquaredDistribution(bins - 1).inverseCumulativeProbability(0.999));
  }
}
