package dev.dnsflip.engine;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The threads runs do their work on, kept from one run to the next (daemons, let go after a
 * minute idle): starting a thread cost 0.2 to 0.6 ms on a 2-core VM, and a run on two threads
 * started three, for a bench run of 60 ms; property runs and explorations run many short ones.
 * The pool grows as asked, so a run's task never waits for another run's to end.
 */
public final class WorkerPool {
  private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(r, "dnsflip-worker");
        t.setDaemon(true);
        return t;
      });

  private WorkerPool() {}

  /** The shared pool: submit work, never shut it down. */
  public static ExecutorService pool() {
    return POOL;
  }
}
