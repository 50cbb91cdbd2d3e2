package dev.dnsflip.spi.dnsjava;

import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Simulated time played on the wall clock, {@code factor} times faster: simulated instant t is
 * wall instant origin + t / factor. The origin is a whole wall second, so a cache that reads whole
 * wall seconds (dnsjava's) sees whole seconds of {@code factor} simulated seconds. Every wait is
 * Awaitility's; the largest lag behind a target is kept, since the figures' tolerances assume it.
 */
final class CompressedClock {
  private final int factor;
  private long originWallMs = Long.MIN_VALUE;
  private long maxLagWallMs;

  CompressedClock(int factor) {
    this.factor = factor;
  }

  int factor() {
    return factor;
  }

  /** Waits until the wall clock reaches simulated instant {@code simMs}. */
  void awaitSimulated(long simMs) {
    if (originWallMs == Long.MIN_VALUE) {
      long lead = Math.max(0, -Math.floorDiv(simMs, factor));
      originWallMs = ((System.currentTimeMillis() + lead) / 1000 + 1) * 1000;
    }
    long target = originWallMs + Math.floorDiv(simMs, factor);
    await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1)).atMost(Duration.ofMinutes(2))
        .until(() -> System.currentTimeMillis() >= target);
    maxLagWallMs = Math.max(maxLagWallMs, System.currentTimeMillis() - target);
  }

  /** The largest delay past a target the waits returned with, in wall ms. */
  long maxLagWallMs() {
    return maxLagWallMs;
  }
}
