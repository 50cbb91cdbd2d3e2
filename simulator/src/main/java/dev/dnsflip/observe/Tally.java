package dev.dnsflip.observe;

/**
 * Counts of uses, summed per switch event and time bucket and per question. One tally per worker
 * chunk, merged at the end: integer sums do not depend on merge order, so reports stay
 * byte-identical whatever the thread count.
 */
public final class Tally {
  private final int questions;
  private final long[][] uses; // [event][bucket]
  private final long[][] stale;
  private final long[] questionUses; // [event * questions + q]
  private final long[] questionStale;
  private final long[] questionLastStale;
  private long queries;
  private long hits;

  public Tally(int[] bucketsPerEvent, int questions) {
    this.questions = questions;
    int events = bucketsPerEvent.length;
    uses = new long[events][];
    stale = new long[events][];
    for (int e = 0; e < events; e++) {
      uses[e] = new long[bucketsPerEvent[e]];
      stale[e] = new long[bucketsPerEvent[e]];
    }
    questionUses = new long[events * questions];
    questionStale = new long[events * questions];
    questionLastStale = new long[events * questions];
    java.util.Arrays.fill(questionLastStale, -1);
  }

  /** A query observed at or after time 0, before any switch event. */
  public void query(boolean hit) {
    queries++;
    if (hit) {
      hits++;
    }
  }

  /** A use inside event {@code e}'s window, {@code offsetMs} after the event. */
  public void use(int e, long offsetMs, int bucket, int question, boolean stale, boolean hit) {
    query(hit);
    uses[e][bucket]++;
    int qi = e * questions + question;
    questionUses[qi]++;
    if (stale) {
      this.stale[e][bucket]++;
      questionStale[qi]++;
      if (offsetMs > questionLastStale[qi]) {
        questionLastStale[qi] = offsetMs;
      }
    }
  }

  public void mergeFrom(Tally other) {
    for (int e = 0; e < uses.length; e++) {
      for (int b = 0; b < uses[e].length; b++) {
        uses[e][b] += other.uses[e][b];
        stale[e][b] += other.stale[e][b];
      }
    }
    for (int i = 0; i < questionUses.length; i++) {
      questionUses[i] += other.questionUses[i];
      questionStale[i] += other.questionStale[i];
      questionLastStale[i] = Math.max(questionLastStale[i], other.questionLastStale[i]);
    }
    queries += other.queries;
    hits += other.hits;
  }

  public long[] uses(int e) {
    return uses[e];
  }

  public long[] stale(int e) {
    return stale[e];
  }

  public long questionUses(int e, int q) {
    return questionUses[e * questions + q];
  }

  public long questionStale(int e, int q) {
    return questionStale[e * questions + q];
  }

  /** Offset of the question's last stale use after event e, or -1. */
  public long questionLastStale(int e, int q) {
    return questionLastStale[e * questions + q];
  }

  public long queries() {
    return queries;
  }

  public long hits() {
    return hits;
  }
}
