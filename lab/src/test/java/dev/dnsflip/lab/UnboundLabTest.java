package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.APEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The Unbound driver: finding the binary, starting, failing clearly, keeping to loopback, stopping. */
class UnboundLabTest {
  private static final Path BINARY = UnboundLab.DEFAULT_BINARY;

  private static void requireUnbound() {
    assertThat(Files.isExecutable(BINARY)).as("Unbound is not installed at %s; %s", BINARY, UnboundLab.INSTALL_HINT)
        .isTrue();
  }

  private static LabAuthority authority() throws IOException {
    return LabAuthority.start(LabAccount.account(), new InetSocketAddress(Loopback.v4(53), 0));
  }

  @Test
  void missingBinaryFailsSayingHowToInstallIt(@TempDir Path dir) {
    UnboundSettings settings = new UnboundSettings(Loopback.v4(54), 0,
        new InetSocketAddress(Loopback.v4(53), 5300), List.of(APEX), List.of());
    assertThatThrownBy(() -> UnboundLab.start(dir.resolve("no-such/unbound"), settings, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("./run-tests")
        .hasMessageContaining("apt-get install unbound");
  }

  @Test
  void startsDebian12sUnboundAnsweringOnLoopbackAndStopsItOnClose(@TempDir Path dir) throws IOException {
    requireUnbound();
    try (LabAuthority authority = authority()) {
      UnboundLab unbound = UnboundLab.start(UnboundSettings.against(authority, Loopback.v4(54)), dir);
      try {
        assertThat(unbound.version()).as("Debian 12 ships Unbound 1.17.1; the presets cite it").startsWith("1.17.");
        assertThat(unbound.address().getAddress()).isEqualTo(Loopback.v4(54));
        assertThat(unbound.address().getPort()).isPositive();
        assertThat(unbound.isRunning()).isTrue();
        assertThat(authority.queries().total()).as("the readiness probe never reaches the authority").isZero();
        assertThat(Files.readString(unbound.configFile())).contains("stub-addr: " + "127.0.0.53@" + authority.port());
        assertThat(unbound.log()).as("Unbound %s log", unbound.version()).contains("start of service");
      } finally {
        unbound.close();
      }
      assertThat(unbound.isRunning()).isFalse();
    }
  }

  /** The "." stub zone: a name in no lab zone is asked of the lab (which refuses it), never of the root servers. */
  @Test
  void namesOutsideTheLabsZonesAreAskedOfTheLabNeverOfTheRoot(@TempDir Path dir) throws Exception {
    requireUnbound();
    try (LabAuthority authority = authority();
        UnboundLab unbound = UnboundLab.start(UnboundSettings.against(authority, Loopback.v4(54)), dir)) {
      Observation o = new Probe(unbound.address()).ask(Name.fromConstantString("www.example.org."), Type.A);
      assertThat(o.rcode()).as("Unbound %s: the lab refuses it, so no answer", unbound.version())
          .isEqualTo(Rcode.SERVFAIL);
      Name outside = Name.fromConstantString("example.org.");
      assertThat(authority.queries().received()).as("Unbound %s asked the lab (the root or example.org)",
              unbound.version())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.question().name().equals(Name.root) || r.question().name().subdomain(outside))
              .as("%s", r.question()).isTrue());
    }
  }

  @Test
  void aPortAlreadyTakenFailsWithUnboundsOwnWords(@TempDir Path dir) throws IOException {
    requireUnbound();
    try (LabAuthority authority = authority();
        DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(Loopback.v4(54), 0))) {
      UnboundSettings settings = UnboundSettings.against(authority, Loopback.v4(54)).withPort(squatter.getLocalPort());
      assertThatThrownBy(() -> UnboundLab.start(settings, dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited")
          .hasMessageContaining("bind");
    }
  }
}
