package dev.dnsflip.explore;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.observe.TransitionReport;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.HashMap;
import java.util.Map;

/**
 * One scenario under test: its answer table and its reports, each simulated at most once per
 * thread count, so several properties checked on the same scenario share the runs.
 */
public final class Trial {
  private final Scenario scenario;
  private final Map<Integer, TransitionReport> reports = new HashMap<>();
  private AnswerTable table;
  private int simulations;

  public Trial(Scenario scenario) {
    this.scenario = scenario;
  }

  public Scenario scenario() {
    return scenario;
  }

  /**
   * Every answer the run can need, in both settings.
   *
   * @throws IllegalArgumentException when the account cannot answer the clients' questions (a
   *     CNAME that leaves every zone, a loop)
   */
  public AnswerTable table() {
    if (table == null) {
      table = new Simulation(scenario, 1).table();
    }
    return table;
  }

  /** The report of a run on one thread. */
  public TransitionReport report() {
    return report(1);
  }

  /** The report of a run on {@code threads} worker threads. */
  public TransitionReport report(int threads) {
    TransitionReport r = reports.get(threads);
    if (r == null) {
      r = new Simulation(scenario, threads).run();
      simulations++;
      reports.put(threads, r);
    }
    return r;
  }

  /** Simulations run so far. */
  public int simulations() {
    return simulations;
  }
}
