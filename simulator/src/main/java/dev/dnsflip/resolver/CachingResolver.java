package dev.dnsflip.resolver;

import dev.dnsflip.authority.AnswerTable;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Provenance;
import java.util.Arrays;

/**
 * A recursive cache with composed policies ({@link ResolverBehaviour}): TTL clamps, serve-stale,
 * prefetch, TTL pass-on. A lookup for (name, type) uses a fresh entry for it, else a fresh CNAME
 * for the name (the target is then looked up separately), else asks its upstream and stores what
 * it gets: a CNAME under (name, CNAME), anything else under (name, type), each for the TTL it
 * received after clamping. Entries are fresh while {@code now < expiry}: with the millisecond clock
 * the expiry is the store time + TTL and the remaining milliseconds are passed on; with the
 * whole-second clock ({@link CacheClock#WHOLE_SECOND}) the received TTL is taken in whole seconds,
 * the entry lives to the end of its expiry second and whole seconds are passed on. Hits, serve-stale
 * windows (which start at the expiry) and prefetch triggers (which see the TTL passed on) follow.
 *
 * <p>A name of a client's own (a per-client slot of the {@link AnswerTable}) is held under
 * (slot, client) in {@link PerClientSlots}: the arrays grow past the table's slots by one entry per
 * pair looked up, so the cache costs memory in proportion to the clients it served.
 *
 * <p>Background refreshes (prefetch, serve-stale with client timeout 0) complete at the instant
 * they start: the simulator has no network latency, which only shortens transitions by a round
 * trip.
 */
public final class CachingResolver extends ResolvingNode {
  private static final long NEVER = Long.MIN_VALUE;

  private final AnswerTable table;
  /** Kept, so a lookup allocates nothing. */
  private final CnameChain.Links links = this::link;
  private final ResolverBehaviour behaviour;
  private final Upstream upstream;
  private long[] expiry;
  private long[] original;
  private long[] staleUntil;
  private long[] retryAfter;
  private int[] answer;
  private final PerClientSlots perClient; // null when no client asks a name of its own
  private int used; // slots in use: the table's, then per-client entries
  private int asking = -1; // the client whose lookup is under way
  private final LruOrder lru; // null when capacity is unlimited
  private final boolean wholeSecond;
  /** A fresh entry is a hit with nothing else to do: no LRU, prefetch, whole-second clock nor clients' own names. */
  private final boolean plainHits;

  private long staleServed;

  public CachingResolver(AnswerTable table, ResolverBehaviour behaviour, Upstream upstream) {
    this.table = table;
    this.behaviour = behaviour;
    this.upstream = upstream;
    int slots = table.slotCount();
    expiry = new long[slots];
    original = new long[slots];
    staleUntil = new long[slots];
    retryAfter = new long[slots];
    answer = new int[slots];
    Arrays.fill(expiry, NEVER);
    Arrays.fill(staleUntil, NEVER);
    Arrays.fill(retryAfter, NEVER);
    Arrays.fill(answer, FAILED);
    if (table.answerCount() > Resolution.MAX_ANSWERS) {
      throw new IllegalArgumentException("too many answers to pack: " + table.answerCount());
    }
    used = slots;
    perClient = table.anyPerClient() ? new PerClientSlots() : null;
    lru = behaviour.capacity() > 0 ? new LruOrder(slots) : null;
    wholeSecond = behaviour.wholeSecondClock();
    plainHits = lru == null && !wholeSecond && behaviour.prefetch() instanceof Prefetch.None && perClient == null;
  }

  @Override
  public long lookup(int question, long now, int client) {
    asking = client;
    return CnameChain.follow(table, question, now, links);
  }

  /**
   * The commonest lookup without the chain's machinery: a fresh terminal entry of a name shared by
   * all clients, in a cache whose hits change nothing, as {@link #lookup} would return it; else
   * {@link Resolution#FAILED}, and the caller looks up. Small enough for the JIT to inline into a
   * caller's loop, which {@link #lookup} is not.
   */
  public long freshAnswer(int question, long now) {
    if (!plainHits || now >= expiry[question]) {
      return Resolution.FAILED;
    }
    int a = answer[question];
    if (table.isCname(a)) {
      return Resolution.FAILED;
    }
    return Resolution.of(a, true, behaviour.passOriginalTtl() ? original[question] : expiry[question] - now);
  }

  /** As an upstream of a forwarder: the first link only, with the TTL this cache passes on. */
  @Override
  public long fetch(int question, long now) {
    return fetch(question, now, -1);
  }

  /** As an upstream of a forwarder asked on behalf of {@code client} (whose own names it keys by). */
  @Override
  public long fetch(int question, long now, int client) {
    asking = client;
    return link(question, now);
  }

  /** Where the entry of {@code slot} for the client asking lives: the slot itself, or that client's own entry. */
  private int slotFor(int slot) {
    return slot >= 0 && perClient != null && table.isPerClient(slot) ? entryOf(slot, asking) : slot;
  }

