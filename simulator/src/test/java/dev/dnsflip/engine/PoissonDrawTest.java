package dev.dnsflip.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoissonDrawTest {
  @Test
  void reusingTheConstantsDrawsTheSameCountsFromTheSameState() {
    // Means below, at and above where inversion gives way, repeated and alternating, as bulk draws ask them.
    double[] means = {83.3, 83.3, 9.999, 10, 10, 83.3, 0, 2_500, 2_500, 1e7, 0.5, 83.3};
    SplittableRandom one = new SplittableRandom(7);
    SplittableRandom two = new SplittableRandom(7);
    PoissonDraw.Reusing reusing = new PoissonDraw.Reusing();
    for (int round = 0; round < 1_000; round++) {
      for (double mean : means) {
        assertThat(reusing.sample(two, mean)).as("mean %s", mean).isEqualTo(PoissonDraw.sample(one, mean));
      }
    }
    assertThat(two.nextLong()).as("both streams at the same state").isEqualTo(one.nextLong());
  }
}
