package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Provenance;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The dnsmasq driver: finding the binary, starting, failing clearly, keeping to loopback, stopping. */
class DnsmasqLabTest {
  private static final Path BINARY = DnsmasqLab.DEFAULT_BINARY;

  private static void requireDnsmasq() {
    assertThat(Files.isExecutable(BINARY)).as("dnsmasq is not installed at %s; %s", BINARY, DnsmasqLab.INSTALL_HINT)
        .isTrue();
  }

  private static LabAuthority authority() throws IOException {
    return LabAuthority.start(LabAccount.account(), new InetSocketAddress(Loopback.v4(53), 0));
  }

  @Test
  void missingBinaryFailsSayingHowToInstallIt(@TempDir Path dir) {
    DnsmasqSettings settings = DnsmasqSettings.forwardingTo(new InetSocketAddress(Loopback.v4(53), 5300),
        Loopback.v4(56));
    assertThatThrownBy(() -> DnsmasqLab.start(dir.resolve("no-such/dnsmasq"), settings, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("./run-tests")
        .hasMessageContaining("apt-get install dnsmasq-base");
  }

  @Test
  void startsDebian12sDnsmasqForwardingToTheLabAndStopsItOnClose(@TempDir Path dir) throws IOException {
    requireDnsmasq();
    try (LabAuthority authority = authority()) {
      DnsmasqLab dnsmasq = DnsmasqLab.start(DnsmasqSettings.against(authority), dir);
      try {
        assertThat(dnsmasq.version()).as("Debian 12 ships dnsmasq 2.90; the presets cite it").isEqualTo("2.90");
        assertThat(dnsmasq.address().getAddress()).isEqualTo(Loopback.v4(56));
        assertThat(dnsmasq.isRunning()).isTrue();
        assertThat(authority.queries().total()).as("the readiness probe never reaches the authority").isZero();
        Path pid = dir.resolve("dnsmasq.pid");
        assertThat(pid).as("dnsmasq log:\n%s", dnsmasq.log()).exists();
        assertThat(Files.readString(pid, StandardCharsets.UTF_8).trim()).isNotEmpty();
        assertThat(dnsmasq.log()).contains("started, version 2.90", "using nameserver 127.0.0.53#" + authority.port());

        Observation o = new Probe(dnsmasq.address()).ask(WWW, Type.A);
        assertThat(o.provenance(LabAccount.account())).isEqualTo(Provenance.ANYCAST);
        assertThat(authority.queries().count(WWW, Type.A)).as("forwarded to the lab").isEqualTo(1);
      } finally {
        dnsmasq.close();
      }
      assertThat(dnsmasq.isRunning()).isFalse();
    }
  }

  /** dnsmasq has one upstream, the lab: a name in no lab zone goes there (and is refused), nowhere else. */
  @Test
  void namesOutsideTheLabsZonesGoToTheLabOnly(@TempDir Path dir) throws Exception {
    requireDnsmasq();
    try (LabAuthority authority = authority();
        DnsmasqLab dnsmasq = DnsmasqLab.start(DnsmasqSettings.against(authority), dir)) {
      Name outside = Name.fromConstantString("www.example.org.");
      Observation o = new Probe(dnsmasq.address()).ask(outside, Type.A);
      assertThat(o.rcode()).as("dnsmasq %s passes the lab's refusal on", dnsmasq.version()).isEqualTo(Rcode.REFUSED);
      assertThat(authority.queries().count(outside, Type.A)).isEqualTo(1);
    }
  }

  @Test
  void aPortAlreadyTakenFailsWithDnsmasqsOwnWords(@TempDir Path dir) throws IOException {
    requireDnsmasq();
    try (LabAuthority authority = authority();
        DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(Loopback.v4(56), 0))) {
      DnsmasqSettings settings = DnsmasqSettings.against(authority).withPort(squatter.getLocalPort());
      assertThatThrownBy(() -> DnsmasqLab.start(settings, dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited")
          .hasMessageContaining("Address already in use");
    }
  }
}
