package dev.dnsflip.simulation;

import java.util.Map;
import java.util.TreeMap;

/**
 * How the partitions of a run go: how many skip ahead past cache hits, and for those that
 * simulate every use, why, each reason with its count.
 */
public record PartitionModes(long skippingAhead, Map<String, Long> eventByEventBecause) {
  public PartitionModes {
    eventByEventBecause = Map.copyOf(eventByEventBecause);
  }

  /** The partitions of one replication. */
  static PartitionModes of(RunContext ctx) {
    long skipping = 0;
    Map<String, Long> because = new TreeMap<>();
    for (int[] partition : ctx.partitions) {
      String reason = SkipAhead.reason(ctx, partition);
      if (reason == null) {
        skipping++;
      } else {
        because.merge(reason, 1L, Long::sum);
      }
    }
    return new PartitionModes(skipping, because);
  }

  public long eventByEvent() {
    return eventByEventBecause.values().stream().mapToLong(Long::longValue).sum();
  }

  PartitionModes plus(PartitionModes other) {
    Map<String, Long> because = new TreeMap<>(eventByEventBecause);
    other.eventByEventBecause.forEach((k, v) -> because.merge(k, v, Long::sum));
    return new PartitionModes(skippingAhead + other.skippingAhead, because);
  }
}
