package dev.dnsflip.cli;

import dev.dnsflip.lab.Loopback;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;

/** The lab commands' address options: IPv4 literals in 127.0.0.0/8 only, anything else a user error. */
final class LabAddresses {
  private LabAddresses() {}

  /** "127.0.0.x" or "127.0.0.x:PORT" (port 0 or absent: {@code defaultPort}). */
  static InetSocketAddress parse(String option, String value, int defaultPort) {
    String host = value;
    int port = defaultPort;
    int colon = value.lastIndexOf(':');
    if (colon >= 0) {
      host = value.substring(0, colon);
      try {
        port = Integer.parseInt(value.substring(colon + 1));
      } catch (NumberFormatException e) {
        throw new UserError(option + " " + value + ": the port must be a number 0..65535");
      }
      if (port < 0 || port > 65_535) {
        throw new UserError(option + " " + value + ": the port must be a number 0..65535");
      }
    }
    if (!host.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
      throw new UserError(option + " " + value + ": expected an IPv4 address in 127.0.0.0/8, e.g. 127.0.0.53:5353");
    }
    InetAddress address;
    try {
      address = InetAddress.getByName(host); // a literal: never a lookup
    } catch (UnknownHostException e) {
      throw new UserError(option + " " + value + ": not an IPv4 address");
    }
    try {
      Loopback.require(address);
    } catch (IllegalArgumentException e) {
      throw new UserError(option + " " + value + ": the lab only uses 127.0.0.0/8, so nothing it sends leaves "
          + "this machine");
    }
    return new InetSocketAddress(address, port);
  }

  static String describe(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }
}
