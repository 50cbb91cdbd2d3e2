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

/** The PowerDNS Recursor driver: finding the binary, starting, keeping to loopback, stopping. */
class PdnsLabTest {
  private static final Path BINARY = PdnsLab.DEFAULT_BINARY;

  private static LabAuthority authority() throws IOException {
    return LabAuthority.start(LabAccount.account(), new InetSocketAddress(Loopback.v4(53), 0));
  }

  @Test
  void missingBinaryFailsSayingHowToInstallIt(@TempDir Path dir) {
    PdnsSettings settings = PdnsSettings.against(new InetSocketAddress(Loopback.v4(53), 5300), java.util.List.of(), Loopback.v4(57));
    assertThatThrownBy(() -> PdnsLab.start(dir.resolve("no-such/pdns_recursor"), settings, dir))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("./run-tests")
        .hasMessageContaining("apt-get install pdns-recursor");
  }

  @Test
  void startsDebian12sPdnsRecursorAgainstTheLabSendsOnlyClientQueriesThereAndStopsOnClose(@TempDir Path dir)
      throws Exception {
    assertThat(Files.isExecutable(BINARY)).as("%s", PdnsLab.INSTALL_HINT).isTrue();
    try (LabAuthority authority = authority()) {
      PdnsLab pdns = PdnsLab.start(PdnsSettings.against(authority), dir);
      try {
        assertThat(pdns.version()).as("Debian 12 ships PowerDNS Recursor 4.8.8; the presets cite it").startsWith("4.8.");
        assertThat(pdns.address().getAddress()).isEqualTo(PdnsSettings.DEFAULT_LISTEN);
        assertThat(authority.queries().received()).extracting(QueryLog.Received::question)
            .as("at most its root priming (. NS) reaches the authority at start")
            .allSatisfy(q -> assertThat(q.name()).isEqualTo(Name.root));
        Observation o = new Probe(pdns.address()).ask(WWW, Type.A);
        assertThat(o.provenance(LabAccount.account())).isEqualTo(Provenance.ANYCAST);
        assertThat(authority.queries().count(WWW, Type.A)).isEqualTo(1);
        Name outside = Name.fromConstantString("www.example.org.");
        assertThat(new Probe(pdns.address()).ask(outside, Type.A).rcode())
            .as("a name in no lab zone goes to the lab (which refuses it), nowhere else").isNotEqualTo(Rcode.NOERROR);
        assertThat(authority.queries().count(outside, Type.A)).isPositive();
      } finally {
        pdns.close();
      }
      assertThat(pdns.isRunning()).isFalse();
    }
  }
}
