package dev.dnsflip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dnsmasq.conf the lab writes: a caching forwarder on one loopback address, one upstream, nothing from /etc. */
class DnsmasqSettingsTest {
  private static final Path DIR = Path.of("/tmp/dnsflip-lab-test");

  private final DnsmasqSettings settings = DnsmasqSettings.forwardingTo(
      new InetSocketAddress(Loopback.v4(54), 5300), Loopback.v4(56));

  @Test
  void rendersAForwarderBoundToOneLoopbackAddressWithOneUpstreamAndNothingFromEtc() {
    String conf = settings.render(DIR, 5353);
    assertThat(conf).contains(
        "port=5353\n",
        "listen-address=127.0.0.56\n",
        "bind-interfaces\n",
        "no-resolv\n",
        "no-hosts\n",
        "server=127.0.0.54#5300@127.0.0.56\n",
        "pid-file=/tmp/dnsflip-lab-test/dnsmasq.pid\n",
        "log-facility=-\n");
    assertThat(conf).doesNotContain("dhcp", "cache-size", "min-cache-ttl", "use-stale-cache", "log-queries");
  }

  @Test
  void cacheOptionsAreWrittenOnceWithTheLastValue() {
    String conf = settings.cacheSize(10).cacheSize(150).minCacheTtl(5).maxCacheTtl(60).useStaleCache().logQueries()
        .render(DIR, 5353);
    assertThat(conf).contains("cache-size=150\n", "min-cache-ttl=5\n", "max-cache-ttl=60\n", "use-stale-cache\n",
        "log-queries=extra\n");
    assertThat(conf.split("cache-size", -1)).hasSize(2);
    assertThat(settings.useStaleCache(300).render(DIR, 5353)).contains("use-stale-cache=300\n");
  }

  /** What dnsmasq itself would say: the rendered file, with every option the lab sets, parses. */
  @Test
  void dnsmasqTestAcceptsTheRenderedFile(@TempDir Path dir) throws IOException, InterruptedException {
    Path binary = DnsmasqLab.DEFAULT_BINARY;
    assertThat(Files.isExecutable(binary)).as("dnsmasq is not installed at %s; %s", binary, DnsmasqLab.INSTALL_HINT)
        .isTrue();
    Path conf = dir.resolve("dnsmasq.conf");
    Files.writeString(conf, settings.cacheSize(150).minCacheTtl(3600).maxCacheTtl(86_400).useStaleCache(86_400)
        .logQueries().render(dir, 5353), StandardCharsets.UTF_8);
    Process p = new ProcessBuilder(binary.toString(), "--test", "--conf-file=" + conf).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("dnsmasq --test says:\n%s\nof:\n%s", out, Files.readString(conf)).isZero();
    assertThat(out).contains("syntax check OK");
  }

  @Test
  void refusesAnythingOffLoopbackAndAFloorDnsmasqWouldCap() throws Exception {
    InetAddress documentation = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
    assertThatThrownBy(() -> DnsmasqSettings.forwardingTo(new InetSocketAddress(documentation, 53), Loopback.v4(56)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsmasqSettings.forwardingTo(new InetSocketAddress(Loopback.v4(54), 53), documentation))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsmasqSettings.forwardingTo(new InetSocketAddress(Loopback.v4(54), 0), Loopback.v4(56)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.minCacheTtl(3601)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3600");
    assertThatThrownBy(() -> settings.cacheSize(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