  /** The index of (slot, client)'s entry, made empty when first asked for. */
  private int entryOf(int slot, int client) {
    int e = perClient.get(slot, client);
    if (e >= 0) {
      return e;
    }
    if (used == expiry.length) {
      int grown = Math.max(used + 16, used + (used >> 1));
      expiry = Arrays.copyOf(expiry, grown);
      original = Arrays.copyOf(original, grown);
      staleUntil = Arrays.copyOf(staleUntil, grown);
      retryAfter = Arrays.copyOf(retryAfter, grown);
      answer = Arrays.copyOf(answer, grown);
      Arrays.fill(expiry, used, grown, NEVER);
      Arrays.fill(staleUntil, used, grown, NEVER);
      Arrays.fill(retryAfter, used, grown, NEVER);
      Arrays.fill(answer, used, grown, FAILED);
      if (lru != null) {
        lru.grow(grown);
      }
    }
    e = used++;
    perClient.put(slot, client, e);
    return e;
  }

  /**
   * Bytes one entry for a name of a client's own costs at most: five array cells (grown by half,
   * so up to 1.5 times that), its key and index in {@link PerClientSlots}, and an LRU cell when bounded.
   */
  public static long bytesPerClientEntry(boolean lru) {
    return (36 + (lru ? 9 : 0)) * 3 / 2 + PerClientSlots.bytesPerPair();
  }

  /** Entries held for names of clients' own (empty ones included). */
  public int perClientEntries() {
    return perClient == null ? 0 : perClient.size();
  }

  /** Stale answers served so far. */
  public long staleServed() {
    return staleServed;
  }

  /** One link of the chain: a CNAME or the terminal answer, with whether it was cached and the TTL passed on. */
  private long link(int q, long now) {
    int dataSlot = slotFor(q);
    int cnameSlot = slotFor(table.cnameSlotOf(q));
    if (now < expiry[dataSlot]) {
      return hit(dataSlot, q, dataSlot, cnameSlot, now);
    }
    if (cnameSlot >= 0 && now < expiry[cnameSlot]) {
      return hit(cnameSlot, q, dataSlot, cnameSlot, now);
    }
    ServeStale stale = behaviour.serveStale();
    int staleSlot = stale.enabled() ? staleCandidate(dataSlot, cnameSlot, now) : -1;
    if (staleSlot >= 0 && (stale.clientTimeoutMs() == 0 || now < retryAfter[staleSlot])) {
      // Answer stale at once; refresh in the background unless backing off after a failure.
      int old = answer[staleSlot];
      long reply = stale.replyTtlMs(original[staleSlot]);
      if (now >= retryAfter[staleSlot]) {
        refresh(q, dataSlot, cnameSlot, staleSlot, now);
      }
      return served(old, reply);
    }
    long fetched = upstream.fetch(q, now, asking);
    if (fetched != Resolution.FAILED) {
      int a = Resolution.answer(fetched);
      return Resolution.of(a, false, store(dataSlot, cnameSlot, a, Resolution.ttlMs(fetched), now));
    }
    if (staleSlot >= 0) {
      failed(staleSlot, now);
      return served(answer[staleSlot], stale.replyTtlMs(original[staleSlot]));
    }
    return Resolution.FAILED;
  }

  private long hit(int slot, int q, int dataSlot, int cnameSlot, long now) {
    int a = answer[slot];
    if (lru != null) {
      lru.touch(slot);
    }
    long remaining = wholeSecond ? CacheClock.wholeSecondRemainingMs(expiry[slot], now) : expiry[slot] - now;
    // The client gets what was cached; a prefetch only refreshes the entry behind it.
    long passOn = behaviour.passOriginalTtl() ? original[slot] : remaining;
    if (behaviour.prefetch().triggers(remaining, original[slot])) {
      long fresh = upstream.fetch(q, now, asking);
      if (fresh != Resolution.FAILED) {
        store(dataSlot, cnameSlot, Resolution.answer(fresh), Resolution.ttlMs(fresh), now);
      }
    }
    return Resolution.of(a, true, passOn);
  }

  private long served(int a, long replyTtlMs) {
    staleServed++;
    return Resolution.of(a, true, replyTtlMs);
  }

  private void refresh(int q, int dataSlot, int cnameSlot, int staleSlot, long now) {
    long fresh = upstream.fetch(q, now, asking);
    if (fresh != Resolution.FAILED) {
      store(dataSlot, cnameSlot, Resolution.answer(fresh), Resolution.ttlMs(fresh), now);
    } else {
      failed(staleSlot, now);
    }
  }

  private void failed(int slot, long now) {
    ServeStale stale = behaviour.serveStale();
    retryAfter[slot] = now + stale.refreshRetryMs();
    if (stale.resetOnFailure()) {
      // Whole seconds: the window restarts at the end of the current second (Unbound compares seconds).
      staleUntil[slot] = (wholeSecond ? CacheClock.secondStartMs(now) + 1000 : now) + stale.maxStaleS() * 1000;
    }
  }

