package dev.dnsflip.reports;

import dev.dnsflip.observe.StaleSeries;
import java.util.ArrayList;
import java.util.List;

/**
 * Condenses a stale series into a few rows a person can read: 5 s steps for the first minute,
 * where the share moves fastest, then 1 min steps to 10 min, 10 min steps to 1 h, then hourly.
 * Every bucket falls in exactly one row, so row counts add up to the series. The all-zero tail
 * after the last row with a stale use collapses into one row showing 0.
 */
final class SeriesDigest {
  /** Uses in [fromMs, toMs) after the switch. */
  record Row(long fromMs, long toMs, long uses, long staleUses) {
    double share() {
      return uses == 0 ? Double.NaN : (double) staleUses / uses;
    }
  }

  private SeriesDigest() {}

  /** @param windowMs the event window's length: the last bucket may end past it */
  static List<Row> rows(StaleSeries series, long windowMs) {
    long bucketMs = series.bucketMs();
    int buckets = series.buckets();
    long endMs = windowMs > 0 ? Math.min(windowMs, buckets * bucketMs) : buckets * bucketMs;
    List<Row> all = new ArrayList<>();
    int from = 0;
    long offset = 0;
    while (from < buckets) {
      int to = from;
      while (to <= from) {
        offset = nextOffset(offset);
        to = (int) Math.min(buckets, ceilDiv(offset, bucketMs));
      }
      all.add(sum(series, from, to, endMs));
      from = to;
    }
    int lastStale = -1;
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).staleUses() > 0) {
        lastStale = i;
      }
    }
    if (lastStale >= all.size() - 2) {
      return all;
    }
    List<Row> rows = new ArrayList<>(all.subList(0, lastStale + 1));
    Row first = all.get(lastStale + 1);
    long uses = all.subList(lastStale + 1, all.size()).stream().mapToLong(Row::uses).sum();
    rows.add(new Row(first.fromMs(), endMs, uses, 0));
    return rows;
  }

  private static long nextOffset(long offsetMs) {
    if (offsetMs < 60_000) {
      return offsetMs + 5_000;
    }
    if (offsetMs < 600_000) {
      return offsetMs + 60_000;
    }
    if (offsetMs < 3_600_000) {
      return offsetMs + 600_000;
    }
    return offsetMs + 3_600_000;
  }

  private static Row sum(StaleSeries series, int from, int to, long endMs) {
    long uses = 0;
    long stale = 0;
    for (int b = from; b < to; b++) {
      uses += series.uses()[b];
      stale += series.staleUses()[b];
    }
    return new Row(from * series.bucketMs(), Math.min(to * series.bucketMs(), endMs), uses, stale);
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }
}
