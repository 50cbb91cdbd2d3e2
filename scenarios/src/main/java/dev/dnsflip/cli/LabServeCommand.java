package dev.dnsflip.cli;

import dev.dnsflip.format.InputException;
import dev.dnsflip.lab.LabAuthority;
import dev.dnsflip.lab.SwitchPlayer;
import dev.dnsflip.lab.TimeScale;
import dev.dnsflip.lab.api.DnsSettingsApi;
import dev.dnsflip.lab.api.EnforceControl;
import dev.dnsflip.scenarios.ScenarioLoader;
import dev.dnsflip.simulation.Scenario;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code dnsflip lab serve SCENARIO}: the scenario's account served on loopback as the model's
 * authority answers it, with the switch schedule played in real time (or {@code --speed} times
 * faster, TTLs divided alike), each query logged, until interrupted. With {@code --api}, a
 * stand-in for the account DNS settings endpoint flips the same switch, for runbook rehearsals.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
    description = "Serve a scenario's account on loopback, playing its switch schedule, logging each query.")
final class LabServeCommand implements Callable<Integer> {
  @Parameters(paramLabel = "SCENARIO", description = "scenario file (YAML)")
  Path scenarioFile;

  @Option(names = "--listen", paramLabel = "127.0.0.x:PORT", description = "where to answer, UDP and TCP "
      + "(default: ${DEFAULT-VALUE})")
  String listen = "127.0.0.53:5353";

  @Option(names = "--speed", paramLabel = "N", description = "play the scenario N times faster: switch instants and "
      + "TTLs divided by N (default 1: real time)")
  double speed = 1;

  @Option(names = "--duration", paramLabel = "SECONDS", description = "stop after this many seconds of wall time "
      + "(default: until interrupted)")
  Double durationS;

  @Option(names = "--api", paramLabel = "127.0.0.x:PORT", description = "also serve a stand-in for the account DNS "
      + "settings endpoint (GET/PATCH /client/v4/accounts/ACCOUNT/dns_settings) that reads and flips this switch, so a "
      + "runbook's curl commands can be rehearsed with the base URL changed (port 0: a free one)")
  String api;

  @Option(names = "--account", paramLabel = "ID", description = "with --api: the account id in the path "
      + "(default: ${DEFAULT-VALUE})")
  String account = "rehearsal";

  @Option(names = "--token", paramLabel = "TOKEN", description = "with --api: the bearer token it accepts "
      + "(default: the DNSFLIP_API_TOKEN environment variable, else one made up and printed)")
  String token;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException, InterruptedException {
    TimeScale scale = LabRunCommand.scale(spec, speed);
    if (durationS != null && !(durationS > 0)) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--duration must be > 0");
    }
    InetSocketAddress bind = LabAddresses.parse("--listen", listen, 5353);
    Scenario scenario = load();
    PrintWriter out = spec.commandLine().getOut();
    try (LabAuthority authority = LabRunCommand.serve(scenario, scale, bind)) {
      authority.queries().onEach(r -> log(out, r.transport() + " " + r.question() + " answered with the switch "
          + (authority.enabled() ? "on" : "off")));
      long start = System.currentTimeMillis();
      log(out, "serving " + scenario.name() + " on " + LabAddresses.describe(authority.address()) + " (UDP and TCP), "
          + scenario.schedule().events().size() + " switch event(s), speed " + speed + "; Ctrl-C stops");
      try (SwitchPlayer player = SwitchPlayer.start(authority, scenario.schedule(), scale, start, m -> log(out, m));
          DnsSettingsApi rehearsal = api == null ? null : rehearsal(player, out)) {
        CountDownLatch never = new CountDownLatch(1);
        if (durationS == null) {
          never.await();
        } else {
          never.await(Math.round(durationS * 1000), TimeUnit.MILLISECONDS);
        }
      }
      log(out, "stopped after " + authority.queries().total() + " queries");
    }
    return Main.OK;
  }

  /** The account-settings stand-in, flipping the switch through the player so each flip is logged. */
  private DnsSettingsApi rehearsal(SwitchPlayer player, PrintWriter out) throws IOException {
    InetSocketAddress at = LabAddresses.parse("--api", api, 0);
    String bearer = token != null ? token : System.getenv().getOrDefault("DNSFLIP_API_TOKEN", madeUpToken());
    EnforceControl control = new EnforceControl() {
      @Override
      public boolean enforced() {
        return player.enforced();
      }

      @Override
      public void enforce(boolean on) {
        player.setEnforced(on, "PATCH dns_settings");
      }
    };
    DnsSettingsApi started;
    try {
      started = DnsSettingsApi.start(at, account, bearer, control);
    } catch (IllegalArgumentException e) {
      throw new UserError("--api " + api + ": " + e.getMessage());
    }
    log(out, "account DNS settings stand-in at " + started.baseUrl() + "/accounts/" + account + "/dns_settings"
        + (token == null && System.getenv("DNSFLIP_API_TOKEN") == null ? " (bearer token " + bearer + ")" : "")
        + "; e.g. curl \"" + started.baseUrl() + "/accounts/" + account + "/dns_settings\" --request PATCH "
        + "--header \"Authorization: Bearer $CLOUDFLARE_API_TOKEN\" --json '{\"enforce_dns_only\": true}'");
    return started;
  }

  private static String madeUpToken() {
    byte[] bytes = new byte[18];
    new java.security.SecureRandom().nextBytes(bytes);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void log(PrintWriter out, String line) {
    synchronized (out) {
      out.println(Instant.now() + " " + line);
      out.flush();
    }
  }

  private Scenario load() {
    try {
      return ScenarioLoader.read(scenarioFile, List.of()).scenario();
    } catch (InputException e) {
      throw new UserError(e.getMessage());
    }
  }
}
