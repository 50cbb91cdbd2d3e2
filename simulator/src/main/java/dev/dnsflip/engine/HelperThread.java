package dev.dnsflip.engine;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A piece of work on another thread, whose result the caller takes when it needs it. A
 * failure there is rethrown on the caller's thread, so it surfaces as itself, not as a missing
 * result later.
 */
public final class HelperThread<T> {
  private final String name;
  private final FutureTask<T> task;

  private HelperThread(String name, Callable<T> work) {
    this.name = name;
    this.task = new FutureTask<>(work);
  }

  /** Starts {@code work} on a new daemon thread named {@code name}. */
  public static <T> HelperThread<T> start(String name, Callable<T> work) {
    HelperThread<T> helper = new HelperThread<>(name, work);
    Thread thread = new Thread(helper.task, name);
    thread.setDaemon(true);
    thread.start();
    return helper;
  }

  /** Runs {@code work} on one of {@code executor}'s threads (a pool's, idle ones reused; {@code name} names the work). */
  public static <T> HelperThread<T> on(java.util.concurrent.Executor executor, String name, Callable<T> work) {
    HelperThread<T> helper = new HelperThread<>(name, work);
    executor.execute(helper.task);
    return helper;
  }

  /** Waits for the result (its writes happen-before this returns); the work's failure is thrown here. */
  public T join() {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for " + name, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(name + " failed", cause);
    }
  }
}
