package dev.dnsflip.lab;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Provenance;
import dev.dnsflip.lab.api.DnsSettingsApi;
import dev.dnsflip.lab.api.EnforceControl;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/**
 * The rehearsal as a team runs it: the runbook's own {@code curl} commands (the product page's, with
 * only the base URL changed) against the API stand-in, which flips the lab's authority, whose answers
 * then change. Needs a real curl; skipped only when {@code /usr/bin/curl} is absent.
 */
class RunbookRehearsalTest {
  private static final Path CURL = Path.of("/usr/bin/curl");
  private static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  private static final String TOKEN = "rehearsal-token";
  /** The enable command of the runbook, word for word but for the base URL (a variable here). */
  private static final String ENABLE = """
      curl "$API_BASE/accounts/$ACCOUNT_ID/dns_settings" \\
        --request PATCH \\
        --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN" \\
        --json '{
          "enforce_dns_only": true
        }'
      """;
  private static final String DISABLE = ENABLE.replace("true", "false");
  private static final String READ = """
      curl "$API_BASE/accounts/$ACCOUNT_ID/dns_settings" \\
        --request GET \\
        --header "Authorization: Bearer $CLOUDFLARE_API_TOKEN"
      """;

  private final Account account = LabAccount.account();
  private LabAuthority authority;
  private DnsSettingsApi api;

  @BeforeEach
  void start() throws IOException {
    authority = LabAuthority.start(account, new InetSocketAddress(Loopback.v4(1), 0));
    api = DnsSettingsApi.start(new InetSocketAddress(Loopback.v4(1), 0), ACCOUNT, TOKEN, EnforceControl.of(authority));
  }

  @AfterEach
  void stop() throws IOException {
    api.close();
    authority.close();
  }

  record Run(int exit, JsonNode json, String stderr) {}

  private Run curl(String command, String token) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(CURL), "no curl at " + CURL);
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c", command.replace("curl ", CURL + " --silent --show-error "));
    Map<String, String> env = builder.environment();
    // Loopback only: no proxy may carry the request elsewhere.
    env.keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
    env.put("no_proxy", "*");
    env.put("API_BASE", api.baseUrl().toString());
    env.put("ACCOUNT_ID", ACCOUNT);
    env.put("CLOUDFLARE_API_TOKEN", token);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    int exit = process.waitFor();
    return new Run(exit, out.length == 0 ? null : new ObjectMapper().readTree(out), err);
  }

  private Provenance answerForWww() throws IOException {
    return new Probe(authority.address()).ask(LabAccount.WWW, Type.A).provenance(account);
  }

  private static void assertResult(Run run, boolean enforced) {
    assertThat(run.exit()).as("curl exit; stderr: %s", run.stderr()).isZero();
    assertThat(run.json().get("success").booleanValue()).isTrue();
    assertThat(run.json().get("errors")).isEmpty();
    assertThat(run.json().get("result").get("enforce_dns_only").booleanValue()).isEqualTo(enforced);
  }

  @Test
  void theRunbooksCurlCommandsFlipTheLabsAuthority() throws Exception {
    assertResult(curl(READ, TOKEN), false);
    assertThat(answerForWww()).isEqualTo(Provenance.ANYCAST);

    assertResult(curl(ENABLE, TOKEN), true);
    assertThat(authority.enabled()).isTrue();
    assertThat(answerForWww()).as("the next query after the enable").isEqualTo(Provenance.ORIGIN);
    assertResult(curl(READ, TOKEN), true);

    assertResult(curl(DISABLE, TOKEN), false);
    assertThat(answerForWww()).as("the next query after the disable").isEqualTo(Provenance.ANYCAST);
    assertResult(curl(READ, TOKEN), false);
  }

  @Test
  void aWrongTokenIsRefusedIn403AndTheAuthorityKeepsAnswering() throws Exception {
    Run refused = curl(ENABLE, "not-the-token");
    assertThat(refused.stderr()).isEmpty();
    assertThat(refused.json().get("success").booleanValue()).isFalse();
    assertThat(refused.json().get("errors").get(0).get("code").asInt()).isEqualTo(10000);
    assertThat(authority.enabled()).isFalse();
    assertThat(answerForWww()).isEqualTo(Provenance.ANYCAST);
    assertThat(List.of(curlStatus(ENABLE, "not-the-token"), curlStatus(READ, "not-the-token"))).containsOnly("403");
  }

  /** The HTTP status curl saw, body discarded. */
  private String curlStatus(String command, String token) throws IOException, InterruptedException {
    Assumptions.assumeTrue(Files.isExecutable(CURL), "no curl at " + CURL);
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "-c",
        command.strip().replace("curl ", CURL + " --silent --output /dev/null --write-out '%{http_code}' "));
    builder.environment().keySet().removeIf(k -> k.toLowerCase().endsWith("_proxy"));
    builder.environment().put("no_proxy", "*");
    builder.environment().put("API_BASE", api.baseUrl().toString());
    builder.environment().put("ACCOUNT_ID", ACCOUNT);
    builder.environment().put("CLOUDFLARE_API_TOKEN", token);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    process.waitFor();
    return out;
  }
}
