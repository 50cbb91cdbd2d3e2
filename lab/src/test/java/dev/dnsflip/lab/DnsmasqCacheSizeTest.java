package dev.dnsflip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchSettings;
import dev.dnsflip.authority.Zone;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * dnsmasq 2.90's default cache (no cache-size set): 150 entries, least recently used evicted
 * first, as the dnsmasq-2.90 preset's capacity says; an entry is one record, not one RRset, so a
 * proxied name (two anycast A records) takes two. Each test fills the cache with names asked once,
 * then asks the first name again: the authority sees it again exactly when it was evicted.
 */
class DnsmasqCacheSizeTest {
  /** dnsmasq(8) 2.90, --cache-size: "The default is 150 names." */
  private static final int DEFAULT_CACHE_SIZE = 150;
  private static final long TTL_S = 600;

  @BeforeAll
  static void requireDnsmasq290() throws IOException {
    assertThat(Files.isExecutable(DnsmasqLab.DEFAULT_BINARY)).as(DnsmasqLab.INSTALL_HINT).isTrue();
    assertThat(DnsmasqLab.version(DnsmasqLab.DEFAULT_BINARY)).isEqualTo("2.90");
  }

  @Test
  void oneHundredFiftyOneRecordNamesEvictTheFirstAndOneHundredFiftyDoNot(@TempDir Path dir) throws Exception {
    assertThat(refetchesFirst(dir.resolve("150"), DEFAULT_CACHE_SIZE, false)).as("150 single-record names fit")
        .isFalse();
    assertThat(refetchesFirst(dir.resolve("151"), DEFAULT_CACHE_SIZE + 1, false)).as("the 151st evicts the first")
        .isTrue();
  }

  @Test
  void aProxiedNamesTwoAnycastRecordsTakeTwoEntries(@TempDir Path dir) throws Exception {
    assertThat(refetchesFirst(dir.resolve("75"), DEFAULT_CACHE_SIZE / 2, true)).as("75 proxied names fill 150 entries")
        .isFalse();
    assertThat(refetchesFirst(dir.resolve("76"), DEFAULT_CACHE_SIZE / 2 + 1, true)).as("the 76th evicts the first")
        .isTrue();
  }

  /** Asks {@code names} distinct names once each, then the first again: whether the authority was asked it twice. */
  private static boolean refetchesFirst(Path dir, int names, boolean proxied) throws Exception {
    Account account = account(names, proxied);
    try (LabAuthority authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(53), 0));
        DnsmasqLab dnsmasq = DnsmasqLab.start(DnsmasqSettings.against(authority), dir)) {
      Probe probe = new Probe(dnsmasq.address());
      for (int i = 0; i < names; i++) {
        assertThat(probe.ask(name(i), Type.A).addresses()).as("answer for %s", name(i)).hasSize(proxied ? 2 : 1);
      }
      probe.ask(name(0), Type.A);
      for (int i = 1; i < names; i++) {
        assertThat(authority.queries().count(name(i), Type.A)).as("each other name fetched once").isEqualTo(1);
      }
      return authority.queries().count(name(0), Type.A) == 2;
    }
  }

  private static Account account(int names, boolean proxied) {
    List<DnsRecord> records = new ArrayList<>();
    for (int i = 0; i < names; i++) {
      records.add(DnsRecord.regular(new ARecord(name(i), DClass.IN, proxied ? DnsRecord.AUTO_TTL : TTL_S,
          LabAccount.address("192.0.2.20")),
          proxied));
    }
    Zone zone = new Zone(LabAccount.APEX, LabAccount.SOA, records);
    return new Account(List.of(zone), TTL_S, Account.defaultAnycastV4(), Account.defaultAnycastV6(),
        SwitchSettings.DEFAULTS, List.of());
  }

  private static Name name(int i) {
    return Name.fromConstantString("n" + i + ".example.com.");
  }
}
