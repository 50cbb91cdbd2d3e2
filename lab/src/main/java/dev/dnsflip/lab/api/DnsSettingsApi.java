package dev.dnsflip.lab.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.dnsflip.lab.Loopback;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Cloudflare's account DNS settings endpoint, for rehearsing a runbook's
 * break-glass commands against the lab: {@code GET} and {@code PATCH
 * /client/v4/accounts/{account_id}/dns_settings} with a bearer token, reading and flipping
 * {@code enforce_dns_only} through an {@link EnforceControl}, answering in Cloudflare's
 * {@code {success, errors, messages, result}} envelope. A team points its own {@code curl}
 * commands at {@link #baseUrl()} instead of {@code https://api.cloudflare.com/client/v4}.
 *
 * <p>Refusals, each in the envelope: an unknown path 404, a method other than GET or PATCH 405,
 * a missing or wrong token 403 (checked before the account, so a wrong token learns nothing about
 * accounts), an account other than the served one 404, a body that is not the settings object 400,
 * a body over {@value #MAX_BODY_BYTES} bytes 413. Plain HTTP on 127.0.0.0/8 only.
 */
public final class DnsSettingsApi implements AutoCloseable {
  /** The settings object is a few bytes; anything this large is not one. */
  static final int MAX_BODY_BYTES = 64 * 1024;
  private static final String PREFIX = "/client/v4";
  private static final int WORKERS = 4;

  private final HttpServer server;
  private final ExecutorService workers;
  private final String accountId;
  private final byte[] token;
  private final EnforceControl control;
  private final Object patching = new Object();

  private DnsSettingsApi(HttpServer server, ExecutorService workers, String accountId, String token,
      EnforceControl control) {
    this.server = server;
    this.workers = workers;
    this.accountId = accountId;
    this.token = token.getBytes(StandardCharsets.UTF_8);
    this.control = control;
  }

  /**
   * Serves the account {@code accountId}, reachable with bearer {@code token}, on {@code listen}
   * (a 127.0.0.0/8 address; port 0 picks a free one, see {@link #address()}).
   *
   * @throws IllegalArgumentException for an address outside 127.0.0.0/8, or a blank account id or token
   */
  public static DnsSettingsApi start(InetSocketAddress listen, String accountId, String token,
      EnforceControl control) throws IOException {
    Objects.requireNonNull(listen, "listen");
    Objects.requireNonNull(control, "control");
    if (listen.isUnresolved()) {
      throw new IllegalArgumentException("the API stand-in listens on 127.0.0.0/8 only, not the unresolved " + listen);
    }
    Loopback.require(listen);
    if (accountId == null || accountId.isEmpty() || !accountId.chars().allMatch(DnsSettingsApi::idChar)) {
      throw new IllegalArgumentException("an account id is letters, digits, '-' and '_', not '" + accountId + "'");
    }
    if (token == null || token.isEmpty() || !token.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw new IllegalArgumentException("a bearer token is printable ASCII without spaces, and not empty");
    }
    HttpServer server = HttpServer.create(listen, 64);
    ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
      Thread t = new Thread(r, "dnsflip-api");
      t.setDaemon(true);
      return t;
    });
    server.setExecutor(workers);
    DnsSettingsApi api = new DnsSettingsApi(server, workers, accountId, token, control);
    server.createContext("/", api::handle);
    server.start();
    return api;
  }

  private static boolean idChar(int c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
  }

  /** The address and port served (the real port when 0 was asked). */
  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** What replaces {@code https://api.cloudflare.com/client/v4} in a runbook's commands. */
  public URI baseUrl() {
    InetSocketAddress a = address();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort() + PREFIX);
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
    try {
      workers.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      int status;
      byte[] body;
      try {
        body = answer(exchange);
        status = 200;
      } catch (ApiFailure failure) {
        body = Envelope.failure(failure);
        status = failure.status();
        if (failure.code() == ApiFailure.METHOD) {
          exchange.getResponseHeaders().set("Allow", "GET, PATCH");
        }
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      if (exchange.getRequestMethod().equals("HEAD")) {
        exchange.sendResponseHeaders(status, -1); // a HEAD response has no body
        return;
      }
      exchange.sendResponseHeaders(status, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /** The envelope of a successful request, or the failure that refuses it. */
  private byte[] answer(HttpExchange exchange) throws ApiFailure {
    String path = exchange.getRequestURI().getRawPath();
    String account = accountIn(path);
    if (account == null) {
      throw new ApiFailure(404, ApiFailure.NO_ROUTE, "no route for that URI");
    }
    String method = exchange.getRequestMethod();
    boolean patch = method.equals("PATCH");
    if (!patch && !method.equals("GET")) {
      throw new ApiFailure(405, ApiFailure.METHOD, "method " + printable(method) + " not available for that URI; "
          + "use GET or PATCH");
    }
    authenticate(exchange.getRequestHeaders().get("Authorization"));
    if (!account.equals(accountId)) {
      throw new ApiFailure(404, ApiFailure.UNKNOWN_ACCOUNT, "no account '" + printable(account) + "' for this token");
    }
    if (!patch) {
      return Envelope.settings(control.enforced());
    }
    Optional<Boolean> wanted = SettingsPatch.read(readBody(exchange.getRequestBody()));
    synchronized (patching) {
      if (wanted.isPresent() && wanted.get() != control.enforced()) {
        control.enforce(wanted.get());
      }
      return Envelope.settings(control.enforced());
    }
  }

  /** The account id of {@code /client/v4/accounts/{id}/dns_settings} (raw, as sent), or null for any other path. */
  private static String accountIn(String rawPath) {
    String head = PREFIX + "/accounts/";
    String tail = "/dns_settings";
    if (rawPath == null || !rawPath.startsWith(head) || !rawPath.endsWith(tail)
        || rawPath.length() <= head.length() + tail.length()) {
      return null;
    }
    String id = rawPath.substring(head.length(), rawPath.length() - tail.length());
    return id.indexOf('/') >= 0 ? null : id;
  }

  private void authenticate(List<String> authorization) throws ApiFailure {
    if (authorization == null || authorization.size() != 1) {
      throw new ApiFailure(403, ApiFailure.AUTHENTICATION, authorization == null
          ? "Authentication error: no Authorization header" : "Authentication error: more than one Authorization header");
    }
    String value = authorization.get(0).strip();
    int space = value.indexOf(' ');
    if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
      throw new ApiFailure(403, ApiFailure.AUTHENTICATION, "Authentication error: expected 'Authorization: Bearer TOKEN'");
    }
    byte[] given = value.substring(space + 1).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(given, token)) { // constant time: no timing hints about the token
      throw new ApiFailure(403, ApiFailure.AUTHENTICATION, "Authentication error: invalid token");
    }
  }

  private static byte[] readBody(InputStream in) throws ApiFailure {
    byte[] body;
    try {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    } catch (IOException brokenFraming) {
      // A chunked body with bad chunk sizes, or one cut short: the client may still read the refusal.
      throw new ApiFailure(400, ApiFailure.BAD_BODY, "the body could not be read: " + brokenFraming.getMessage());
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiFailure(413, ApiFailure.BAD_BODY, "the body is over " + MAX_BODY_BYTES + " bytes; "
          + "expected a JSON object such as {\"" + SettingsPatch.ENFORCE + "\": true}");
    }
    return body;
  }

  /** Request text as a message may quote it: printable ASCII, at most 64 characters. */
  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length() && i < 64; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    return text.length() > 64 ? out + "..." : out.toString();
  }
}
