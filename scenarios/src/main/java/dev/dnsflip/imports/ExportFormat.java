package dev.dnsflip.imports;

/** The two exports a Cloudflare user already has. */
public enum ExportFormat {
  /** The dashboard's "Export" (a BIND zone file with {@code cf_tags=} comments), one file per zone. */
  BIND,
  /** Pages of {@code GET /zones/{zone_id}/dns_records}, one page per file. */
  API_JSON;

  /**
   * Tells them apart by content, whatever the file name (people save both as .txt, and a .json
   * name proves nothing): JSON starts with {@code {} or {@code [} after a byte order mark and
   * whitespace (an array is then refused as no page); a BIND export starts with comments, a
   * directive or a record.
   */
  public static ExportFormat of(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFEFF' || Character.isWhitespace(c)) {
        continue;
      }
      return c == '{' || c == '[' ? API_JSON : BIND;
    }
    return BIND;
  }
}
