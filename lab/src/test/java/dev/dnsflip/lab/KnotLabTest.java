package dev.dnsflip.lab;

import static dev.dnsflip.lab.LabAccount.WWW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dnsflip.authority.Provenance;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The Knot Resolver driver: finding the binary, starting, keeping to loopback, stopping. */
class KnotLabTest {
  private static final Path BINARY = KnotLab.DEFAULT_BINARY;

  private static LabAuthority authority() throws IOException {
    return LabAuthority.start(LabAccount.account(), new InetSocketAddress(Loopback.v4(53), 0));
  }

  @Test
  void missingBinaryFailsSayingHowToInstallIt(@TempDir Path dir) {
    KnotSettings settings = KnotSettings.against(new InetSocketAddress(Loopback.v4(53), 5300), Loopback.v4(58));
    assertThatThrownBy(() -> KnotLab.start(dir.resolve("no-such/kresd"), settings, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("./run-tests")
        .hasMessageContaining("apt-get install knot-resolver");
  }

  @Test
  void startsDebian12sKresdAgainstTheLabSendsOnlyClientQueriesThereAndStopsOnClose(@TempDir Path dir)
      throws Exception {
    assertThat(Files.isExecutable(BINARY)).as("%s", KnotLab.INSTALL_HINT).isTrue();
    try (LabAuthority authority = authority()) {
      KnotLab knot = KnotLab.start(KnotSettings.against(authority), dir);
      try {
        assertThat(knot.version()).as("Debian 12 ships Knot Resolver 5.6.0; the preset cites it").startsWith("5.6.");
        assertThat(knot.address().getAddress()).isEqualTo(KnotSettings.DEFAULT_LISTEN);
        assertThat(authority.queries().total()).as("no priming, no probes: the authority is asked nothing at start")
            .isZero();
        Observation o = new Probe(knot.address()).ask(WWW, Type.A);
        assertThat(o.provenance(LabAccount.account())).isEqualTo(Provenance.ANYCAST);
        assertThat(authority.queries().count(WWW, Type.A)).isEqualTo(1);
        Name outside = Name.fromConstantString("www.example.org.");
        assertThat(new Probe(knot.address()).ask(outside, Type.A).rcode())
            .as("a name in no lab zone goes to the lab (which refuses it), nowhere else").isNotEqualTo(Rcode.NOERROR);
        assertThat(authority.queries().count(outside, Type.A)).isPositive();
      } finally {
        knot.close();
      }
      assertThat(knot.isRunning()).isFalse();
    }
  }
}
