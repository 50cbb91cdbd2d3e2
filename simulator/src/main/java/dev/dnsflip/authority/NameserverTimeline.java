package dev.dnsflip.authority;

import java.util.SplittableRandom;

/**
 * When each switch event reached each authoritative nameserver. A nameserver applies events in
 * order (as a replicated configuration store does), so an event never lands before the one
 * preceding it: arrival = max(event time + own delay, previous arrival).
 */
public final class NameserverTimeline {
  private final boolean initiallyEnabled;
  private final long[][] arrivalMs; // [nameserver][event]
  private final boolean[] settingAfter;
  private final long maxDelayMs;

  public NameserverTimeline(SwitchSchedule schedule, Propagation propagation, int nameservers,
      SplittableRandom random) {
    if (nameservers < 1) {
      throw new ModelRuleException("need at least one nameserver");
    }
    int events = schedule.events().size();
    this.initiallyEnabled = schedule.initiallyEnabled();
    this.arrivalMs = new long[nameservers][events];
    this.settingAfter = new boolean[events];
    long maxDelay = 0;
    for (int e = 0; e < events; e++) {
      settingAfter[e] = schedule.events().get(e).direction().settingAfter();
    }
    for (int ns = 0; ns < nameservers; ns++) {
      long previous = Long.MIN_VALUE;
      for (int e = 0; e < events; e++) {
        long at = schedule.events().get(e).atMs();
        long arrival = Math.max(at + propagation.sampleMs(random), previous);
        arrivalMs[ns][e] = arrival;
        maxDelay = Math.max(maxDelay, arrival - at);
        previous = arrival;
      }
    }
    this.maxDelayMs = maxDelay;
  }

  public int nameservers() {
    return arrivalMs.length;
  }

  /** The setting nameserver {@code ns} answers with at time {@code t}. */
  public boolean enabledAt(int ns, long t) {
    long[] arrivals = arrivalMs[ns];
    boolean on = initiallyEnabled;
    for (int e = 0; e < arrivals.length && arrivals[e] <= t; e++) {
      on = settingAfter[e];
    }
    return on;
  }

  public long arrivalMs(int ns, int event) {
    return arrivalMs[ns][event];
  }

  /** The largest realised delay between an event and its arrival at a nameserver. */
  public long maxDelayMs() {
    return maxDelayMs;
  }
}
