package dev.dnsflip.cli;

import dev.dnsflip.observe.RunResult;
import dev.dnsflip.simulation.Simulation;
import java.util.ServiceLoader;

/**
 * Runs a simulation's partitions on a cluster instead of this JVM's threads ({@code dnsflip run
 * --spark MASTER}). The CLI finds it through {@link ServiceLoader} when the distributed module is
 * on the class path (the launcher puts it there for {@code --spark}), so the CLI jar carries no
 * cluster library.
 */
public interface DistributedRunner {
  /**
   * What {@code simulation.run()} returns, computed at {@code master} (empty: the runner's default),
   * equal to it, so the report is byte-identical.
   *
   * @throws Refused when the user can fix it: a bad master URL, a cluster that would not start
   */
  RunResult run(Simulation simulation, String master) throws Refused;

  /** A distributed run refused for a reason the user can fix; its message is one line. */
  final class Refused extends Exception {
    private static final long serialVersionUID = 1L;

    public Refused(String message) {
      super(message);
    }
  }

  /** The runner on the class path; a user error naming the way to get one when there is none. */
  static RunResult runAt(Simulation simulation, String master) {
    DistributedRunner runner = ServiceLoader.load(DistributedRunner.class).findFirst().orElseThrow(() ->
        new UserError("--spark needs the distributed module on the class path: run through ./dnsflip, which adds "
            + "it, or see docs/spark.md"));
    try {
      return runner.run(simulation, master);
    } catch (Refused e) {
      throw new UserError("--spark" + (master.isEmpty() ? "" : " " + master) + ": " + e.getMessage());
    }
  }
}
