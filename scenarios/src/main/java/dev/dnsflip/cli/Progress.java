package dev.dnsflip.cli;

import dev.dnsflip.engine.Durations;
import dev.dnsflip.observe.QueryCounter;
import dev.dnsflip.simulation.Scenario;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Progress of a run on stderr, for runs longer than about a second: a bar redrawn in place when
 * stderr is a terminal, a plain line every few seconds otherwise (logs, CI), nothing when quiet.
 * It reads the simulator's {@link QueryCounter} against the queries the scenario is expected to
 * make after time 0 (clients × rate × duration × replications), so the fraction, the simulated
 * time and the replication it shows are estimates; nothing it reads or prints reaches a report.
 * No colour codes: a carriage return is the only control character.
 */
final class Progress implements AutoCloseable {
  static final long FIRST_AFTER_MS = 1_000;
  static final long BAR_EVERY_MS = 250;
  static final long LINE_EVERY_MS = 5_000;
  private static final int BAR_WIDTH = 24;

  /** What one progress report shows; computed from counts and clocks only, so it can be tested. */
  record Snapshot(double fraction, long simulatedMs, int replication, double queriesPerSecond, long etaMs) {
    static Snapshot of(long queries, double expected, long elapsedMs, long durationMs, int replications) {
      double fraction = expected > 0 ? Math.min(1, queries / expected) : 0;
      double runs = fraction * replications;
      int replication = (int) Math.min(replications, Math.floor(runs) + 1);
      long simulated = Math.round((runs - (replication - 1)) * durationMs);
      double rate = elapsedMs > 0 ? queries * 1000.0 / elapsedMs : 0;
      long eta = fraction > 0 ? Math.round(elapsedMs * (1 - fraction) / fraction) : -1;
      return new Snapshot(fraction, Math.min(durationMs, simulated), replication, rate, eta);
    }
  }

  private final PrintWriter err;
  private final boolean terminal;
  private final Scenario scenario;
  private final double expected;
  private final LongSupplier counted;
  private final long base;
  private final long startNanos = System.nanoTime();
  private final ScheduledExecutorService timer;
  /** The longest bar drawn so far (0: none), so closing clears exactly that much. */
  private int drawn;

  Progress(PrintWriter err, boolean terminal, Scenario scenario, LongSupplier counted, long firstAfterMs) {
    this.err = err;
    this.terminal = terminal;
    this.scenario = scenario;
    this.expected = expectedQueries(scenario);
    this.counted = counted;
    this.base = counted.getAsLong();
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "dnsflip-progress");
      t.setDaemon(true);
      return t;
    });
    long every = terminal ? BAR_EVERY_MS : LINE_EVERY_MS;
    timer.scheduleAtFixedRate(this::report, firstAfterMs, every, TimeUnit.MILLISECONDS);
  }

  /** Shown while a run goes on; closing it stops the reports and clears the bar. */
  interface Shown extends AutoCloseable {
    @Override
    void close();
  }

  /** Progress for a run of {@code scenario}, or nothing when {@code quiet}. */
  static Shown start(PrintWriter err, Scenario scenario, boolean quiet) {
    if (quiet) {
      return () -> { };
    }
    Progress p = new Progress(err, stderrIsTerminal(), scenario, QueryCounter::counted, FIRST_AFTER_MS);
    return p::close;
  }

  /** Client queries after time 0 over every replication: what the counter will reach. */
  static double expectedQueries(Scenario s) {
    double perSecond = s.clientGroups().stream().mapToDouble(g -> g.count() * g.queriesPerSecond()).sum();
    return perSecond * s.durationMs() / 1000.0 * s.replications();
  }

  /** Linux: whether file descriptor 2 is a terminal (a tty or pseudo-terminal). */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false; // not Linux, or no /proc: plain lines are always safe
    }
  }

  synchronized void report() {
    long elapsedMs = (System.nanoTime() - startNanos) / 1_000_000;
    Snapshot s = Snapshot.of(counted.getAsLong() - base, expected, elapsedMs, scenario.durationMs(),
        scenario.replications());
    if (terminal) {
      String bar = bar(s, scenario.durationMs(), scenario.replications());
      // Spaces over what a longer previous bar left on the line.
      err.print("\r" + bar + " ".repeat(Math.max(0, drawn - bar.length())));
      drawn = Math.max(drawn, bar.length());
    } else {
      err.println("dnsflip: " + line(s, scenario.durationMs(), scenario.replications()));
    }
    err.flush();
  }

  static String bar(Snapshot s, long durationMs, int replications) {
    int filled = (int) Math.round(s.fraction() * BAR_WIDTH);
    return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "] " + line(s, durationMs, replications);
  }

  /** Under 80 columns for usual runs, so a bar redrawn with a carriage return never wraps. */
  static String line(Snapshot s, long durationMs, int replications) {
    return String.format(Locale.ROOT, "%3.0f%%  run %d/%d, ~%s of %s simulated, %s queries/s, %s",
        s.fraction() * 100, s.replication(), replications, seconds(s.simulatedMs()), seconds(durationMs),
        compact(s.queriesPerSecond()), s.etaMs() < 0 ? "time left unknown" : "~" + seconds(s.etaMs()) + " left");
  }

  /** A time in whole seconds: the milliseconds of an estimate are noise. */
  static String seconds(long ms) {
    long s = Math.round(ms / 1000.0);
    if (s == 0) {
      return ms == 0 ? "0s" : "<1s";
    }
    return Durations.format(s * 1000);
  }

  /** 950, 12.3k, 1.5M: a rate to the eye, not to the unit. */
  static String compact(double v) {
    if (v < 1_000) {
      return String.format(Locale.ROOT, "%.0f", v);
    }
    if (v < 1_000_000) {
      return String.format(Locale.ROOT, "%.1fk", v / 1_000);
    }
    return String.format(Locale.ROOT, "%.1fM", v / 1_000_000);
  }

  @Override
  public synchronized void close() {
    timer.shutdownNow();
    if (drawn > 0) {
      // Clear the bar so the summary starts on a clean line.
      err.print("\r" + " ".repeat(drawn) + "\r");
      err.flush();
    }
  }
}
