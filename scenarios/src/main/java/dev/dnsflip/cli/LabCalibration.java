package dev.dnsflip.cli;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.lab.LabAuthority;
import dev.dnsflip.lab.LabChain;
import dev.dnsflip.lab.LabMeasurement;
import dev.dnsflip.lab.SwitchPlayer;
import dev.dnsflip.lab.TimeScale;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.simulation.PartitionOutcome;
import dev.dnsflip.simulation.PartitionRange;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;

/**
 * One scenario measured in the lab and simulated with the same presets, group by group: for each
 * resolver group that clients ask directly (a forwarder group brings the group it forwards to),
 * the real software behind it (started by {@link LabChain}) is probed by the group's clients while
 * the switch schedule plays, and the same restricted scenario is simulated for several
 * replications. Each side gives every observed client's last stale use after every switch event,
 * pooled over the events; the two distributions are compared with a two-sample Kolmogorov-Smirnov
 * test and by their largest quantile gap in units of the clients' mean probe interval.
 *
 * <p>Both sides see one nameserver flipped at once (the lab authority has no propagation delay),
 * so the restricted scenario sets that; the lab's resolver starts with an empty cache, the
 * simulated one stationary, so the first event is the one most likely to differ.
 */
final class LabCalibration {
  /** The quantiles compared for the largest gap: 5 %, 10 %, ..., 95 %, and the maximum. */
  private static final double[] QUANTILES = {0.05, 0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50, 0.55, 0.60,
      0.65, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.0};

  /** One group to calibrate: the group clients ask, what it forwards to (null if none), its clients. */
  record Target(ResolverGroup group, ResolverGroup behind, List<ClientGroup> clients, Scenario scenario) {
    String name() {
      return group.name();
    }

    /** Scenario ms between two queries of one client (the slowest group's). */
    double probeIntervalMs() {
      return clients.stream().mapToDouble(c -> 1000.0 / c.queriesPerSecond()).max().orElseThrow();
    }
  }

  /** Both sides of one target. */
  record Result(Target target, String software, double[] lab, double[] simulated) {
    double ksStatistic() {
      return lab.length == 0 || simulated.length == 0 ? Double.NaN
          : new KolmogorovSmirnovTest().kolmogorovSmirnovStatistic(lab, simulated);
    }

    double ksPValue() {
      return lab.length == 0 || simulated.length == 0 ? Double.NaN
          : new KolmogorovSmirnovTest().kolmogorovSmirnovTest(lab, simulated);
    }

    /** max over {@link #QUANTILES} of |lab − simulated|, in probe intervals. */
    double largestGapInProbeIntervals() {
      double gap = 0;
      for (double p : QUANTILES) {
        gap = Math.max(gap, Math.abs(quantile(lab, p) - quantile(simulated, p)));
      }
      return gap / target.probeIntervalMs();
    }
  }

  private LabCalibration() {}

  /** The groups clients ask directly, each with the clients that ask only it; a refusal names what the lab cannot run. */
  static List<Target> targets(Scenario scenario) {
    List<Target> out = new ArrayList<>();
    for (ResolverGroup g : scenario.resolverGroups()) {
      List<ClientGroup> clients = scenario.clientGroups().stream()
          .filter(c -> c.resolverShares().keySet().equals(java.util.Set.of(g.name()))).toList();
      if (clients.isEmpty()) {
        continue;
      }
      ResolverGroup behind = g.isForwarder() ? scenario.resolverGroups().stream()
          .filter(t -> t.name().equals(g.forwardTo())).findFirst().orElseThrow() : null;
      LabChain.refusal(g, behind).ifPresent(r -> {
        throw new UserError(scenario.name() + ": " + r);
      });
      List<ResolverGroup> groups = new ArrayList<>();
      if (behind != null) {
        groups.add(behind.withCount(1));
      }
      groups.add(g.withCount(1));
      Scenario restricted = new Scenario(scenario.name() + "/" + g.name(), scenario.description(), scenario.seed(),
          scenario.replications(), scenario.durationMs(), scenario.bucketMs(), scenario.initialCache(),
          scenario.account(), 1, new Propagation.Fixed(0), scenario.schedule(), groups, clients, List.of(), List.of());
      out.add(new Target(g, behind, clients, restricted));
    }
    if (out.isEmpty()) {
      throw new UserError(scenario.name() + ": no client group asks a single resolver group, so there is nothing to "
          + "calibrate (give each client group resolvers: { GROUP: 1 })");
    }
    return out;
  }

  /** The lab side: the target's software probed by its clients through the schedule, every client's last stale use. */
  static Result measure(Target t, TimeScale scale, InetSocketAddress authorityAt, Path workDir, double[] simulated)
      throws IOException, InterruptedException {
    Scenario s = t.scenario();
    int probes = t.clients().stream().mapToInt(ClientGroup::count).max().orElseThrow();
    LabMeasurement measurement = new LabMeasurement(s, scale, probes, t.name());
    try (LabAuthority authority = LabRunCommand.serve(s, scale, authorityAt)) {
      if (s.schedule().initiallyEnabled()) {
        authority.enable();
      }
      try (LabChain chain = LabChain.start(t.group(), t.behind(), authority, workDir)) {
        long start = System.currentTimeMillis();
        LabMeasurement.Outcome outcome;
        try (SwitchPlayer player = SwitchPlayer.start(authority, s.schedule(), scale, start, m -> { })) {
          outcome = measurement.measure(authority, chain.address(), start);
        }
        return new Result(t, chain.description(), pooled(outcome.lastStaleByEvent()), simulated);
      }
    }
  }

