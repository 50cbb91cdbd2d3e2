package dev.dnsflip.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** The unbound.conf the lab writes: foreground, no chroot, loopback only, every zone a stub of the lab. */
class UnboundSettingsTest {
  private static final Path DIR = Path.of("/tmp/dnsflip-lab-test");

  private final UnboundSettings settings = new UnboundSettings(Loopback.v4(54), 0,
      new InetSocketAddress(Loopback.v4(53), 5300),
      List.of(Name.fromConstantString("example.com."), Name.fromConstantString("origin.net.")), List.of());

  @Test
  void rendersAForegroundLoopbackOnlyIteratorOnlyServer() {
    String conf = settings.render(DIR, 5353);
    assertThat(conf).contains(
        "interface: 127.0.0.54@5353",
        "outgoing-interface: 127.0.0.54",
        "do-daemonize: no",
        "chroot: \"\"",
        "username: \"\"",
        "pidfile: \"/tmp/dnsflip-lab-test/unbound.pid\"",
        "do-not-query-localhost: no",
        "module-config: \"iterator\"",
        "control-enable: no");
    assertThat(conf).doesNotContain("cache-min-ttl", "prefetch", "serve-expired");
  }

  @Test
  void everyZoneAndTheRootAreStubsOfTheLabAuthority() {
    String conf = settings.render(DIR, 5353);
    for (String zone : List.of("example.com.", "origin.net.", ".")) {
      assertThat(conf).contains("stub-zone:\n    name: \"" + zone + "\"\n    stub-addr: 127.0.0.53@5300\n");
    }
  }

  @Test
  void cacheOptionsAreWrittenOnceWithTheLastValue() {
    String conf = settings.cacheMinTtl(10).cacheMinTtl(6).prefetch(true).serveExpired(true)
        .serveExpiredReplyTtl(30).render(DIR, 5353);
    assertThat(conf).contains("cache-min-ttl: 6\n", "prefetch: yes\n", "serve-expired: yes\n",
        "serve-expired-reply-ttl: 30\n");
    assertThat(conf.split("cache-min-ttl", -1)).hasSize(2);
  }

  @Test
  void refusesAnythingOffLoopback() throws Exception {
    InetAddress documentation = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
    assertThatThrownBy(() -> new UnboundSettings(documentation, 0, new InetSocketAddress(Loopback.v4(53), 5300),
        List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnboundSettings(Loopback.v4(54), 0, new InetSocketAddress(documentation, 53),
        List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> settings.cacheMinTtl(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
