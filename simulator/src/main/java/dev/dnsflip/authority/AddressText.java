package dev.dnsflip.authority;

import java.net.InetAddress;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Record;

/** Addresses as people write them: the one formatter of every writer and report. */
public final class AddressText {
  private AddressText() {}

  /** The address of an A or AAAA record, as people write it. */
  public static String of(Record record) {
    if (record instanceof ARecord a) {
      return ipv4(a.getAddress());
    }
    if (record instanceof AAAARecord aaaa) {
      return ipv6(aaaa.getAddress());
    }
    throw new IllegalArgumentException("not an address record: " + record);
  }

  /** An A record's address, dotted quad. */
  public static String ipv4(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length != 4) {
      throw new IllegalArgumentException("not an IPv4 address: " + address);
    }
    return (b[0] & 0xff) + "." + (b[1] & 0xff) + "." + (b[2] & 0xff) + "." + (b[3] & 0xff);
  }

  /**
   * An AAAA record's address as RFC 5952 text: lower case, the longest run of two or more zero
   * groups (the first of equals) as "::", which neither Java nor dnsjava produce. An IPv4-mapped
   * address, which Java hands back as IPv4, keeps its mixed form ({@code ::ffff:192.0.2.1}).
   */
  public static String ipv6(InetAddress address) {
    byte[] b = address.getAddress();
    if (b.length == 4) {
      return "::ffff:" + ipv4(address);
    }
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1; // a single zero group is not shortened
    for (int i = 0; i < 8; ) {
      if (groups[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        s.append("::");
        i += bestLength - 1;
        continue;
      }
      if (s.length() > 0 && s.charAt(s.length() - 1) != ':') {
        s.append(':');
      }
      s.append(Integer.toHexString(groups[i]));
    }
    return s.toString();
  }
}
