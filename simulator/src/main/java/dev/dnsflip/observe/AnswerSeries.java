package dev.dnsflip.observe;

import java.util.Arrays;

/**
 * Client queries answered and not answered per bucket of the whole run, summed over runs, of one
 * part of the population (everyone, a resolver group, a client group).
 *
 * @param kind the group's kind as reports name it (a preset, "custom"), null for everyone
 */
public record AnswerSeries(String name, String kind, long[] answered, long[] failed) {
  public AnswerSeries {
    if (answered.length != failed.length) {
      throw new IllegalArgumentException("answered and failed series differ in length");
    }
    answered = answered.clone();
    failed = failed.clone();
  }

  @Override
  public long[] answered() {
    return answered.clone();
  }

  @Override
  public long[] failed() {
    return failed.clone();
  }

  public int buckets() {
    return answered.length;
  }

  public long answered(int b) {
    return answered[b];
  }

  public long failed(int b) {
    return failed[b];
  }

  /** The answered share of bucket b's queries; NaN when nobody queried there. */
  public double share(int b) {
    long all = answered[b] + failed[b];
    return all == 0 ? Double.NaN : (double) answered[b] / all;
  }

  public long totalFailed() {
    return Arrays.stream(failed).sum();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AnswerSeries other && name.equals(other.name) && java.util.Objects.equals(kind, other.kind) && Arrays.equals(answered, other.answered)
        && Arrays.equals(failed, other.failed);
  }

  @Override
  public int hashCode() {
    return (name.hashCode() * 31 + Arrays.hashCode(answered)) * 31 + Arrays.hashCode(failed);
  }

  @Override
  public String toString() {
    return "AnswerSeries[" + name + ", " + kind + ", answered=" + Arrays.toString(answered) + ", failed=" + Arrays.toString(failed)
        + "]";
  }
}
