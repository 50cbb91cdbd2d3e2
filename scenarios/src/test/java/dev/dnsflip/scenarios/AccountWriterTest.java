package dev.dnsflip.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/** How one record is written: owner relative to the apex, RFC 5952 content, proxied always. */
class AccountWriterTest {
  private static final Name APEX = Name.fromConstantString("example.com.");

  @Test
  void ownerNamesAreRelativeUnlessTheyWouldReadAsFullNames() {
    assertThat(AccountWriter.ownerText(APEX, APEX)).isEqualTo("@");
    assertThat(AccountWriter.ownerText(Name.fromConstantString("a.b.example.com."), APEX)).isEqualTo("a.b");
    assertThat(AccountWriter.ownerText(Name.fromConstantString("example.com.example.com."), APEX))
        .isEqualTo("example.com.example.com.");
  }

  @Test
  void aRecordIsOneFlowMapWithProxiedAlwaysAndTheRestOnlyWhenNotDefault() throws Exception {
    DnsRecord auto = new DnsRecord(new AAAARecord(APEX, DClass.IN, DnsRecord.AUTO_TTL,
        Address.getByAddress("2606:4700:0:0:0:0:6810:84e5", Address.IPv6)), true, Category.REGULAR, false);
    DnsRecord fixed = new DnsRecord(new AAAARecord(Name.fromConstantString("*.example.com."), DClass.IN, 60,
        Address.getByAddress("::ffff:192.0.2.1", Address.IPv6)), false, Category.TUNNEL, false);

    assertThat(AccountWriter.record(auto, APEX))
        .isEqualTo("{ name: \"@\", type: AAAA, content: \"2606:4700::6810:84e5\", proxied: true }");
    assertThat(AccountWriter.record(fixed, APEX))
        .isEqualTo("{ name: \"*\", type: AAAA, content: \"::ffff:192.0.2.1\", proxied: false, ttl: 60, "
            + "category: tunnel }");
  }
}
