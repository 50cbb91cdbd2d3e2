package dev.dnsflip.lab.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * 10,000 random requests (fixed seed) over raw sockets: random methods, paths, headers and bodies,
 * garbage bytes included. The stand-in must never answer 5xx, every envelope it sends must agree
 * with its status and with the switch, every well-formed request gets an answer, and afterwards
 * it still serves the runbook's requests.
 */
class DnsSettingsApiFuzzTest {
  private static final long SEED = 20_261_202L;
  private static final int REQUESTS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD_PATH = "/client/v4/accounts/" + DnsSettingsApiTest.ACCOUNT + "/dns_settings";

  /** One request as bytes, and whether HTTP requires the server to answer it. */
  record Request(byte[] bytes, boolean wellFormed) {}

  @Test
  void randomRequestsNeverBreakItNorGetA5xx() throws Exception {
    DnsSettingsApiTest.RecordingControl control = new DnsSettingsApiTest.RecordingControl();
    SplittableRandom random = new SplittableRandom(SEED);
    TreeMap<Integer, Integer> statuses = new TreeMap<>();
    int unanswered = 0;
    try (DnsSettingsApi api = DnsSettingsApi.start(new InetSocketAddress("127.0.0.1", 0), DnsSettingsApiTest.ACCOUNT,
        DnsSettingsApiTest.TOKEN, control)) {
      for (int i = 0; i < REQUESTS; i++) {
        Request request = request(random);
        byte[] response = exchange(api.address(), request.bytes());
        String text = new String(response, StandardCharsets.ISO_8859_1);
        while (text.startsWith("HTTP/1.1 100 ")) { // the interim answer to Expect: 100-continue
          text = text.substring(text.indexOf("\r\n\r\n") + 4);
        }
        if (!text.startsWith("HTTP/1.1 ")) {
          assertThat(request.wellFormed()).as("request %d got no answer: %s", i, printable(request.bytes())).isFalse();
          unanswered++;
          continue;
        }
        int status = Integer.parseInt(text.substring(9, 12));
        statuses.merge(status, 1, Integer::sum);
        assertThat(status).as("request %d: %s", i, printable(request.bytes())).isBetween(200, 499);
        int split = text.indexOf("\r\n\r\n");
        String head = text.substring(0, split);
        String body = text.substring(split + 4);
        if (head.toLowerCase().contains("content-type: application/json") && !body.isEmpty()) {
          JsonNode envelope = JSON.readTree(body.getBytes(StandardCharsets.ISO_8859_1));
          assertThat(envelope.get("success").booleanValue()).as("request %d: success iff 200", i).isEqualTo(status == 200);
          if (status == 200) {
            assertThat(envelope.get("result").get("enforce_dns_only").booleanValue())
                .as("request %d: the result is the switch", i).isEqualTo(control.on);
          } else {
            assertThat(envelope.get("errors")).hasSize(1);
          }
        }
      }
      // Not vacuous: the random requests reached every answer the stand-in gives.
      assertThat(statuses).containsKeys(200, 400, 403, 404, 405, 413);
      assertThat(control.changes).as("random PATCHes with the right token flipped the switch").hasSizeGreaterThan(10);
      // Still serving: the runbook's requests, over a fresh connection each.
      for (boolean on : new boolean[] {true, false, true}) {
        String json = "{\"enforce_dns_only\": " + on + "}";
        byte[] reply = exchange(api.address(), ("PATCH " + GOOD_PATH + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + DnsSettingsApiTest.TOKEN + "\r\nContent-Type: application/json\r\nContent-Length: " + json.length()
            + "\r\nConnection: close\r\n\r\n" + json).getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(reply, StandardCharsets.ISO_8859_1)).startsWith("HTTP/1.1 200")
            .endsWith("\"result\":{\"enforce_dns_only\":" + on + "}}");
        assertThat(control.on).isEqualTo(on);
      }
    }
    System.out.println("random requests: statuses " + statuses + ", unanswered garbage " + unanswered);
  }

