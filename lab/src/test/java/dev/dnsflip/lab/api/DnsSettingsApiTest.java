package dev.dnsflip.lab.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DnsSettingsApiTest {
  static final String ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
  static final String TOKEN = "rehearsal-token-Sn3lZJTBX6kk";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final RecordingControl control = new RecordingControl();
  private final HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
  private DnsSettingsApi api;

  /** A switch that remembers every change asked of it. */
  static final class RecordingControl implements EnforceControl {
    volatile boolean on;
    final List<Boolean> changes = new ArrayList<>();

    @Override
    public boolean enforced() {
      return on;
    }

    @Override
    public synchronized void enforce(boolean on) {
      changes.add(on);
      this.on = on;
    }
  }

  record Reply(int status, JsonNode body, HttpResponse<String> raw) {}

  @BeforeEach
  void start() throws IOException {
    api = DnsSettingsApi.start(new InetSocketAddress("127.0.0.1", 0), ACCOUNT, TOKEN, control);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private URI settings(String account) {
    return URI.create(api.baseUrl() + "/accounts/" + account + "/dns_settings");
  }

  private Reply send(String method, URI uri, String authorization, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body().isEmpty() ? null : JSON.readTree(response.body()), response);
  }

  private Reply patch(String body) throws Exception {
    return send("PATCH", settings(ACCOUNT), "Bearer " + TOKEN, body);
  }

  private Reply get() throws Exception {
    return send("GET", settings(ACCOUNT), "Bearer " + TOKEN, null);
  }

  /** Success: the envelope with no errors or messages and the setting as result. */
  static void assertSettings(Reply reply, boolean enforced) {
    assertThat(reply.status()).as("status").isEqualTo(200);
    assertThat(reply.raw().headers().firstValue("Content-Type")).contains("application/json");
    JsonNode body = reply.body();
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(body.get("errors").isArray() && body.get("errors").isEmpty()).as("no errors").isTrue();
    assertThat(body.get("messages").isArray() && body.get("messages").isEmpty()).as("no messages").isTrue();
    assertThat(body.get("result").get("enforce_dns_only").isBoolean()).isTrue();
    assertThat(body.get("result").get("enforce_dns_only").booleanValue()).isEqualTo(enforced);
  }

  /** Refusal: the envelope with success false, exactly one error of that code, and a null result. */
  static void assertRefused(Reply reply, int status, int code) {
    assertThat(reply.status()).as("status").isEqualTo(status);
    JsonNode body = reply.body();
    assertThat(body.get("success").isBoolean() && !body.get("success").booleanValue()).as("success false").isTrue();
    assertThat(body.get("errors")).hasSize(1);
    assertThat(body.get("errors").get(0).get("code").asInt()).as("error code").isEqualTo(code);
    assertThat(body.get("errors").get(0).get("message").asText()).isNotBlank();
    assertThat(body.get("messages").isArray() && body.get("messages").isEmpty()).isTrue();
    assertThat(body.get("result").isNull()).as("null result").isTrue();
  }

  @Test
  void theRunbooksEnableDisableAndReadFlipTheSwitchAndReportIt() throws Exception {
    assertSettings(get(), false);
    assertSettings(patch("{\n    \"enforce_dns_only\": true\n  }"), true);
    assertThat(control.on).isTrue();
    assertSettings(get(), true);
    assertSettings(patch("{\n    \"enforce_dns_only\": false\n  }"), false);
    assertThat(control.on).isFalse();
    assertSettings(get(), false);
    assertThat(control.changes).containsExactly(true, false);
  }

  @Test
  void patchingTheCurrentValueOrNothingChangesNothing() throws Exception {
    assertSettings(patch("{\"enforce_dns_only\": false}"), false);
    assertSettings(patch("{}"), false);
    assertThat(control.changes).as("no change was asked of the switch").isEmpty();
    control.on = true; // flipped elsewhere (the lab's schedule): GET and PATCH {} report it
    assertSettings(get(), true);
    assertSettings(patch("{}"), true);
    assertThat(control.changes).isEmpty();
  }

  /** Concurrent PATCHes: each is answered with the setting it left, and the switch is only asked to change. */
  @Test
  void concurrentPatchesOnlyEverChangeTheSwitch() throws Exception {
    int threads = 8;
    int each = 40;
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        boolean on = t % 2 == 0;
        done.add(pool.submit(() -> {
          for (int i = 0; i < each; i++) {
            assertSettings(patch("{\"enforce_dns_only\": " + on + "}"), on);
          }
          return null;
        }));
      }
      for (java.util.concurrent.Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    List<Boolean> changes = control.changes;
    assertThat(changes).isNotEmpty();
    assertThat(changes.get(0)).as("the first change turns it on").isTrue();
    for (int i = 1; i < changes.size(); i++) {
      assertThat(changes.get(i)).as("change %d flips the one before", i).isNotEqualTo(changes.get(i - 1));
    }
    assertSettings(get(), changes.get(changes.size() - 1));
  }

  @Test
  void aWrongMissingOrMalformedTokenIs403AndChangesNothing() throws Exception {
    String enable = "{\"enforce_dns_only\": true}";
    assertRefused(send("PATCH", settings(ACCOUNT), "Bearer " + TOKEN + "x", enable), 403, ApiFailure.AUTHENTICATION);
    assertRefused(send("PATCH", settings(ACCOUNT), "Bearer " + TOKEN.substring(1), enable), 403, ApiFailure.AUTHENTICATION);
    assertRefused(send("PATCH", settings(ACCOUNT), null, enable), 403, ApiFailure.AUTHENTICATION);
    assertRefused(send("PATCH", settings(ACCOUNT), "Basic " + TOKEN, enable), 403, ApiFailure.AUTHENTICATION);
    assertRefused(send("PATCH", settings(ACCOUNT), "Bearer", enable), 403, ApiFailure.AUTHENTICATION);
    assertRefused(send("GET", settings(ACCOUNT), "Bearer " + TOKEN.toUpperCase(), null), 403, ApiFailure.AUTHENTICATION);
    assertThat(control.changes).isEmpty();
    // The scheme is case-insensitive (RFC 9110), the token is not.
    assertSettings(send("GET", settings(ACCOUNT), "bearer " + TOKEN, null), false);
  }

  @Test
  void anUnknownAccountIs404ButOnlyWithTheRightToken() throws Exception {
    assertRefused(send("GET", settings(ACCOUNT + "0"), "Bearer " + TOKEN, null), 404, ApiFailure.UNKNOWN_ACCOUNT);
    assertRefused(send("PATCH", settings("f" + ACCOUNT.substring(1)), "Bearer " + TOKEN, "{\"enforce_dns_only\": true}"),
        404, ApiFailure.UNKNOWN_ACCOUNT);
    // A wrong token learns nothing about which accounts exist.
    assertRefused(send("GET", settings("other"), "Bearer nope", null), 403, ApiFailure.AUTHENTICATION);
    assertThat(control.changes).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"enforce_dns_only\": true", "{\"enforce_dns_only\": tru}", "enforce_dns_only=true",
      "{\"enforce_dns_only\": true} {}", "{\"enforce_dns_only\": true, \"enforce_dns_only\": false}",
      "{\"enforce_dns_only\": \"true\"}", "{\"enforce_dns_only\": 1}", "{\"enforce_dns_only\": null}",
      "{\"enforce_dns_only\": [true]}", "[{\"enforce_dns_only\": true}]", "true", "null",
      "{\"enforce_dns_onyl\": true}", "{\"zone_defaults\": {\"flatten_all_cnames\": true}}"})
  void aBodyThatIsNotTheSettingsObjectIs400AndChangesNothing(String body) throws Exception {
    assertRefused(patch(body), 400, ApiFailure.BAD_BODY);
    assertThat(control.changes).isEmpty();
    assertSettings(get(), false);
  }

  @Test
  void aBodyOverTheLimitIs413AndOneAtItIsRead() throws Exception {
    String atLimit = "{\"enforce_dns_only\": true" + " ".repeat(DnsSettingsApi.MAX_BODY_BYTES - 26) + "}";
    assertThat(atLimit).hasSize(DnsSettingsApi.MAX_BODY_BYTES);
    String over = atLimit.replace("true ", "true  ");
    assertThat(over).hasSize(DnsSettingsApi.MAX_BODY_BYTES + 1);
    assertRefused(patch(over), 413, ApiFailure.BAD_BODY);
    assertThat(control.changes).isEmpty();
    assertSettings(patch(atLimit), true);
  }

  @ParameterizedTest
  @ValueSource(strings = {"PUT", "POST", "DELETE", "OPTIONS"})
  void anotherMethodIs405WithTheAllowedOnes(String method) throws Exception {
    Reply reply = send(method, settings(ACCOUNT), "Bearer " + TOKEN, "{\"enforce_dns_only\": true}");
    assertRefused(reply, 405, ApiFailure.METHOD);
    assertThat(reply.raw().headers().firstValue("Allow")).contains("GET, PATCH");
    assertThat(control.changes).isEmpty();
  }

  @Test
  void headIs405WithoutABody() throws Exception {
    Reply reply = send("HEAD", settings(ACCOUNT), "Bearer " + TOKEN, null);
    assertThat(reply.status()).isEqualTo(405);
    assertThat(reply.body()).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"/client/v4/accounts/" + ACCOUNT + "/dns_settings/", "/client/v4/accounts//dns_settings",
      "/client/v4/accounts/" + ACCOUNT, "/client/v4/zones/" + ACCOUNT + "/dns_settings",
      "/client/v4/accounts/" + ACCOUNT + "/x/dns_settings", "/", "/accounts/" + ACCOUNT + "/dns_settings"})
  void otherPathsAre404NoRoute(String path) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + api.address().getPort() + path);
    assertRefused(send("GET", uri, "Bearer " + TOKEN, null), 404, ApiFailure.NO_ROUTE);
  }

  @Test
  void servesHttpOnLoopbackUnderClientV4() {
    assertThat(api.address().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
    assertThat(api.address().getPort()).isPositive();
    assertThat(api.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:" + api.address().getPort() + "/client/v4"));
  }

  @Test
  void refusesAddressesOutsideLoopbackAndBlankCredentials() {
    for (String host : new String[] {"0.0.0.0", "192.0.2.1", "::1", "::"}) {
      assertThatThrownBy(() -> DnsSettingsApi.start(new InetSocketAddress(host, 0), ACCOUNT, TOKEN, control))
          .as(host).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.0/8");
    }
    assertThatThrownBy(() -> DnsSettingsApi.start(InetSocketAddress.createUnresolved("localhost", 0), ACCOUNT, TOKEN,
        control)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("127.0.0.0/8");
    InetSocketAddress loopback = new InetSocketAddress("127.0.0.1", 0);
    assertThatThrownBy(() -> DnsSettingsApi.start(loopback, "", TOKEN, control)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsSettingsApi.start(loopback, "a/b", TOKEN, control)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsSettingsApi.start(loopback, ACCOUNT, "", control)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsSettingsApi.start(loopback, ACCOUNT, "two words", control))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void closeReleasesThePort() throws Exception {
    InetSocketAddress address = api.address();
    api.close();
    try (DnsSettingsApi again = DnsSettingsApi.start(address, ACCOUNT, TOKEN, control)) {
      assertSettings(send("GET", URI.create(again.baseUrl() + "/accounts/" + ACCOUNT + "/dns_settings"),
          "Bearer " + TOKEN, null), false);
    }
    api = DnsSettingsApi.start(new InetSocketAddress("127.0.0.1", 0), ACCOUNT, TOKEN, control); // for stop()
  }
}