  /** The expired slot (data or CNAME) still inside its stale window, the most recently expired; or -1. */
  private int staleCandidate(int dataSlot, int cnameSlot, long now) {
    int best = -1;
    if (answer[dataSlot] != FAILED && now < staleUntil[dataSlot]) {
      best = dataSlot;
    }
    if (cnameSlot >= 0 && answer[cnameSlot] != FAILED && now < staleUntil[cnameSlot]
        && (best < 0 || expiry[cnameSlot] > expiry[best])) {
      best = cnameSlot;
    }
    return best;
  }

  /**
   * Stores a received answer with its clamped TTL (in whole seconds first, with the whole-second
   * clock) in its data slot, or its CNAME slot for a CNAME; returns the TTL passed on (the clamped one).
   */
  private long store(int dataSlot, int cnameSlot, int a, long receivedTtlMs, long now) {
    long received = wholeSecond ? CacheClock.wholeSecondsMs(receivedTtlMs) : receivedTtlMs;
    long ttl = table.provenance(a) == Provenance.NEGATIVE.ordinal()
        ? behaviour.clamps().negativeMs(received)
        : behaviour.clamps().positiveMs(received);
    int slot = table.isCname(a) ? cnameSlot : dataSlot;
    if (lru != null) {
      makeRoomFor(slot);
    }
    long until = wholeSecond ? CacheClock.wholeSecondExpiryMs(now, ttl) : now + ttl;
    answer[slot] = a;
    expiry[slot] = until;
    original[slot] = ttl;
    staleUntil[slot] = behaviour.serveStale().enabled() ? until + behaviour.serveStale().maxStaleS() * 1000 : until;
    retryAfter[slot] = NEVER;
    return ttl;
  }

  /** Evicts least recently used entries until {@code slot} fits. */
  private void makeRoomFor(int slot) {
    lru.touch(slot);
    while (lru.size() > behaviour.capacity()) {
      int victim = lru.evict();
      answer[victim] = FAILED;
      expiry[victim] = NEVER;
      staleUntil[victim] = NEVER;
      retryAfter[victim] = NEVER;
    }
  }

  /**
   * Until when a lookup of {@code question} at {@code now} is answered from this cache with the
   * same terminal answer: the earliest expiry along its chain (the data entry, or a CNAME and its
   * target's), or {@link Long#MIN_VALUE} when some link is not fresh at {@code now}. Changes
   * nothing; what skips ahead past hits reads it.
   */
  public long freshUntil(int question, long now) {
    if (table.isPerClient(question)) {
      throw new IllegalStateException("skipping ahead keys no names of clients' own: " + table.question(question));
    }
    long until = Long.MAX_VALUE;
    int q = question;
    for (int depth = 0; depth <= Authority.MAX_CHAIN; depth++) {
      if (now < expiry[q]) {
        return Math.min(until, expiry[q]);
      }
      int cnameSlot = table.cnameSlotOf(q);
      if (cnameSlot < 0 || now >= expiry[cnameSlot]) {
        return Long.MIN_VALUE;
      }
      until = Math.min(until, expiry[cnameSlot]);
      q = table.target(answer[cnameSlot], q);
    }
    throw new IllegalStateException("CNAME chain too long at " + table.question(question));
  }

  // Inspection and set-up, for tests and the stationary initial state.

  /** The entry index of {@code client}'s own name at per-client {@code slot} (made empty when new). */
  public int entryFor(int slot, int client) {
    if (!table.isPerClient(slot)) {
      throw new IllegalArgumentException(table.slotName(slot) + " is not a name of clients' own");
    }
    return entryOf(slot, client);
  }

  public boolean isFresh(int slot, long now) {
    return now < expiry[slot];
  }

  public long expiryMs(int slot) {
    return expiry[slot];
  }

  public int answer(int slot) {
    return answer[slot];
  }

  /**
   * Places an entry as if fetched {@code ageMs} before {@code now} with TTL {@code ttlMs} (as kept,
   * after the clamps); its expiry follows this cache's clock.
   */
  public void preload(int slot, int answerId, long ttlMs, long ageMs, long now) {
    if (lru != null) {
      makeRoomFor(slot);
    }
    long storedAt = now - ageMs;
    long ttl = wholeSecond ? CacheClock.wholeSecondsMs(ttlMs) : ttlMs;
    answer[slot] = answerId;
    expiry[slot] = wholeSecond ? CacheClock.wholeSecondExpiryMs(storedAt, ttl) : storedAt + ttl;
    original[slot] = ttl;
    staleUntil[slot] = behaviour.serveStale().enabled()
        ? expiry[slot] + behaviour.serveStale().maxStaleS() * 1000 : expiry[slot];
  }

  public ResolverBehaviour behaviour() {
    return behaviour;
  }

  /** A restart: every entry gone, as when the cache was made. */
  @Override
  public void flush() {
    Arrays.fill(expiry, NEVER);
    Arrays.fill(original, 0);
    Arrays.fill(staleUntil, NEVER);
    Arrays.fill(retryAfter, NEVER);
    Arrays.fill(answer, FAILED);
    if (lru != null) {
      lru.clear();
    }
  }
}
