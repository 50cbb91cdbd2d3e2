package dev.dnsflip.authority;

import java.util.List;

/**
 * The setting at the start of the run and the events that change it, in strictly increasing
 * time, alternating (an enable while enabled would be a no-op, and is refused as a likely typo).
 */
public record SwitchSchedule(boolean initiallyEnabled, List<SwitchEvent> events) {
  public SwitchSchedule {
    events = List.copyOf(events);
    boolean on = initiallyEnabled;
    long last = Long.MIN_VALUE;
    for (int i = 0; i < events.size(); i++) {
      SwitchEvent e = events.get(i);
      if (e.atMs() <= last) {
        throw new ModelRuleException("switch events must be in strictly increasing time");
      }
      if (e.direction().settingAfter() == on) {
        throw new ModelRuleException(
            "switch event " + i + " would " + e.direction().key() + " an already "
                + (on ? "enabled" : "disabled") + " setting");
      }
      on = e.direction().settingAfter();
      last = e.atMs();
    }
  }

  /** The setting in force at {@code t} as the account sees it (before propagation). */
  public boolean enabledAt(long t) {
    boolean on = initiallyEnabled;
    for (SwitchEvent e : events) {
      if (e.atMs() > t) {
        break;
      }
      on = e.direction().settingAfter();
    }
    return on;
  }

  /** Index of the last event at or before {@code t}, or -1. */
  public int eventIndexAt(long t) {
    int index = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).atMs() > t) {
        break;
      }
      index = i;
    }
    return index;
  }
}
