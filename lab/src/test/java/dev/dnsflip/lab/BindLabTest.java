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

/** The BIND driver: finding the binary, starting, failing clearly, keeping to loopback, stopping. */
class BindLabTest {
  private static final Path BINARY = BindLab.DEFAULT_BINARY;

  private static void requireBind() {
    assertThat(Files.isExecutable(BINARY)).as("BIND is not installed at %s; %s", BINARY, BindLab.INSTALL_HINT)
        .isTrue();
  }

  private static LabAuthority authority() throws IOException {
    return LabAuthority.start(LabAccount.account(), new InetSocketAddress(Loopback.v4(53), 0));
  }

  @Test
  void missingBinaryFailsSayingHowToInstallIt(@TempDir Path dir) {
    BindSettings settings = new BindSettings(Loopback.v4(1), 0, new InetSocketAddress(Loopback.v4(53), 5300),
        List.of(APEX), List.of());
    assertThatThrownBy(() -> BindLab.start(dir.resolve("no-such/named"), settings, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("./run-tests")
        .hasMessageContaining("apt-get install bind9");
  }

  @Test
  void startsDebian12sBindAnsweringOnLoopbackWithItsFilesInTheWorkDirAndStopsItOnClose(@TempDir Path dir)
      throws IOException {
    requireBind();
    try (LabAuthority authority = authority()) {
      BindLab bind = BindLab.start(BindSettings.against(authority), dir);
      try {
        assertThat(bind.version()).as("Debian 12 ships BIND 9.18; the presets cite it").startsWith("9.18.");
        assertThat(bind.address().getAddress()).isEqualTo(Loopback.v4(1));
        assertThat(bind.address().getPort()).isPositive();
        assertThat(bind.isRunning()).isTrue();
        assertThat(authority.queries().total()).as("the readiness probe never reaches the authority").isZero();
        assertThat(Files.readString(bind.configFile())).contains("port " + authority.port() + ";",
            "zone \"example.com.\" { type static-stub; server-addresses { 127.0.0.53; }; };");
        assertThat(dir.resolve("named.pid")).as("named %s log:\n%s", bind.version(), bind.log()).exists();
        assertThat(bind.log()).as("named %s log", bind.version()).contains("running");
      } finally {
        bind.close();
      }
      assertThat(bind.isRunning()).isFalse();
    }
  }

  /** The "." static stub: a name in no lab zone is asked of the lab (which refuses it), never of the root servers. */
  @Test
  void namesOutsideTheLabsZonesAreAskedOfTheLabNeverOfTheRoot(@TempDir Path dir) throws Exception {
    requireBind();
    try (LabAuthority authority = authority(); BindLab bind = BindLab.start(BindSettings.against(authority), dir)) {
      Name outside = Name.fromConstantString("www.example.org.");
      Observation o = new Probe(bind.address()).ask(outside, Type.A);
      assertThat(o.rcode()).as("named %s: the lab refuses it, so no answer", bind.version())
          .isEqualTo(Rcode.SERVFAIL);
      // Relaxed QNAME minimisation asks "org. NS" first, then the full name: all of them of the lab.
      assertThat(authority.queries().received()).as("named %s asked the lab for the name or its ancestors",
              bind.version())
          .isNotEmpty()
          .allSatisfy(r -> assertThat(outside.subdomain(r.question().name())).as("%s", r.question()).isTrue())
          .anySatisfy(r -> assertThat(r.question().name()).isEqualTo(outside));
    }
  }

  /** named only listens on addresses an interface carries: any other 127.0.0.x would leave it deaf, so it is refused. */
  @Test
  void aLoopbackAddressNoInterfaceCarriesIsRefusedBeforeStarting(@TempDir Path dir) throws IOException {
    requireBind();
    try (LabAuthority authority = authority()) {
      BindSettings deaf = new BindSettings(Loopback.v4(55), 0, authority.address(), authority.zoneApexes(),
          List.of());
      assertThatThrownBy(() -> BindLab.start(deaf, dir))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("127.0.0.55")
          .hasMessageContaining("127.0.0.1");
    }
  }

  @Test
  void aPortAlreadyTakenFailsWithNamedsOwnWords(@TempDir Path dir) throws IOException {
    requireBind();
    try (LabAuthority authority = authority();
        DatagramSocket squatter = new DatagramSocket(new InetSocketAddress(Loopback.v4(1), 0))) {
      BindSettings settings = BindSettings.against(authority).withPort(squatter.getLocalPort());
      assertThatThrownBy(() -> BindLab.start(settings, dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("exited")
          .hasMessageContaining("unable to listen");
    }
  }
}
