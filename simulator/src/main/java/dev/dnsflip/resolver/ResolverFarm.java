package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import java.util.SplittableRandom;

/**
 * N independent caches behind one resolver address (public anycast resolvers run many per site):
 * successive queries of one client can meet caches with different remaining TTLs. Each backend is a
 * built-in cache or one run through the resolver SPI ({@link LogicResolver}).
 */
public final class ResolverFarm extends ResolvingNode {
  private final AnswerTable table;
  private final ResolverNode[] backends;
  private final BackendChoice choice;
  private final SplittableRandom random;

  public ResolverFarm(AnswerTable table, ResolverNode[] backends, BackendChoice choice, SplittableRandom random) {
    if (backends.length < 1) {
      throw new IllegalArgumentException("a farm needs at least one backend");
    }
    this.table = table;
    this.backends = backends.clone();
    this.choice = choice;
    this.random = random;
  }

  @Override
  public long lookup(int question, long now, int client) {
    return pick(question, client).lookup(question, now, client);
  }

  @Override
  public long fetch(int question, long now) {
    return pick(question, -1).fetch(question, now);
  }

  @Override
  public long fetch(int question, long now, int client) {
    // Sticky stays by the forwarder (drawn); by name needs the client when the name is its own.
    return pick(question, choice == BackendChoice.BY_NAME ? client : -1).fetch(question, now, client);
  }

  public ResolverNode backend(int i) {
    return backends[i];
  }

  public int size() {
    return backends.length;
  }

  private ResolverNode pick(int question, int client) {
    int n = backends.length;
    if (n == 1) {
      return backends[0];
    }
    return switch (choice) {
      case RANDOM -> backends[random.nextInt(n)];
      case STICKY -> backends[client < 0 ? random.nextInt(n) : Math.floorMod(mix(client), n)];
      case BY_NAME -> backends[Math.floorMod(nameHash(question, client), n)];
    };
  }

  /** A hash of the name asked: a client's own name differs by its client. */
  private int nameHash(int question, int client) {
    int hash = table.question(question).name().hashCode() * 31;
    return table.isPerClient(question) && client >= 0 ? mix(hash ^ mix(client)) : hash;
  }

  private static int mix(int x) {
    x ^= x >>> 16;
    x *= 0x7feb352d;
    x ^= x >>> 15;
    return x;
  }

  @Override
  public void flush() {
    for (ResolverNode backend : backends) {
      backend.flush();
    }
  }
}
