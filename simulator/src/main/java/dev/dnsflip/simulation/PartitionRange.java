package dev.dnsflip.simulation;

import java.io.Serializable;

/**
 * Partitions {@code [from, to)} of one replication: a piece of a run that another machine can run
 * from the scenario alone ({@link Simulation#run(PartitionRange)}).
 */
public record PartitionRange(int replication, int from, int to) implements Serializable {
  public PartitionRange {
    if (replication < 0 || from < 0 || to <= from) {
      throw new IllegalArgumentException("replication " + replication + ", partitions [" + from + ", " + to + ")");
    }
  }
}
