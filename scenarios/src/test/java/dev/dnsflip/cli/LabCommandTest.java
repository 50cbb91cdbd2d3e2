package dev.dnsflip.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.dnsflip.lab.Loopback;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * {@code dnsflip lab serve} and {@code lab run} end to end, with Debian's dnsmasq 2.90 as the
 * resolver (installed by ./run-tests), on a 12 s scenario played 2 or 4 times faster.
 */
class LabCommandTest {
  private static final Path SCENARIO = Path.of("src/test/resources/lab/enable-small.yaml");
  private static final String DNSMASQ = "/usr/sbin/dnsmasq";
  /** dnsmasq as a user would start it by hand: foreground, only the lab as upstream, its files in {dir}. */
  private static final String DNSMASQ_COMMAND = DNSMASQ + " --keep-in-foreground --no-resolv --no-hosts "
      + "--bind-interfaces --listen-address={listen.ip} --port={listen.port} "
      + "--server={authority.ip}#{authority.port}@{listen.ip} --pid-file={dir}/dnsmasq.pid --log-facility=-";

  @Test
  void runWithAPlainCommandLineMeasuresTheSwitchAndWritesTheReportsAndJunit(@TempDir Path dir) throws Exception {
    assertThat(Files.isExecutable(Path.of(DNSMASQ))).as("run ./run-tests: it installs dnsmasq-base").isTrue();
    Path out = dir.resolve("out");
    Path junit = dir.resolve("junit.xml");
    CliRun r = CliRun.of("lab", "run", SCENARIO.toString(), "--command", DNSMASQ_COMMAND, "--speed", "2",
        "--probes", "3", "--out", out.toString(), "--junit", junit.toString());

    assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(Main.OK);
    assertThat(out.resolve("report.json")).exists();
    assertThat(out.resolve("report.md")).exists();
    assertThat(out.resolve("report.html")).exists();
    String json = Files.readString(out.resolve("report.json"));
    assertThat(json).contains("\"lastStale.max\"");
    assertThat(Files.readString(junit)).contains("<testcase").doesNotContain("<failure");
    assertThat(r.err()).contains("measured through dnsmasq");
  }

  @Test
  void runExitsOneWhenTheScenariosBoundsFail(@TempDir Path dir) throws Exception {
    Path strict = dir.resolve("strict.yaml");
    // The probes keep asking after the switch: a bound of no use at all in its window must fail
    // (a bound on stale uses could hold by chance: the entry may expire just before the switch).
    Files.writeString(strict, Files.readString(SCENARIO).replace("metric: lastStale.max, atMost: 6s",
        "metric: uses, atMost: 0"));
    CliRun r = CliRun.of("lab", "run", strict.toString(), "--resolver", "dnsmasq", "--speed", "4", "--probes", "2",
        "--out", dir.resolve("out").toString());
    assertThat(r.exit()).as(r.err() + r.out()).isEqualTo(Main.BOUNDS_FAILED);
  }

