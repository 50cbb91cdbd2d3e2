package dev.dnsflip.observe;

/**
 * Client queries answered and not answered, per bucket of the whole run ([0, duration), aligned
 * to 0) and per authoritative outage, each per (resolver group, client group) pair; per outage
 * also the clients that queried inside it and those of them whose every query there was answered
 * (ride-through). Integer sums, merged by addition, so they do not depend on the thread count.
 * Built without run buckets (tallies of tests or of the lab) it counts nothing.
 */
public final class AnswerCounts implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  private final int pairs;
  private final int buckets;
  private final int outages;
  private final long[] answered; // [bucket * pairs + pair]
  private final long[] failed;
  private final long[] outageAnswered; // [outage * pairs + pair]
  private final long[] outageFailed;
  private final long[] outageClients;
  private final long[] outageRiders;

  public AnswerCounts(int buckets, int outages, int pairs) {
    this.pairs = pairs;
    this.buckets = buckets;
    this.outages = buckets == 0 ? 0 : outages;
    answered = new long[buckets * pairs];
    failed = new long[buckets * pairs];
    outageAnswered = new long[this.outages * pairs];
    outageFailed = new long[this.outages * pairs];
    outageClients = new long[this.outages * pairs];
    outageRiders = new long[this.outages * pairs];
  }

  /** Whether this tally counts answers at all. */
  public boolean counting() {
    return buckets > 0;
  }

  public int buckets() {
    return buckets;
  }

  public int outages() {
    return outages;
  }

  public int pairs() {
    return pairs;
  }

  /** {@code n} answered queries of {@code pair} in run bucket {@code b}. */
  public void addAnswered(int b, int pair, long n) {
    answered[b * pairs + pair] += n;
  }

  /** One query of {@code pair} in run bucket {@code b} that got no answer. */
  public void addFailed(int b, int pair) {
    failed[b * pairs + pair]++;
  }

  /** Queries of {@code pair} inside outage {@code o}'s window. */
  public void outageQueries(int o, int pair, long answeredCount, long failedCount) {
    outageAnswered[o * pairs + pair] += answeredCount;
    outageFailed[o * pairs + pair] += failedCount;
  }

  /** Clients of {@code pair} that queried inside outage {@code o}, and those of them always answered there. */
  public void outageClients(int o, int pair, long clients, long riders) {
    outageClients[o * pairs + pair] += clients;
    outageRiders[o * pairs + pair] += riders;
  }

  public void mergeFrom(AnswerCounts other) {
    add(answered, other.answered);
    add(failed, other.failed);
    add(outageAnswered, other.outageAnswered);
    add(outageFailed, other.outageFailed);
    add(outageClients, other.outageClients);
    add(outageRiders, other.outageRiders);
  }

  private static void add(long[] into, long[] from) {
    for (int i = 0; i < into.length; i++) {
      into[i] += from[i];
    }
  }

  public long answered(int b, int pair) {
    return answered[b * pairs + pair];
  }

  public long failed(int b, int pair) {
    return failed[b * pairs + pair];
  }

  public long outageAnswered(int o, int pair) {
    return outageAnswered[o * pairs + pair];
  }

  public long outageFailed(int o, int pair) {
    return outageFailed[o * pairs + pair];
  }

  public long outageClients(int o, int pair) {
    return outageClients[o * pairs + pair];
  }

  public long outageRiders(int o, int pair) {
    return outageRiders[o * pairs + pair];
  }
}
