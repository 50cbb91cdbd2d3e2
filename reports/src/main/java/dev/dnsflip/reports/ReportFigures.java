package dev.dnsflip.reports;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The figures of one report.json that a comparison needs: per switch, each metric's estimate over
 * replications and the stale-share series.
 *
 * @param label how the comparison names this run (the file, or a sweep cell such as
 *     {@code account.autoTtl=60})
 */
public record ReportFigures(String label, String scenario, long seed, int replications,
    List<SwitchFigures> switches) {
  public ReportFigures {
    switches = List.copyOf(switches);
  }

  public Optional<SwitchFigures> switchNumber(int number) {
    return switches.stream().filter(s -> s.number() == number).findFirst();
  }

  /** One switch: numbered from 1, as in every report. */
  public record SwitchFigures(int number, String direction, long atMs, long bucketMs, List<Figure> metrics,
      List<Double> staleShare) {
    public SwitchFigures {
      metrics = List.copyOf(metrics);
      // A bucket without uses has no share: null, as report.json writes it (List.copyOf refuses nulls).
      staleShare = Collections.unmodifiableList(new ArrayList<>(staleShare));
    }

    public Optional<Figure> metric(String name) {
      return metrics.stream().filter(m -> m.name().equals(name)).findFirst();
    }
  }

  /**
   * One metric's estimate over replications: mean and 95% Student-t interval (null with one
   * replication), and how many runs were censored by the window (not reached).
   */
  public record Figure(String name, String unit, Double mean, Double ciLow, Double ciHigh, int samples,
      int censored) {}
}
