package dev.dnsflip.lab;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;

/** A DNS client for tests: one question at a time to one loopback server, each timed. */
final class Probe {
  private final SimpleResolver resolver;

  Probe(InetSocketAddress server, boolean tcp) {
    this(server, tcp, Duration.ofSeconds(2));
  }

  /** A probe that waits up to {@code timeout} for each answer (one try, no retry). */
  Probe(InetSocketAddress server, boolean tcp, Duration timeout) {
    Loopback.require(server);
    resolver = new SimpleResolver(server);
    resolver.setTCP(tcp);
    resolver.setTimeout(timeout);
  }

  Probe(InetSocketAddress server) {
    this(server, false);
  }

  Observation ask(Name name, int type) throws IOException {
    long sent = System.currentTimeMillis();
    Message response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
    return new Observation(sent, System.currentTimeMillis(), response);
  }

  /**
   * Asks at a fixed rate, one query every {@code intervalMs} from now, until {@code done} holds for
   * what was seen so far or {@code limitMs} has passed (bounded either way).
   */
  List<Observation> poll(Name name, int type, long intervalMs, long limitMs, Predicate<List<Observation>> done)
      throws IOException, InterruptedException {
    List<Observation> seen = new ArrayList<>();
    long start = System.currentTimeMillis();
    for (int i = 0; ; i++) {
      long due = start + i * intervalMs;
      long wait = due - System.currentTimeMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
      if (System.currentTimeMillis() - start > limitMs) {
        return seen;
      }
      seen.add(ask(name, type));
      if (done.test(seen)) {
        return seen;
      }
    }
  }
}