  private static byte[] exchange(InetSocketAddress address, byte[] request) throws IOException {
    try (Socket socket = new Socket(address.getAddress(), address.getPort())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request);
        out.flush();
        socket.shutdownOutput(); // a body shorter than its Content-Length ends here, not in a wait
      } catch (IOException refusedMidway) {
        // the server may answer and close before reading all of a bad request
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      try {
        in.transferTo(response);
      } catch (java.net.SocketException reset) {
        // closed with unread request bytes: what arrived before the reset is the answer
      }
      return response.toByteArray();
    }
  }

  private static Request request(SplittableRandom random) {
    if (random.nextInt(20) == 0) {
      return new Request(garbage(random, 1 + random.nextInt(300)), false); // not HTTP at all
    }
    boolean wellFormed = true;
    String method = pick(random, "GET", "PATCH", "PATCH", "PATCH", "PUT", "POST", "DELETE", "HEAD", "OPTIONS",
        "patch", "TRACE", "BREW");
    String path = switch (random.nextInt(8)) {
      case 0, 1, 2, 3 -> GOOD_PATH;
      case 4 -> "/client/v4/accounts/" + token(random) + "/dns_settings";
      case 5 -> GOOD_PATH + pick(random, "/", "?x=1", "%2F", "/..", "?enforce_dns_only=true");
      case 6 -> "/" + token(random) + "/" + token(random);
      default -> mutate(random, GOOD_PATH);
    };
    if (path.chars().anyMatch(c -> c <= 0x20 || c >= 0x7f)) {
      wellFormed = false;
    }
    byte[] body = switch (random.nextInt(7)) {
      case 0 -> new byte[0];
      case 1, 2 -> ("{\"enforce_dns_only\": " + random.nextBoolean() + "}").getBytes(StandardCharsets.UTF_8);
      case 3 -> pick(random, "{\"enforce_dns_only\": \"true\"}", "{\"x\":1}", "[]", "{", "null", "{\"enforce_dns_only\":1}",
          "{\"zone_defaults\":{}}", "{}", "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[").getBytes(StandardCharsets.UTF_8);
      case 4 -> garbage(random, random.nextInt(200));
      case 5 -> mutate(random, "{\"enforce_dns_only\": true}").getBytes(StandardCharsets.ISO_8859_1);
      default -> random.nextInt(4) == 0 ? new byte[DnsSettingsApi.MAX_BODY_BYTES + 1 + random.nextInt(100)]
          : garbage(random, random.nextInt(2000));
    };
    StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    switch (random.nextInt(6)) {
      case 0 -> { } // no token
      case 1 -> head.append("Authorization: Bearer wrong\r\n");
      case 2 -> head.append("Authorization: ").append(token(random)).append("\r\n");
      case 3 -> head.append("Authorization: Bearer ").append(DnsSettingsApiTest.TOKEN).append("\r\nAuthorization: Bearer ")
          .append(DnsSettingsApiTest.TOKEN).append("\r\n");
      default -> head.append("Authorization: Bearer ").append(DnsSettingsApiTest.TOKEN).append("\r\n");
    }
    for (int h = random.nextInt(4); h > 0; h--) {
      head.append(pick(random, "Content-Type: application/json", "Accept: */*", "X-" + token(random) + ": " + token(random),
          "Expect: 100-continue", "Content-Type: text/plain; charset=utf-16")).append("\r\n");
    }
    int framing = random.nextInt(10);
    if (framing < 7) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    } else if (framing == 7) {
      head.append("Content-Length: ").append(random.nextInt(body.length + 10)).append("\r\n");
      wellFormed = false; // a wrong length is the client's mistake; the server may answer or close
    } else if (framing == 8) {
      head.append("Transfer-Encoding: chunked\r\n");
      boolean badChunk = random.nextInt(8) == 0;
      body = chunked(random, body, badChunk);
      wellFormed &= !badChunk;
    } else if (body.length > 0) {
      wellFormed = false; // a body without framing reads as the next request
    }
    head.append("Connection: close\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.ISO_8859_1);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return new Request(all, wellFormed && !method.equals("BREW"));
  }

  private static byte[] chunked(SplittableRandom random, byte[] body, boolean badEnd) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = 0;
    while (at < body.length) {
      int n = Math.min(body.length - at, 1 + random.nextInt(64));
      out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      out.write(body, at, n);
      out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      at += n;
    }
    out.writeBytes((badEnd ? "zz\r\n" : "0\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  private static String mutate(SplittableRandom random, String text) {
    StringBuilder s = new StringBuilder(text);
    for (int m = 1 + random.nextInt(3); m > 0 && s.length() > 0; m--) {
      int at = random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.deleteCharAt(at);
        case 1 -> s.insert(at, (char) random.nextInt(256));
        default -> s.setCharAt(at, (char) random.nextInt(256));
      }
    }
    return s.toString();
  }

  private static String token(SplittableRandom random) {
    String letters = "abcdefghijklmnopqrstuvwxyz0123456789-_%.";
    StringBuilder s = new StringBuilder();
    for (int i = 1 + random.nextInt(40); i > 0; i--) {
      s.append(letters.charAt(random.nextInt(letters.length())));
    }
    return s.toString();
  }

  private static byte[] garbage(SplittableRandom random, int n) {
    byte[] bytes = new byte[n];
    for (int i = 0; i < n; i++) {
      bytes[i] = (byte) random.nextInt(256);
    }
    return bytes;
  }

  @SafeVarargs
  private static <T> T pick(SplittableRandom random, T... options) {
    return options[random.nextInt(options.length)];
  }

  private static String printable(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < Math.min(bytes.length, 300); i++) {
      int c = bytes[i] & 0xff;
      s.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\x%02x", c));
    }
    return s.toString();
  }
}
