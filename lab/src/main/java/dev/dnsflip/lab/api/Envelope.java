package dev.dnsflip.lab.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Cloudflare's response envelope, {@code {success, errors, messages, result}}: a success carries the
 * account's DNS settings as {@code result}; a failure carries one error ({@code code}, {@code message})
 * and a null result.
 */
final class Envelope {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Envelope() {}

  static byte[] settings(boolean enforceDnsOnly) {
    ObjectNode root = base(true);
    root.putObject("result").put("enforce_dns_only", enforceDnsOnly);
    return bytes(root);
  }

  static byte[] failure(ApiFailure failure) {
    ObjectNode root = base(false);
    ArrayNode errors = (ArrayNode) root.get("errors");
    errors.addObject().put("code", failure.code()).put("message", failure.getMessage());
    root.putNull("result");
    return bytes(root);
  }

  private static ObjectNode base(boolean success) {
    ObjectNode root = JSON.createObjectNode();
    root.put("success", success);
    root.putArray("errors");
    root.putArray("messages");
    return root;
  }

  private static byte[] bytes(ObjectNode root) {
    try {
      return JSON.writeValueAsBytes(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a tree of plain values always serialises", e);
    }
  }
}
