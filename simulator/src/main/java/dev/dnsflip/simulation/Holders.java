package dev.dnsflip.simulation;

import dev.dnsflip.observe.Tally;
import dev.dnsflip.resolver.Resolution;
import dev.dnsflip.resolver.ResolverNode;
import java.util.Arrays;

/**
 * Who still holds a revealed answer, within one partition: per client, its last use of one after
 * each switch event; per resolver, its last hand-out of one (to a client or a forwarder). Kept in
 * the partition's own arrays and told to the tally once, when the partition ends, as counts per
 * bucket: sums that merge in any order.
 */
final class Holders {
  /** Told each client's (resolver's) last use (hand-out) of a revealed answer per event, besides the tally. */
  interface LetGo {
    void letGo(boolean resolver, int e, long offsetMs);
  }

  private final int[] itemOf;
  private final long[] eventAt;
  private final int events;
  private final int[] firstClient; // per partition resolver: its first client id
  private final int[] base; // per partition resolver: where its clients start in this partition's cells
  private final long[] client; // [local client * events + e]: last offset, or -1
  private final long[] resolver; // [local resolver * events + e]
  private int current = -1; // the event in force at the latest hand-out seen (time only grows)

  Holders(RunContext ctx, int[] resolvers, int[] itemOf) {
    this.itemOf = itemOf;
    eventAt = ctx.eventAt;
    events = eventAt.length;
    firstClient = new int[resolvers.length];
    base = new int[resolvers.length];
    int clients = 0;
    for (int i = 0; i < resolvers.length; i++) {
      firstClient[i] = ctx.population.first(resolvers[i], 0);
      base[i] = clients;
      clients += ctx.population.first(resolvers[i] + 1, 0) - firstClient[i];
    }
    client = new long[clients * events];
    resolver = new long[resolvers.length * events];
    Arrays.fill(client, -1);
    Arrays.fill(resolver, -1);
  }

  /** A use by {@code clientId} of partition resolver i, {@code offsetMs} after event e. */
  void use(int i, int clientId, int e, long offsetMs, int answer) {
    if (answer >= 0 && itemOf[answer] >= 0) {
      client[(base[i] + clientId - firstClient[i]) * events + e] = offsetMs; // uses arrive in time order
    }
  }

  /** Partition resolver i handed out {@code resolution} at {@code now}. */
  void handOut(int i, long now, long resolution) {
    if (now < 0 || Resolution.failed(resolution) || itemOf[Resolution.answer(resolution)] < 0) {
      return;
    }
    while (current + 1 < events && now >= eventAt[current + 1]) {
      current++;
    }
    if (current >= 0) {
      resolver[i * events + current] = now - eventAt[current];
    }
  }

  /**
   * Skipping ahead: a use by {@code clientId} of partition resolver i of a revealed answer,
   * {@code offsetMs} after event e, told in any order. With plain clients and no forwarders a
   * resolver's hand-outs are its clients' uses, so the resolver's last is the latest of them.
   */
  void held(int i, int clientId, int e, long offsetMs) {
    int c = (base[i] + clientId - firstClient[i]) * events + e;
    client[c] = Math.max(client[c], offsetMs);
    int r = i * events + e;
    resolver[r] = Math.max(resolver[r], offsetMs);
  }

  /** Node i as the partition uses it: the same answers, each hand-out of a revealed one noted. */
  ResolverNode watch(int i, ResolverNode node) {
    return new WatchedNode(node, this, i);
  }

  /** Tells the tally (and {@code sink}, when not null) every last use and hand-out. */
  void addTo(Tally tally, long bucketMs, LetGo sink) {
    for (int e = 0; e < events; e++) {
      for (int c = e; c < client.length; c += events) {
        if (client[c] >= 0) {
          tally.letGo(false, e, client[c], bucketMs);
          if (sink != null) {
            sink.letGo(false, e, client[c]);
          }
        }
      }
      for (int r = e; r < resolver.length; r += events) {
        if (resolver[r] >= 0) {
          tally.letGo(true, e, resolver[r], bucketMs);
          if (sink != null) {
            sink.letGo(true, e, resolver[r]);
          }
        }
      }
    }
  }

  /** Delegates every call; notes the answers it hands out. */
  private static final class WatchedNode implements ResolverNode {
    private final ResolverNode node;
    private final Holders holders;
    private final int i;
    private long last;

    WatchedNode(ResolverNode node, Holders holders, int i) {
      this.node = node;
      this.holders = holders;
      this.i = i;
    }

    @Override
    public long lookup(int question, long now, int client) {
      long r = node.lookup(question, now, client);
      holders.handOut(i, now, r);
      return r;
    }

    @Override
    public long fetch(int question, long now) {
      long r = node.fetch(question, now);
      holders.handOut(i, now, r);
      return r;
    }

    @Override
    public long fetch(int question, long now, int client) {
      long r = node.fetch(question, now, client);
      holders.handOut(i, now, r);
      return r;
    }

    @Override
    public void flush() {
      node.flush();
    }

    @Override
    public int resolve(int question, long now, int client) {
      last = lookup(question, now, client);
      return Resolution.answer(last);
    }

    @Override
    public boolean lastWasHit() {
      return Resolution.hit(last);
    }

    @Override
    public long lastTtlMs() {
      return Resolution.ttlMs(last);
    }
  }
}
