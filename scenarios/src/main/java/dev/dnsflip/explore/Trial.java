package dev.dnsflip.explore;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.observe.RunResult;
import dev.dnsflip.simulation.Scenario;
import dev.dnsflip.simulation.Simulation;
import java.util.HashMap;
import java.util.Map;

/**
 * One scenario under test: its answer table and its run results, each simulated at most once per
 * thread count, so several properties checked on the same scenario share the runs.
 */
public final class Trial {
  private final Scenario scenario;
  private final Map<Integer, RunResult> results = new HashMap<>();
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

  /** The result of a run on one thread. */
  public RunResult result() {
    return result(1);
  }

  /** The result of a run on {@code threads} worker threads. */
  public RunResult result(int threads) {
    RunResult r = results.get(threads);
    if (r == null) {
      r = new Simulation(scenario, threads).run();
      simulations++;
      results.put(threads, r);
    }
    return r;
  }

  /** Simulations run so far. */
  public int simulations() {
    return simulations;
  }
}
