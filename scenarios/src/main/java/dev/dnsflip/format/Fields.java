package dev.dnsflip.format;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One mapping of a file checked against the keys allowed at its place, so a misspelt key is
 * an error that lists the right ones instead of a setting silently left at its default.
 */
public final class Fields {
  private final Node node;
  private final Map<String, Node> values = new LinkedHashMap<>();

  private Fields(Node node) {
    this.node = node;
  }

  public static Fields of(Node node, String... allowed) throws InputException {
    Fields fields = new Fields(node);
    List<String> keys = List.of(allowed);
    for (Node.Entry e : node.entries()) {
      String key = e.key().text();
      if (!keys.contains(key)) {
        throw e.key().error("unknown key '" + key + "' " + node.where() + "; expected one of: "
            + String.join(", ", keys));
      }
      fields.values.put(key, e.value());
    }
    return fields;
  }

  public Node node() {
    return node;
  }

  /** The value under {@code key}; a missing key is reported at this mapping. */
  public Node required(String key) throws InputException {
    Node value = values.get(key);
    if (value == null) {
      throw node.error("missing required key '" + key + "' " + node.where());
    }
    return value;
  }

  /** The value under {@code key}, or null when the key is absent or has no value. */
  public Node optional(String key) {
    Node value = values.get(key);
    return value == null || value.isNull() ? null : value;
  }

  public <T> T optional(String key, Node.Parser<T> parser, T fallback) throws InputException {
    Node value = optional(key);
    return value == null ? fallback : value.parse(parser);
  }
}
