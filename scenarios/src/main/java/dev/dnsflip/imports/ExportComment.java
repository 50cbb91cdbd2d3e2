package dev.dnsflip.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The comment Cloudflare's BIND export appends to a record line, e.g.
 * {@code ; my note cf_tags=team:web,cf-flatten-cname,cf-proxied:true}: the user's comment, then
 * {@code cf_tags=} and a comma-separated list mixing Cloudflare's tags ({@code cf-proxied:true|false},
 * {@code cf-flatten-cname}) with the user's own ({@code name:value} or a bare {@code name}).
 * Tag values with {@code " = , \}} are double-quoted JSON strings, so commas inside quotes do not
 * split. When the text holds {@code cf_tags=} more than once the last one is the list (a user's
 * comment may itself mention it).
 *
 * @param proxied the {@code cf-proxied} tag's value; null when the tag is absent
 * @param userTags the user's tags as written ({@code name:value} or {@code name}), for reference
 */
record ExportComment(String userComment, boolean hasCfTags, Boolean proxied, boolean flattenCname, List<String> userTags) {
  static final ExportComment NONE = new ExportComment("", false, null, false, List.of());

  private static final String MARKER = "cf_tags=";

  ExportComment {
    userTags = List.copyOf(userTags);
  }

  /**
   * @param text the comment without its leading {@code ;}, or null for a line without a comment
   * @throws IllegalArgumentException when a Cloudflare tag has a value it cannot have
   */
  static ExportComment parse(String text) {
    if (text == null || text.isBlank()) {
      return NONE;
    }
    int at = text.lastIndexOf(MARKER);
    if (at < 0) {
      return new ExportComment(text.strip(), false, null, false, List.of());
    }
    String userComment = text.substring(0, at).strip();
    Boolean proxied = null;
    boolean flatten = false;
    List<String> userTags = new ArrayList<>();
    for (String tag : splitTags(text.substring(at + MARKER.length()))) {
      int colon = tag.indexOf(':');
      String name = (colon < 0 ? tag : tag.substring(0, colon)).strip().toLowerCase(Locale.ROOT);
      String value = colon < 0 ? "" : tag.substring(colon + 1).strip();
      switch (name) {
        case "cf-proxied" -> proxied = switch (value.toLowerCase(Locale.ROOT)) {
          case "true" -> Boolean.TRUE;
          case "false" -> Boolean.FALSE;
          default -> throw new IllegalArgumentException("cf-proxied must be true or false, got '" + value + "'");
        };
        // A bare tag; "false" is accepted so a hand-edited export can switch it off.
        case "cf-flatten-cname" -> flatten = !value.equalsIgnoreCase("false");
        default -> userTags.add(tag);
      }
    }
    return new ExportComment(userComment, true, proxied, flatten, userTags);
  }

  /** Splits at commas outside double quotes; a backslash escapes the next character inside quotes. */
  private static List<String> splitTags(String list) {
    List<String> tags = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < list.length(); i++) {
      char c = list.charAt(i);
      if (quoted && c == '\\' && i + 1 < list.length()) {
        current.append(c).append(list.charAt(++i));
        continue;
      }
      if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        addTag(tags, current);
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    addTag(tags, current);
    return tags;
  }

  private static void addTag(List<String> tags, StringBuilder tag) {
    String t = tag.toString().strip();
    if (!t.isEmpty()) {
      tags.add(t);
    }
  }
}
