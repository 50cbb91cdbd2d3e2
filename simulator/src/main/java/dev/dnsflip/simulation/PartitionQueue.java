package dev.dnsflip.simulation;

import dev.dnsflip.client.ClientState;
import dev.dnsflip.observe.ClientRecord;
import dev.dnsflip.observe.Tally;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.function.IntFunction;

/**
 * The partitions of every replication, handed to worker threads largest expected work first, so
 * a few large partitions (public farms, ISP resolvers with their forwarders) start at once instead
 * of last; when a replication has nothing left to hand out, idle workers start the next one (at
 * most {@value #LIVE} replications are held at once, the one being observed included), so its
 * tail and its observation overlap the next one's work. Each worker sums what it ran into its own tally, and a
 * replication's tallies are added when it is done: integer sums and maxima, so the result does
 * not depend on which worker ran what, nor in which order.
 */
final class PartitionQueue {
  /** Replications held at once: prepared and not yet released by the caller. */
  static final int LIVE = 2;

  /** One replication, run: its context, client record and summed tally. */
  record Done(RunContext ctx, ClientRecord record, Tally tally) {}

  private static final class Replication {
    final RunContext ctx;
    final ClientRecord record;
    final ClientState state;
    final int[] order; // partitions by expected work, largest first
    final Tally total;
    int handedOut;
    int done;

    Replication(RunContext ctx, ClientRecord record, ClientState state, int[] order, Tally total) {
      this.ctx = ctx;
      this.record = record;
      this.state = state;
      this.order = order;
      this.total = total;
    }
  }

  private final IntFunction<RunContext> contexts;
  private final IntFunction<Tally> tallies; // replication -> an empty tally of its shape
  private final int replications;
  private final int events;
  private final Replication[] running;
  private int prepared; // replications [0, prepared) have been prepared
  private int released; // replications [0, released) have been observed and let go
  private Throwable failure;
  private boolean stopped; // the caller is done, or failed: workers leave

  PartitionQueue(IntFunction<RunContext> contexts, IntFunction<Tally> tallies, int replications, int events,
      int threads, ExecutorService pool) {
    this.contexts = contexts;
    this.tallies = tallies;
    this.replications = replications;
    this.events = events;
    this.running = new Replication[replications];
    try {
      for (int w = 0; w < threads; w++) {
        pool.submit(this::work);
      }
    } catch (RuntimeException | Error e) {
      stop(); // the workers already started leave, not wait for a caller that never came
      throw e;
    }
  }

  /** Replication {@code rep}, once every partition of it has run; taken in order, each once. */
  synchronized Done take(int rep) {
    while (failure == null && (rep >= prepared || running[rep].done < running[rep].order.length)) {
      try {
        wait();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure != null) {
      if (failure instanceof RuntimeException re) {
        throw re;
      }
      if (failure instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(failure);
    }
    Replication r = running[rep];
    running[rep] = null;
    return new Done(r.ctx, r.record, r.total);
  }

  /**
   * The caller is done with every replication, or failed: each worker leaves once its partition
   * in hand (if any) is run, instead of waiting for a release that will not come. The threads are
   * the shared pool's, which is never shut down.
   */
  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  /** The caller is done observing replication {@code rep}: the next may start. */
  synchronized void release(int rep) {
    released = rep + 1;
    notifyAll();
  }

  /**
   * A worker: takes partitions, summing what it runs into a tally of its own for one replication.
   * That tally is added to the replication's, and the partitions it holds are counted done, only
   * when the worker leaves the replication (nothing left to hand out, or it turns to another one,
   * or waits), so a replication is never taken while a worker still holds some of its sums.
   */
  private void work() {
    Tally local = null;
    int localRep = -1;
    int ranLocal = 0; // partitions of localRep run into local, not yet counted done
    try {
      while (true) {
        Replication r;
        int partition;
        synchronized (this) {
          if (stopped) {
            return;
          }
          int rep = nextWithPartitions();
          if (local != null && rep != localRep) {
            settle(running[localRep], local, ranLocal);
            local = null;
            ranLocal = 0;
          }
          while (rep < 0) {
            if (failure != null || stopped || prepared == replications) {
              return;
            }
            if (prepared < released + LIVE) {
              prepare();
            } else {
              wait();
            }
            rep = nextWithPartitions();
          }
          r = running[rep];
          partition = r.order[r.handedOut++];
          if (local == null) {
            local = tallies.apply(rep);
            localRep = rep;
          }
        }
        new Partition(r.ctx, r.ctx.partitions.get(partition), r.state).run(local, r.record);
        synchronized (this) {
          ranLocal++;
          if (r.handedOut == r.order.length) {
            settle(r, local, ranLocal); // this worker takes nothing more of it
            local = null;
            ranLocal = 0;
          }
        }
      }
    } catch (Throwable t) {
      synchronized (this) {
        if (failure == null) {
          failure = t;
        }
        notifyAll();
      }
    }
  }

  /** Adds a worker's sums to replication {@code r} and counts the {@code ran} partitions in them done. */
  private void settle(Replication r, Tally local, int ran) {
    r.total.mergeFrom(local);
    r.done += ran;
    if (r.done == r.order.length) {
      notifyAll();
    }
  }

  /** The earliest prepared replication with partitions left to hand out, or -1. */
  private int nextWithPartitions() {
    for (int rep = released; rep < prepared; rep++) {
      if (running[rep] != null && running[rep].handedOut < running[rep].order.length) {
        return rep;
      }
    }
    return -1;
  }

  /** Builds the next replication's context, record and client state, and orders its partitions. */
  private void prepare() {
    int rep = prepared;
    RunContext ctx = contexts.apply(rep);
    int count = ctx.partitions.size();
    double[] work = new double[count];
    Integer[] order = new Integer[count];
    for (int p = 0; p < count; p++) {
      work[p] = ctx.expectedWork(ctx.partitions.get(p));
      order[p] = p;
    }
    Arrays.sort(order, (a, b) -> work[a] != work[b] ? Double.compare(work[b], work[a]) : Integer.compare(a, b));
    long[] windows = new long[events];
    for (int e = 0; e < events; e++) {
      windows[e] = ctx.windowEnd[e] - ctx.eventAt[e];
    }
    running[rep] = new Replication(ctx, new ClientRecord(ctx.population.clients(), windows, ctx.scenario.bucketMs()),
        ctx.newClientState(), Arrays.stream(order).mapToInt(Integer::intValue).toArray(), tallies.apply(rep));
    prepared = rep + 1;
    notifyAll();
  }
}
