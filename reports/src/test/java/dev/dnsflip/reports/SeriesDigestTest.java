package dev.dnsflip.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.observe.StaleSeries;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesDigestTest {
  @Test
  void coarsensWithDistanceFromTheSwitchAndKeepsEveryBucket() {
    long[] uses = new long[7_200];
    long[] stale = new long[7_200];
    Arrays.fill(uses, 3);
    Arrays.fill(stale, 1);
    List<SeriesDigest.Row> rows = SeriesDigest.rows(new StaleSeries(1_000, uses, stale), 7_200_000);
    // 12 rows of 5 s, 9 of 1 min (to 10 min), 5 of 10 min (to 1 h), 1 of 1 h
    assertThat(rows).hasSize(27);
    assertThat(rows.get(12)).isEqualTo(new SeriesDigest.Row(60_000, 120_000, 180, 60));
    assertThat(rows.get(26)).isEqualTo(new SeriesDigest.Row(3_600_000, 7_200_000, 10_800, 3_600));
    assertThat(rows.stream().mapToLong(SeriesDigest.Row::uses).sum()).isEqualTo(21_600);
    for (int i = 1; i < rows.size(); i++) {
      assertThat(rows.get(i).fromMs()).isEqualTo(rows.get(i - 1).toMs());
    }
  }

  @Test
  void rowsFollowBucketEdgesAndEndWithTheWindow() {
    long[] uses = {10, 10, 10, 10};
    long[] stale = {5, 0, 1, 0};
    List<SeriesDigest.Row> rows = SeriesDigest.rows(new StaleSeries(30_000, uses, stale), 110_000);
    assertThat(rows).containsExactly(
        new SeriesDigest.Row(0, 30_000, 10, 5),
        new SeriesDigest.Row(30_000, 60_000, 10, 0),
        new SeriesDigest.Row(60_000, 110_000, 20, 1));
  }

  @Test
  void aSeriesWithoutStaleUseIsOneRow() {
    long[] uses = new long[100];
    Arrays.fill(uses, 2);
    assertThat(SeriesDigest.rows(new StaleSeries(1_000, uses, new long[100]), 100_000))
        .containsExactly(new SeriesDigest.Row(0, 100_000, 200, 0));
  }
}
