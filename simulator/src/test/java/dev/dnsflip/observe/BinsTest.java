package dev.dnsflip.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** A bin by multiplication and shift is the bin by division, at every edge up to 2^31 − 1. */
class BinsTest {
  @ParameterizedTest(name = "width {0}")
  @ValueSource(ints = {1, 2, 3, 7, 1000, 1024, 5000, 65_537, 1_048_579, 1 << 30, (1 << 30) + 1, Integer.MAX_VALUE})
  void theBinOfAnOffsetIsItsQuotientAtEveryEdge(int width) {
    Bins bins = new Bins(width, Integer.MAX_VALUE);
    for (long k = 0; k * width <= Integer.MAX_VALUE && k < 100_000; k++) {
      for (long offset : new long[] {k * width - 1, k * width, k * width + 1}) {
        if (offset >= 0 && offset <= Integer.MAX_VALUE) {
          assertThat(bins.of((int) offset)).as("offset %d", offset).isEqualTo((int) (offset / width));
        }
      }
    }
    assertThat(bins.of(Integer.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE / width);
    assertThat(bins.of(Integer.MAX_VALUE - 1)).isEqualTo((Integer.MAX_VALUE - 1) / width);
    SplittableRandom random = new SplittableRandom(width);
    for (int i = 0; i < 100_000; i++) {
      int offset = random.nextInt(Integer.MAX_VALUE);
      assertThat(bins.of(offset)).as("offset %d", offset).isEqualTo(offset / width);
    }
  }

  /** The width divides the bucket, so every bucket's edge is a bin's, as fine as 4,096 bins allow. */
  @ParameterizedTest(name = "window {0} ms, buckets of {1} ms: {2} bins of {3} ms")
  @CsvSource({
      "3000000, 5000, 3000, 1000", // the fixed benchmark: 600 buckets, a fifth of a bucket each
      "3600000, 5000, 3600, 1000",
      "300000, 600000, 4000, 75", // one bucket longer than the window
      "4096, 1, 4096, 1", // as many buckets as bins
      "1000, 7, 1000, 1", // 7 has no divisor but 1 and itself
      "20480000, 5000, 4096, 5000", // 4,096 buckets: one bin each
      "0, 5000, 1, 1"})
  void binsAreAsFineAsTheCapAllowsAndEdgeEveryBucket(long window, long bucket, int count, int width) {
    Bins bins = Bins.of(window, bucket, 4096);
    assertThat(bins.count()).isEqualTo(count);
    assertThat(bins.width()).isEqualTo(width);
    assertThat(bucket % bins.width()).isZero();
  }

  @ParameterizedTest(name = "window {0} ms, buckets of {1} ms")
  @CsvSource({"20480001, 5000", "4097, 1", "3600000, 1"})
  void aWindowOfMoreBucketsThanBinsHasNone(long window, long bucket) {
    assertThat(Bins.of(window, bucket, 4096)).isNull();
  }
}
