package dev.dnsflip.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;

/** The one address formatter of every writer: RFC 5952 for IPv6, IPv4-mapped kept as IPv6. */
class AddressesTest {
  @Test
  void ipv6AddressesAreWrittenShort() throws Exception {
    assertThat(ipv6("100::")).isEqualTo("100::");
    assertThat(ipv6("2001:db8:0:0:0:0:0:20")).isEqualTo("2001:db8::20");
    assertThat(ipv6("::1")).isEqualTo("::1");
    assertThat(ipv6("::")).isEqualTo("::");
    assertThat(ipv6("2001:db8:0:1:0:0:0:1")).isEqualTo("2001:db8:0:1::1");
    assertThat(ipv6("2001:0:0:1:0:0:1:1")).isEqualTo("2001::1:0:0:1:1");
    assertThat(ipv6("2001:db8:1:2:3:4:0:5")).isEqualTo("2001:db8:1:2:3:4:0:5");
    assertThat(ipv6("2606:4700:0000:0000:0000:0000:6810:84E5")).isEqualTo("2606:4700::6810:84e5");
  }

  @Test
  void anIpv4MappedAddressStaysAnIpv6Address() throws Exception {
    // Java hands the mapped form back as an Inet4Address; an AAAA record must still say ::ffff:.
    InetAddress mapped = Address.getByAddress("::ffff:192.0.2.1", Address.IPv6);
    assertThat(mapped.getAddress()).hasSize(4);
    assertThat(Addresses.ipv6(mapped)).isEqualTo("::ffff:192.0.2.1");
    assertThat(Addresses.ipv4(mapped)).isEqualTo("192.0.2.1");
  }

  @Test
  void ipv4AddressesAreDottedQuads() throws Exception {
    assertThat(Addresses.ipv4(Address.getByAddress("198.51.100.7", Address.IPv4))).isEqualTo("198.51.100.7");
    assertThat(Addresses.ipv4(Address.getByAddress("0.0.0.0", Address.IPv4))).isEqualTo("0.0.0.0");
  }

  private static String ipv6(String text) throws Exception {
    return Addresses.ipv6(Address.getByAddress(text, Address.IPv6));
  }
}
