package dev.dnsflip.lab;

import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.SwitchSchedule;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays a scenario's switch schedule on a {@link LabAuthority} in real time (or {@link TimeScale}
 * faster): the switch as the schedule starts it, then each event at its scaled instant after the
 * start, all on one timer thread. Every change of the switch goes through {@link #setEnforced},
 * the one place that sets it, so another control (an account-settings API stand-in, say) can set
 * it the same way.
 */
public final class SwitchPlayer implements AutoCloseable {
  private final LabAuthority authority;
  private final Consumer<String> log;
  private final ScheduledExecutorService timer;

  private SwitchPlayer(LabAuthority authority, Consumer<String> log) {
    this.authority = authority;
    this.log = log;
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dnsflip-lab-switch");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * Sets the switch as {@code schedule} starts it and plays its events from {@code startWallMs}
   * (wall clock), each at {@code scale.wallMs(event.atMs())} after it; {@code log} hears each flip.
   */
  public static SwitchPlayer start(LabAuthority authority, SwitchSchedule schedule, TimeScale scale, long startWallMs,
      Consumer<String> log) {
    SwitchPlayer player = new SwitchPlayer(authority, log);
    player.setEnforced(schedule.initiallyEnabled(), "start");
    for (SwitchEvent e : schedule.events()) {
      long delay = startWallMs + scale.wallMs(e.atMs()) - System.currentTimeMillis();
      player.timer.schedule(() -> player.setEnforced(e.direction().settingAfter(),
          e.direction().name().toLowerCase(java.util.Locale.ROOT) + " at " + e.atMs() + " ms"),
          Math.max(0, delay), TimeUnit.MILLISECONDS);
    }
    return player;
  }

  /**
   * Sets enforce DNS-only on or off now, saying why; returns the wall-clock ms from which queries
   * see it.
   */
  public long setEnforced(boolean on, String why) {
    long at = on ? authority.enable() : authority.disable();
    log.accept("switch " + (on ? "on (enforce DNS-only: origin answers)" : "off (proxied: anycast answers)") + " — "
        + why);
    return at;
  }

  public boolean enforced() {
    return authority.enabled();
  }

  /** Stops playing: events not yet due are dropped. */
  @Override
  public void close() {
    timer.shutdownNow();
  }
}