  @Test
  void userErrorsExitTwoWithOneLineAndWriteNothing(@TempDir Path dir) {
    Path out = dir.resolve("out");
    CliRun offLoopback = CliRun.of("lab", "run", SCENARIO.toString(), "--command", DNSMASQ_COMMAND, "--listen",
        "192.0.2.1", "--out", out.toString());
    assertThat(offLoopback.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(offLoopback.err().strip()).doesNotContain("\n").contains("--listen 192.0.2.1").contains("127.0.0.0/8");
    assertThat(CliRun.of("lab", "run", SCENARIO.toString(), "--resolver", "unbound", "--command", "x").exit())
        .isEqualTo(Main.BAD_INPUT);
    CliRun unknown = CliRun.of("lab", "run", SCENARIO.toString(), "--resolver", "powerdns");
    assertThat(unknown.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(unknown.err()).contains("unbound, bind, knot, pdns, dnsmasq");
    CliRun serveOff = CliRun.of("lab", "serve", SCENARIO.toString(), "--listen", "10.0.0.1:53");
    assertThat(serveOff.exit()).isEqualTo(Main.BAD_INPUT);
    CliRun noStart = CliRun.of("lab", "run", SCENARIO.toString(), "--command", "/bin/false", "--out", out.toString());
    assertThat(noStart.exit()).as(noStart.err()).isEqualTo(Main.BAD_INPUT);
    String last = noStart.err().strip().lines().reduce((a, b) -> b).orElse("");
    assertThat(last).startsWith("dnsflip: the resolver did not start: false exited with code 1").contains("kept in");
    assertThat(out).doesNotExist();
  }

  @Test
  void serveAnswersAsTheModelAndPlaysTheSwitchAtTheScaledInstant() throws Exception {
    int port = Loopback.freePort(Loopback.v4(53));
    CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(() -> CliRun.of("lab", "serve",
        SCENARIO.toString(), "--listen", "127.0.0.53:" + port, "--speed", "2", "--duration", "2.5"));
    SimpleResolver client = new SimpleResolver(new InetSocketAddress(Loopback.v4(53), port));
    client.setTimeout(Duration.ofMillis(300));
    Name www = Name.fromConstantString("www.example.com.");
    // Anycast while proxied (Auto TTL 4 s played at speed 2: 2 s); the switch at 3 s comes at 1.5 s.
    await("the served account answering").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
        .ignoreExceptions().until(() -> address(client, www).startsWith("104.16."));
    assertThat(ttl(client, www)).isEqualTo(2);
    await("the switch at 3 s of the scenario, 1.5 s of wall time").atMost(Duration.ofSeconds(3))
        .pollInterval(Duration.ofMillis(50)).until(() -> address(client, www).equals("192.0.2.10"));
    CliRun r = serving.get();
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("switch off", "switch on", "UDP www.example.com. A answered with the switch on",
        "stopped after");
  }

  @Test
  void serveWithApiLetsARunbooksRequestsFlipTheServedSwitch() throws Exception {
    int port = Loopback.freePort(Loopback.v4(53));
    int apiPort = Loopback.freePort(Loopback.v4(1));
    // Real time: the scenario's own switch (at 3 s) comes after the runbook's two requests.
    CompletableFuture<CliRun> serving = CompletableFuture.supplyAsync(() -> CliRun.of("lab", "serve",
        SCENARIO.toString(), "--listen", "127.0.0.53:" + port, "--duration", "2.5", "--api", "127.0.0.1:" + apiPort,
        "--account", "acc-1", "--token", "t0k3n"));
    SimpleResolver client = new SimpleResolver(new InetSocketAddress(Loopback.v4(53), port));
    client.setTimeout(Duration.ofMillis(300));
    Name www = Name.fromConstantString("www.example.com.");
    await("the served account answering").atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
        .ignoreExceptions().until(() -> address(client, www).startsWith("104.16."));
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.URI settings = java.net.URI.create("http://127.0.0.1:" + apiPort + "/client/v4/accounts/acc-1/dns_settings");
    java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> patch = (bearer, body) -> {
      try {
        return http.send(java.net.http.HttpRequest.newBuilder(settings).header("Authorization", "Bearer " + bearer)
            .header("Content-Type", "application/json")
            .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };

    assertThat(patch.apply("wrong", "{\"enforce_dns_only\": true}").statusCode()).isEqualTo(403);
    assertThat(address(client, www)).as("a refused request flips nothing").startsWith("104.16.");
    java.net.http.HttpResponse<String> on = patch.apply("t0k3n", "{\"enforce_dns_only\": true}");
    assertThat(on.statusCode()).isEqualTo(200);
    assertThat(on.body()).contains("\"enforce_dns_only\":true").contains("\"success\":true");
    assertThat(address(client, www)).as("the next answer after the PATCH").isEqualTo("192.0.2.10");
    assertThat(patch.apply("t0k3n", "{\"enforce_dns_only\": false}").statusCode()).isEqualTo(200);
    assertThat(address(client, www)).startsWith("104.16.");
    CliRun r = serving.get();
    assertThat(r.exit()).as(r.err()).isEqualTo(Main.OK);
    assertThat(r.out()).contains("account DNS settings stand-in at http://127.0.0.1:" + apiPort
        + "/client/v4/accounts/acc-1/dns_settings", "switch on (enforce DNS-only: origin answers) — PATCH dns_settings",
        "switch off (proxied: anycast answers) — PATCH dns_settings").doesNotContain("bearer token t0k3n");
  }

  @Test
  void serveRefusesAnApiAddressOffLoopback() {
    CliRun r = CliRun.of("lab", "serve", SCENARIO.toString(), "--api", "10.0.0.1:8080", "--duration", "1");
    assertThat(r.exit()).isEqualTo(Main.BAD_INPUT);
    assertThat(r.err()).contains("--api 10.0.0.1:8080");
  }

  private static String address(SimpleResolver client, Name name) throws Exception {
    Message m = client.send(Message.newQuery(Record.newRecord(name, Type.A, DClass.IN)));
    return m.getSection(Section.ANSWER).stream().filter(ARecord.class::isInstance)
        .map(a -> ((ARecord) a).getAddress().getHostAddress()).findFirst().orElse("");
  }

  private static long ttl(SimpleResolver client, Name name) throws Exception {
    Message m = client.send(Message.newQuery(Record.newRecord(name, Type.A, DClass.IN)));
    return m.getSection(Section.ANSWER).get(0).getTTL();
  }
}