  /** The simulated side: {@code replications} runs of the restricted scenario, every client's last stale use. */
  static double[] simulate(Target t, int replications) {
    Scenario s = t.scenario().withReplications(replications);
    Simulation simulation = new Simulation(s, 1);
    int events = s.schedule().events().size();
    List<long[]> byEvent = new ArrayList<>();
    for (int rep = 0; rep < replications; rep++) {
      PartitionOutcome o = simulation.run(new PartitionRange(rep, 0, simulation.partitionCount()));
      long[] stale = o.lastStaleCells();
      long[] fresh = o.firstFreshCells();
      long[] observed = new long[stale.length];
      int n = 0;
      for (int i = 0; i < stale.length; i++) {
        if (stale[i] >= 0 || fresh[i] >= 0) {
          observed[n++] = Math.max(0, stale[i]);
        }
      }
      byEvent.add(Arrays.copyOf(observed, n));
    }
    return events == 0 ? new double[0] : pooled(byEvent);
  }

  private static double[] pooled(List<long[]> parts) {
    return parts.stream().flatMapToLong(Arrays::stream).asDoubleStream().sorted().toArray();
  }

  /** Nearest-rank quantile of a sorted sample (NaN when empty). */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }

  /** One target's calibration report (Markdown). */
  static String markdown(Result r, TimeScale scale, int replications) {
    Target t = r.target();
    StringBuilder md = new StringBuilder();
    md.append("# Calibration: ").append(t.name()).append(" — ").append(r.software()).append("\n\n");
    md.append("Scenario `").append(t.scenario().name()).append("`: ").append(t.scenario().schedule().events().size())
        .append(" switch event(s); lab at speed ").append(fmt(scale.speed())).append(", ")
        .append(t.clients().stream().mapToInt(ClientGroup::count).sum()).append(" probe client(s), one query every ")
        .append(fmt(t.probeIntervalMs() / 1000)).append(" s each (scenario time); simulator: ").append(replications)
        .append(" replication(s) of the same groups, one nameserver, no propagation delay.\n\n");
    md.append("Last stale use per client and switch event, pooled (seconds after the switch):\n\n");
    md.append("| quantile | lab | simulator | gap (probe intervals) |\n|---|---:|---:|---:|\n");
    for (double p : QUANTILES) {
      double a = quantile(r.lab(), p);
      double b = quantile(r.simulated(), p);
      md.append("| ").append(p == 1.0 ? "max" : "p" + Math.round(p * 100)).append(" | ").append(fmt(a / 1000))
          .append(" | ").append(fmt(b / 1000)).append(" | ").append(fmt(Math.abs(a - b) / t.probeIntervalMs()))
          .append(" |\n");
    }
    md.append("\nSamples: lab ").append(r.lab().length).append(", simulator ").append(r.simulated().length)
        .append(".\n\n");
    md.append("Two-sample Kolmogorov-Smirnov (Commons Math): D = ").append(fmt(r.ksStatistic())).append(", p = ")
        .append(fmt(r.ksPValue())).append(". Ties (clients sharing a last stale use; clients with none count 0) make "
            + "the p-value approximate, and the lab's clients share one cache, so its samples are not independent: "
            + "read it with the gap.\n\n");
    md.append("Largest quantile gap: ").append(fmt(r.largestGapInProbeIntervals())).append(" probe intervals.\n");
    return md.toString();
  }

  /** The index of every target: one line each. */
  static String summary(String scenario, List<Result> results) {
    StringBuilder md = new StringBuilder("# Lab calibration of ").append(scenario).append("\n\n");
    md.append("| group | software | lab p50 / max (s) | simulator p50 / max (s) | KS D | KS p | largest gap "
        + "(probe intervals) |\n|---|---|---:|---:|---:|---:|---:|\n");
    for (Result r : results) {
      md.append("| [").append(r.target().name()).append("](").append(fileName(r.target())).append(") | ")
          .append(r.software()).append(" | ").append(fmt(quantile(r.lab(), 0.5) / 1000)).append(" / ")
          .append(fmt(quantile(r.lab(), 1) / 1000)).append(" | ").append(fmt(quantile(r.simulated(), 0.5) / 1000))
          .append(" / ").append(fmt(quantile(r.simulated(), 1) / 1000)).append(" | ").append(fmt(r.ksStatistic()))
          .append(" | ").append(fmt(r.ksPValue())).append(" | ").append(fmt(r.largestGapInProbeIntervals()))
          .append(" |\n");
    }
    return md.toString();
  }

  static String fileName(Target t) {
    return "calibration-" + ReportDirectory.segment(t.name()) + ".md";
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%.3g", v);
  }
}
