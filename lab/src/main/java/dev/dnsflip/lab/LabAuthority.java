package dev.dnsflip.lab;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Authority;
import dev.dnsflip.authority.Question;
import dev.dnsflip.authority.Zone;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A real authoritative DNS server, on UDP and TCP at one loopback address and port, answering
 * for an account exactly as the simulator's {@link Authority} does, with the account's switch
 * flipped at run time by {@link #enable()} and {@link #disable()}, and outages (as the
 * simulator's: every fetch fails) started and ended by {@link #fail} and {@link #recover()}. Every
 * query received is logged ({@link #queries()}), so a test can tell a resolver's cache hits from
 * its fetches.
 */
public final class LabAuthority implements AutoCloseable {
  private static final int BIND_ATTEMPTS = 20;

  private final Responder responder;
  private final QueryLog queries = new QueryLog();
  private final InetSocketAddress address;
  private final UdpListener udp;
  private final TcpListener tcp;
  private volatile boolean enabled;
  private volatile Failure failure; // null while answering

  /** How the authority fails during an outage ({@link #fail}). Queries are logged either way. */
  public enum Failure {
    /**
     * No response at all, as from a server that is down: the resolver waits for its UDP query to
     * time out (a TCP connection is closed unanswered).
     */
    TIMEOUT,
    /** SERVFAIL at once, as from a broken server: the resolver learns without waiting that the fetch failed. */
    SERVFAIL
  }

  private LabAuthority(Account account, DatagramSocket udpSocket, ServerSocket tcpSocket, boolean enabled) {
    this.address = new InetSocketAddress(udpSocket.getLocalAddress(), udpSocket.getLocalPort());
    this.responder = new Responder(new Authority(account), address.getAddress());
    this.enabled = enabled;
    this.udp = new UdpListener(udpSocket, this::answer);
    this.tcp = new TcpListener(tcpSocket, this::answer);
  }

  /**
   * Serves {@code account} on {@code bind} (a 127.0.0.0/8 address; port 0 picks a port free for
   * both UDP and TCP, see {@link #address()}), with the switch off.
   */
  public static LabAuthority start(Account account, InetSocketAddress bind) throws IOException {
    Loopback.require(bind);
    InetAddress host = bind.getAddress();
    for (int attempt = 1; ; attempt++) {
      DatagramSocket udpSocket = new DatagramSocket(new InetSocketAddress(host, bind.getPort()));
      ServerSocket tcpSocket = new ServerSocket();
      try {
        tcpSocket.setReuseAddress(true); // a restarted lab may rebind a port with connections in TIME_WAIT
        tcpSocket.bind(new InetSocketAddress(host, udpSocket.getLocalPort()));
        return new LabAuthority(account, udpSocket, tcpSocket, false);
      } catch (BindException tcpPortTaken) {
        udpSocket.close();
        tcpSocket.close();
        if (bind.getPort() != 0 || attempt >= BIND_ATTEMPTS) {
          throw tcpPortTaken;
        }
        // The ephemeral UDP port is taken for TCP: draw another.
      } catch (RuntimeException | IOException e) {
        udpSocket.close();
        tcpSocket.close();
        throw e;
      }
    }
  }

  /** The address and port served, UDP and TCP alike (the real port when 0 was asked). */
  public InetSocketAddress address() {
    return address;
  }

  public int port() {
    return address.getPort();
  }

  /** Turns enforce DNS-only on; returns the wall-clock ms from which queries see it. */
  public long enable() {
    enabled = true;
    return System.currentTimeMillis();
  }

  /** Turns enforce DNS-only off; returns the wall-clock ms from which queries see it. */
  public long disable() {
    enabled = false;
    return System.currentTimeMillis();
  }

  public boolean enabled() {
    return enabled;
  }

  /**
   * Starts an outage: every query from now on is answered as {@code how} says (still logged)
   * until {@link #recover()}; returns the wall-clock ms from which queries see it.
   */
  public long fail(Failure how) {
    failure = Objects.requireNonNull(how, "how");
    return System.currentTimeMillis();
  }

  /** Ends an outage: queries are answered again; returns the wall-clock ms from which they are. */
  public long recover() {
    failure = null;
    return System.currentTimeMillis();
  }

  /** The failure in force, or null while the authority answers. */
  public Failure failure() {
    return failure;
  }

  public QueryLog queries() {
    return queries;
  }

  /** The zones served (account and external), e.g. for a resolver's stub-zone entries. */
  public List<Name> zoneApexes() {
    return responder.zones().stream().map(Zone::apex).toList();
  }

  private byte[] answer(byte[] wire, QueryLog.Transport transport) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException unparseable) {
      return null; // nothing to echo an ID to: a resolver times out and retries, as with packet loss
    }
    if (query.getHeader().getFlag(Flags.QR)) {
      return null; // a response, not a query: answering could loop
    }
    Record question = query.getQuestion();
    if (question != null) {
      queries.record(new Question(question.getName(), question.getType()), transport);
    }
    Failure failing = failure;
    if (failing == Failure.TIMEOUT) {
      return null;
    }
    Message response = failing == Failure.SERVFAIL ? responder.serverFailure(query) : responder.respond(query, enabled);
    return transport == QueryLog.Transport.UDP
        ? response.toWire(Responder.udpLimit(query)) // sets TC when cut, so the resolver retries over TCP
        : response.toWire();
  }

  /** Stops both listeners and waits for their threads. */
  @Override
  public void close() throws IOException {
    try {
      udp.close();
    } finally {
      tcp.close();
    }
  }
}
