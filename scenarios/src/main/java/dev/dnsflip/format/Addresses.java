package dev.dnsflip.format;

import dev.dnsflip.authority.AddressText;
import java.net.InetAddress;

/** Addresses as people write them; the one formatter ({@link AddressText}) for the file formats. */
public final class Addresses {
  private Addresses() {}

  /** An A record's address, dotted quad. */
  public static String ipv4(InetAddress address) {
    return AddressText.ipv4(address);
  }

  /** An AAAA record's address as RFC 5952 text (see {@link AddressText#ipv6}). */
  public static String ipv6(InetAddress address) {
    return AddressText.ipv6(address);
  }
}
