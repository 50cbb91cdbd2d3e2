package dev.dnsflip.resolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ResolutionTest {
  private static final long LARGEST_DNS_TTL_MS = ((1L << 31) - 1) * 1000;

  @Test
  void packsAnswerHitAndTtlAndReadsThemBack() {
    SplittableRandom random = new SplittableRandom(3);
    for (int i = 0; i < 10_000; i++) {
      int answer = random.nextInt(Resolution.MAX_ANSWERS);
      boolean hit = random.nextBoolean();
      long ttl = random.nextLong(LARGEST_DNS_TTL_MS + 1);
      long r = Resolution.of(answer, hit, ttl);
      assertThat(Resolution.failed(r)).isFalse();
      assertThat(Resolution.answer(r)).isEqualTo(answer);
      assertThat(Resolution.hit(r)).isEqualTo(hit);
      assertThat(Resolution.ttlMs(r)).isEqualTo(ttl);
      assertThat(Resolution.withHit(r, !hit)).isEqualTo(Resolution.of(answer, !hit, ttl));
    }
  }

  @Test
  void theEdgesFit() {
    long r = Resolution.of(0, false, 0);
    assertThat(Resolution.failed(r)).as("answer 0 is an answer").isFalse();
    assertThat(Resolution.answer(r)).isZero();
    long top = Resolution.of(Resolution.MAX_ANSWERS - 1, true, LARGEST_DNS_TTL_MS);
    assertThat(Resolution.answer(top)).isEqualTo(Resolution.MAX_ANSWERS - 1);
    assertThat(Resolution.ttlMs(top)).isEqualTo(LARGEST_DNS_TTL_MS);
    assertThat(Resolution.hit(top)).isTrue();
  }

  @Test
  void aFailureIsNoAnswerNoHitNoTtl() {
    long f = Resolution.of(Upstream.FAILED, true, 5_000);
    assertThat(f).isEqualTo(Resolution.FAILED);
    assertThat(Resolution.answer(f)).isEqualTo(Upstream.FAILED);
    assertThat(Resolution.hit(f)).isFalse();
    assertThat(Resolution.ttlMs(f)).isZero();
    assertThat(Resolution.withHit(f, true)).isEqualTo(Resolution.FAILED);
  }

  @Test
  void refusesWhatDoesNotFit() {
    assertThatThrownBy(() -> Resolution.of(Resolution.MAX_ANSWERS, false, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Resolution.of(1, false, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Resolution.of(1, false, 1L << 41)).isInstanceOf(IllegalArgumentException.class);
  }
}
