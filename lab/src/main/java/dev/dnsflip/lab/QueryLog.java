package dev.dnsflip.lab;

import dev.dnsflip.authority.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * Every query a {@link LabAuthority} received, in arrival order, with a count per (name, type):
 * a resolver's cache hit never reaches the authority, so the counts tell hits from fetches.
 * Times are wall-clock milliseconds ({@link System#currentTimeMillis()}), the clock real
 * resolvers read, so they can be compared with the whole seconds a resolver's TTLs count down in.
 */
public final class QueryLog {
  public enum Transport { UDP, TCP }

  /** One query as it arrived. Names compare case-insensitively (dnsjava {@link Name}). */
  public record Received(Question question, long atMillis, Transport transport) {}

  private final List<Received> received = new ArrayList<>();
  private final Map<Question, Integer> counts = new HashMap<>();

  private java.util.function.Consumer<Received> listener = r -> { };

  synchronized void record(Question question, Transport transport) {
    Received r = new Received(question, System.currentTimeMillis(), transport);
    received.add(r);
    counts.merge(question, 1, Integer::sum);
    listener.accept(r);
  }

  /** Tells {@code listener} of each query from now on, in arrival order (e.g. to log it as it comes). */
  public synchronized void onEach(java.util.function.Consumer<Received> newListener) {
    listener = java.util.Objects.requireNonNull(newListener, "listener");
  }

  /** Queries received for (name, type) so far. */
  public synchronized int count(Question question) {
    return counts.getOrDefault(question, 0);
  }

  public int count(Name name, int type) {
    return count(new Question(name, type));
  }

  public synchronized int total() {
    return received.size();
  }

  /** A snapshot of every query so far, in arrival order. */
  public synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** A snapshot of the queries for one (name, type), in arrival order. */
  public synchronized List<Received> received(Question question) {
    List<Received> matching = new ArrayList<>();
    for (Received r : received) {
      if (r.question().equals(question)) {
        matching.add(r);
      }
    }
    return List.copyOf(matching);
  }

  @Override
  public synchronized String toString() {
    StringBuilder out = new StringBuilder();
    for (Received r : received) {
      out.append(r.atMillis()).append(' ').append(r.transport()).append(' ').append(r.question()).append('\n');
    }
    return out.toString();
  }
}
