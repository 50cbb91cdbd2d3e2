package dev.dnsflip.client;

import java.util.Arrays;

/**
 * Per client and question it can ask: the answer in the client's own cache and its expiry, and
 * the answer an open connection was made with and when it closes. Sized by what each group can
 * ask (nothing for groups that keep no state), laid out block by block like the clients, so a
 * partition writes one contiguous range. Primitive arrays, allocated only when some client group
 * has a cache or reuses connections.
 */
public final class ClientState {
  private final Population population;
  private final int groups;
  private final int[] width; // [group] -> questions a client of it keeps state for
  private final int[][] local; // [group][table question] -> index among them, or -1
  private final int[] slotStart; // [resolver * groups + group] -> first slot of that block's clients
  private final int[] cached;
  private final long[] cachedUntil;
  private final int[] connected;
  private final long[] connectedUntil;

  /**
   * @param questionsOf per client group, the table questions its clients keep state for (empty
   *     for a group that keeps none); duplicates are ignored
   * @param tableQuestions questions in the answer table
   */
  public ClientState(Population population, int[][] questionsOf, int tableQuestions) {
    this(population, questionsOf, tableQuestions, true, true);
  }

  /**
   * As above, with the cache arrays only when some group has a cache and the connection arrays
   * only when some group keeps connections: half the bytes when only one of them is in play.
   */
  public ClientState(Population population, int[][] questionsOf, int tableQuestions, boolean caches,
      boolean connections) {
    if (questionsOf.length != population.groups()) {
      throw new IllegalArgumentException("one question list per client group");
    }
    this.population = population;
    groups = population.groups();
    width = new int[groups];
    local = new int[groups][];
    for (int g = 0; g < groups; g++) {
      local[g] = new int[tableQuestions];
      Arrays.fill(local[g], -1);
      for (int q : questionsOf[g]) {
        if (local[g][q] < 0) {
          local[g][q] = width[g]++;
        }
      }
    }
    int blocks = population.resolvers() * groups;
    slotStart = new int[blocks + 1];
    for (int k = 0; k < blocks; k++) {
      long end = slotStart[k] + (long) population.count(k / groups, k % groups) * width[k % groups];
      slotStart[k + 1] = Math.toIntExact(end);
    }
    int n = slotStart[blocks];
    cached = new int[caches ? n : 0];
    cachedUntil = new long[caches ? n : 0];
    connected = new int[connections ? n : 0];
    connectedUntil = new long[connections ? n : 0];
    Arrays.fill(cached, -1);
    Arrays.fill(cachedUntil, Long.MIN_VALUE);
    Arrays.fill(connected, -1);
    Arrays.fill(connectedUntil, Long.MIN_VALUE);
  }

  /** The first slot of {@code client}, of group {@code g} at resolver {@code r}. */
  public int base(int r, int g, int client) {
    int k = r * groups + g;
    return slotStart[k] + (client - population.first(r, g)) * width[g];
  }

  /** The slot of {@code question} for the client whose first slot is {@code base}. */
  public int index(int base, int g, int question) {
    int i = local[g][question];
    if (i < 0) {
      throw new IllegalArgumentException("client group " + g + " keeps no state for question " + question);
    }
    return base + i;
  }

  /** Slots: clients times the questions of their group, for groups that keep state. */
  public int size() {
    return slotStart[slotStart.length - 1];
  }

  /** Bytes per slot: an answer and an instant for a cache, the same for a connection. */
  public static long bytesPerSlot(boolean caches, boolean connections) {
    return (caches ? 12 : 0) + (connections ? 12 : 0);
  }

  public int cached(int i) {
    return cached[i];
  }

  public long cachedUntil(int i) {
    return cachedUntil[i];
  }

  public void cache(int i, int answer, long until) {
    cached[i] = answer;
    cachedUntil[i] = until;
  }

  public int connected(int i) {
    return connected[i];
  }

  public long connectedUntil(int i) {
    return connectedUntil[i];
  }

  public void connect(int i, int answer, long until) {
    connected[i] = answer;
    connectedUntil[i] = until;
  }
}
