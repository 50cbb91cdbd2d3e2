package dev.dnsflip.lab;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;

/**
 * The lab's one network rule: everything it binds or points a resolver at is in 127.0.0.0/8, so
 * no query it causes can leave the machine.
 */
public final class Loopback {
  private Loopback() {}

  /** {@code 127.0.0.<last>}, for giving each server of a lab its own address. */
  public static InetAddress v4(int last) {
    if (last < 1 || last > 254) {
      throw new IllegalArgumentException("127.0.0." + last + " is not a usable loopback address");
    }
    try {
      return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e); // four bytes are always a valid address
    }
  }

  /** Returns {@code address} if it is in 127.0.0.0/8, else refuses it. */
  public static InetAddress require(InetAddress address) {
    // IPv4 only: Unbound's outgoing-interface pins the lab to the one family, and ::1 is a single address.
    if (!(address instanceof Inet4Address) || !address.isLoopbackAddress()) {
      throw new IllegalArgumentException("the lab only uses 127.0.0.0/8, not " + address);
    }
    return address;
  }

  public static InetSocketAddress require(InetSocketAddress address) {
    require(address.getAddress());
    return address;
  }

  /**
   * A port free for both UDP and TCP on {@code address} right now. Another process may take it
   * before the caller binds it, so callers retry on a bind failure.
   */
  public static int freePort(InetAddress address) throws IOException {
    require(address);
    for (int attempt = 0; attempt < 20; attempt++) {
      try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(address, 0))) {
        int port = udp.getLocalPort();
        try (ServerSocket tcp = new ServerSocket()) {
          tcp.bind(new InetSocketAddress(address, port));
          return port;
        } catch (IOException takenForTcp) {
          // try another ephemeral port
        }
      }
    }
    throw new IOException("no port free for both UDP and TCP on " + address.getHostAddress());
  }
}
