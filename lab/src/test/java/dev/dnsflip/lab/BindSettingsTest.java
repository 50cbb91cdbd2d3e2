package dev.dnsflip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** The named.conf the lab writes: loopback only, recursion for loopback, every zone and the root a static stub of the lab. */
class BindSettingsTest {
  private static final Path DIR = Path.of("/tmp/dnsflip-lab-test");
  /** Debian's bind9-utils, a dependency of bind9: parses a named.conf as named would. */
  private static final Path CHECKCONF = Path.of("/usr/bin/named-checkconf");

  private final BindSettings settings = new BindSettings(Loopback.v4(1), 0,
      new InetSocketAddress(Loopback.v4(53), 5300),
      List.of(Name.fromConstantString("example.com."), Name.fromConstantString("origin.net.")), List.of());

  @Test
  void rendersALoopbackOnlyRecursiveServerWithItsFilesInTheWorkDirectory() {
    String conf = settings.render(DIR, 5353);
    assertThat(conf).contains(
        "directory \"/tmp/dnsflip-lab-test\";",
        "pid-file \"/tmp/dnsflip-lab-test/named.pid\";",
        "session-keyfile \"/tmp/dnsflip-lab-test/session.key\";",
        "managed-keys-directory \"/tmp/dnsflip-lab-test\";",
        "listen-on port 5353 { 127.0.0.1; };",
        "listen-on-v6 { none; };",
        "query-source address 127.0.0.1;",
        "recursion yes;",
        "allow-query { 127.0.0.0/8; };",
        "allow-recursion { 127.0.0.0/8; };",
        "dnssec-validation no;",
        "controls { };");
    assertThat(conf).as("queries go to the authority's port: static-stub addresses take none")
        .contains("    port 5300;\n");
    assertThat(conf).doesNotContain("min-cache-ttl", "prefetch", "stale-", "qname-minimization");
  }

  @Test
  void everyZoneAndTheRootAreStaticStubsOfTheLabAuthority() {
    String conf = settings.render(DIR, 5353);
    for (String zone : List.of("example.com.", "origin.net.", ".")) {
      assertThat(conf).contains("zone \"" + zone + "\" { type static-stub; server-addresses { 127.0.0.53; }; };\n");
    }
  }

  @Test
  void cacheOptionsAreWrittenOnceWithTheLastValue() {
    String conf = settings.minCacheTtl(10).minCacheTtl(6).maxNcacheTtl(1).prefetch(2, 9).staleAnswerEnable(true)
        .staleCacheEnable(true).staleAnswerTtl(30).staleRefreshTime(30).staleAnswerClientTimeoutOff()
        .qnameMinimization(BindSettings.QnameMinimization.RELAXED).render(DIR, 5353);
    assertThat(conf).contains("min-cache-ttl 6;\n", "max-ncache-ttl 1;\n", "prefetch 2 9;\n",
        "stale-answer-enable yes;\n", "stale-cache-enable yes;\n", "stale-answer-ttl 30;\n", "stale-refresh-time 30;\n",
        "stale-answer-client-timeout off;\n", "qname-minimization relaxed;\n");
    assertThat(conf.split("min-cache-ttl", -1)).hasSize(2);
    assertThat(settings.staleAnswerClientTimeoutMs(0).render(DIR, 5353)).contains("stale-answer-client-timeout 0;\n");
  }

  /** What named itself would say: the rendered file, with every option the lab sets, parses. */
  @Test
  void namedCheckconfAcceptsTheRenderedFile(@TempDir Path dir) throws IOException, InterruptedException {
    assertThat(Files.isExecutable(CHECKCONF)).as("named-checkconf is not installed at %s; %s", CHECKCONF,
        BindLab.INSTALL_HINT).isTrue();
    Path conf = dir.resolve("named.conf");
    Files.writeString(conf, settings.maxCacheTtl(604_800).minCacheTtl(90).maxNcacheTtl(10_800).minNcacheTtl(90)
        .prefetch(2, 9).staleAnswerEnable(true).staleCacheEnable(true).staleAnswerTtl(30).staleRefreshTime(30)
        .maxStaleTtl(86_400).staleAnswerClientTimeoutOff().qnameMinimization(BindSettings.QnameMinimization.OFF)
        .render(dir, 5353), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(CHECKCONF.toString(), conf.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("named-checkconf says:\n%s\nof:\n%s", out, Files.readString(conf)).isZero();
  }

  @Test
  void refusesAnythingOffLoopbackAndMinimaBind918Rejects() throws Exception {
    InetAddress documentation = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
    assertThatThrownBy(() -> new BindSettings(documentation, 0, new InetSocketAddress(Loopback.v4(53), 5300),
        List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BindSettings(Loopback.v4(1), 0, new InetSocketAddress(documentation, 53),
        List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.minCacheTtl(91)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("90");
    assertThatThrownBy(() -> settings.minNcacheTtl(91)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.maxCacheTtl(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
