package dev.dnsflip.observe;

/**
 * How many clients (or resolvers) still use (hand out) a revealed answer over time after a
 * switch: {@code stillHolding[b]} have their last such use at or after bucket b's start (mean
 * over runs, rounded half up); {@code held} had one at all.
 *
 * @param lastLetGoMs the latest last use in any run, -1 when none
 * @param openAtWindowEnd some held on into the window's last bucket: the true end may be later
 */
public record HolderCurve(long held, long[] stillHolding, long lastLetGoMs, boolean openAtWindowEnd) {
  public HolderCurve {
    stillHolding = stillHolding.clone();
  }

  @Override
  public long[] stillHolding() {
    return stillHolding.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof HolderCurve other && held == other.held && lastLetGoMs == other.lastLetGoMs
        && openAtWindowEnd == other.openAtWindowEnd && java.util.Arrays.equals(stillHolding, other.stillHolding);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(held) * 31 + java.util.Arrays.hashCode(stillHolding);
  }

  @Override
  public String toString() {
    return "HolderCurve[held=" + held + ", lastLetGoMs=" + lastLetGoMs + ", open=" + openAtWindowEnd + "]";
  }
}
