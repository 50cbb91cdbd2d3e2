package dev.dnsflip.imports;

import dev.dnsflip.format.Location;
import dev.dnsflip.format.InputException;
import dev.dnsflip.authority.Soa;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TTL;
import org.xbill.DNS.TextParseException;

/**
 * Reads one zone from a Cloudflare dashboard export (a BIND zone file, one file per zone).
 * dnsjava's {@link Master} parses every record; this class only prepares what Master cannot know:
 *
 * <ul>
 *   <li>The origin: an explicit argument, else the {@code ;; Domain:} header, else the file name
 *       ({@code example.com.txt}).
 *   <li>Owner names: real exports write some owners without the trailing dot
 *       ({@code example.com 3600 IN SOA ...}, {@code www.example.com 1 IN A ...}), which BIND rules
 *       would read as {@code www.example.com.example.com.}. An owner that ends in the zone apex
 *       without a dot gets one; other relative owners stay relative to the origin.
 *   <li>The trailing comment ({@link ExportComment}): Cloudflare keeps proxied and flattening there.
 * </ul>
 *
 * <p>Each record (one line, or several inside parentheses) goes to its own Master, so an error
 * names the exact line. {@code $ORIGIN} and {@code $TTL} are honoured; {@code $INCLUDE} and
 * {@code $GENERATE} never occur in an export and are refused.
 */
public final class BindExportReader {
  private static final Pattern DOMAIN_HEADER = Pattern.compile("^;+\\s*Domain:\\s*(\\S+)", Pattern.CASE_INSENSITIVE);

  private final String file;
  private final String apexText;
  private Name origin;
  private long defaultTtl = -1;
  private Name lastOwner;
  private SOARecord soa;
  private int soaLine;
  private final List<ExportedRecord> records = new ArrayList<>();

  private BindExportReader(String file, Name apex) {
    this.file = file;
    this.apexText = apex.toString(true).toLowerCase(Locale.ROOT);
    this.origin = apex;
  }

  /** @param origin the zone apex, or null to take it from the header or the file name */
  public static ZoneExport read(Path file, Name origin) throws InputException {
    return read(file.toString(), ExportText.read(file), origin);
  }

  /**
   * @param fileName how errors name the file; its last segment is the fallback for the apex
   * @param origin the zone apex, or null to take it from the header or the file name
   */
  public static ZoneExport read(String fileName, String text, Name origin) throws InputException {
    List<String> lines = text.lines().toList();
    Name apex;
    String apexSource;
    if (origin != null) {
      if (!origin.isAbsolute()) {
        throw new IllegalArgumentException("origin must be absolute: " + origin);
      }
      apex = origin;
      apexSource = "given explicitly";
    } else if ((apex = headerDomain(fileName, lines)) != null) {
      apexSource = "from the ';; Domain:' header";
    } else if ((apex = fileNameDomain(fileName)) != null) {
      apexSource = "from the file name";
    } else {
      throw new InputException(fileName, 1, 0, "cannot tell the zone: no ';; Domain:' header, and the file name is "
          + "not a domain (name it example.com.txt or give the zone explicitly)");
    }
    BindExportReader reader = new BindExportReader(fileName, apex);
    reader.readLines(lines);
    Soa zoneSoa = reader.soa == null ? Soa.CLOUDFLARE_DEFAULT : new Soa(reader.soa.getTTL(), reader.soa.getMinimum());
    return new ZoneExport(apex, apexSource, ExportFormat.BIND, List.of(fileName), zoneSoa, reader.soa != null,
        reader.records);
  }

  /** The first {@code ;; Domain: example.com.} comment line, wherever it is. */
  private static Name headerDomain(String fileName, List<String> lines) throws InputException {
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = DOMAIN_HEADER.matcher(lines.get(i).strip());
      if (m.find()) {
        try {
          return Name.fromString(m.group(1), Name.root);
        } catch (TextParseException e) {
          throw new InputException(fileName, i + 1, 0, "the ';; Domain:' header holds no domain name: "
              + e.getMessage());
        }
      }
    }
    return null;
  }

  /** {@code example.com.txt} -> example.com; null unless it has at least two labels. */
  private static Name fileNameDomain(String fileName) {
    String base = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
    if (base.toLowerCase(Locale.ROOT).endsWith(".txt")) {
      base = base.substring(0, base.length() - 4);
    }
    try {
      Name name = Name.fromString(base, Name.root);
      return name.labels() >= 3 ? name : null; // two labels plus the root
    } catch (TextParseException e) {
      return null;
    }
  }

  private void readLines(List<String> lines) throws InputException {
    StringBuilder entry = new StringBuilder();
    StringBuilder comment = new StringBuilder();
    int entryLine = 0;
    int depth = 0;
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 1;
      String line = lines.get(i);
      int cut = commentStart(line);
      String data = cut < 0 ? line : line.substring(0, cut);
      String remark = cut < 0 ? null : line.substring(cut + 1);
      if (depth == 0) {
        if (data.isBlank()) {
          continue; // blank, or a comment line such as ";; A Records"
        }
        if (data.charAt(0) == '$') {
          directive(data.strip(), lineNumber);
          continue;
        }
        entry.setLength(0);
        comment.setLength(0);
        entryLine = lineNumber;
        entry.append(withOwner(data, lineNumber));
      } else {
        entry.append('\n').append(data);
      }
      if (remark != null) {
        comment.append(comment.length() == 0 ? "" : " ").append(remark);
      }
      depth += parenthesesBalance(data);
      if (depth < 0) {
        throw new InputException(file, lineNumber, 0, "')' without a matching '('");
      }
      if (depth == 0) {
        record(entry.toString(), comment.toString(), entryLine);
      }
    }
    if (depth > 0) {
      throw new InputException(file, entryLine, 0, "'(' is never closed: the record is cut off");
    }
  }

  private void directive(String data, int line) throws InputException {
    String[] parts = data.split("\\s+");
    String name = parts[0].toUpperCase(Locale.ROOT);
    if (parts.length != 2 || !(name.equals("$ORIGIN") || name.equals("$TTL"))) {
      throw new InputException(file, line, 0, "unsupported directive '" + data + "': an export uses only $ORIGIN and $TTL");
    }
    if (name.equals("$ORIGIN")) {
      try {
        origin = Name.fromString(parts[1], origin);
      } catch (TextParseException e) {
        throw new InputException(file, line, 0, "$ORIGIN needs a domain name: " + e.getMessage());
      }
    } else {
      defaultTtl = ttl(parts[1], line).orElseThrow(
          () -> new InputException(file, line, 0, "$TTL needs a TTL, got '" + parts[1] + "'"));
    }
  }

  /**
   * The record's text with an owner Master reads as meant: the apex without its dot gets one, and
   * a line starting with blank space repeats the previous record's owner (as in any zone file).
   */
  private String withOwner(String data, int line) throws InputException {
    if (Character.isWhitespace(data.charAt(0))) {
      if (lastOwner == null) {
        throw new InputException(file, line, 0, "the record has no owner name, and there is no previous record to "
            + "take it from");
      }
      return lastOwner + data;
    }
    int end = 0;
    while (end < data.length() && !Character.isWhitespace(data.charAt(end))) {
      end++;
    }
    String owner = data.substring(0, end);
    String lower = owner.toLowerCase(Locale.ROOT);
    if (!owner.endsWith(".") && (lower.equals(apexText) || lower.endsWith("." + apexText))) {
      return owner + "." + data.substring(end);
    }
    return data;
  }

  /**
   * A TTL token in seconds (units allowed), or empty when the token is no TTL. dnsjava clamps TTLs
   * past 2^31 - 1 to it silently; RFC 2181 section 8 makes them an error here.
   */
  private OptionalLong ttl(String token, int line) throws InputException {
    long seconds;
    try {
      seconds = TTL.parse(token, false);
    } catch (NumberFormatException e) {
      // Digits that do not fit 32 bits are a TTL too large, not another kind of token.
      if (!token.isEmpty() && Character.isDigit(token.charAt(0))) {
        throw new InputException(file, line, 0, "TTL " + token + " is more than " + TTL.MAX_VALUE + " seconds");
      }
      return OptionalLong.empty();
    }
    if (seconds > TTL.MAX_VALUE) {
      throw new InputException(file, line, 0, "TTL " + token + " is more than " + TTL.MAX_VALUE + " seconds");
    }
    return OptionalLong.of(seconds);
  }

  private void record(String text, String comment, int line) throws InputException {
    // The TTL stands before the type: the owner (always written out by now), then TTL and class
    // in either order.
    String[] tokens = text.strip().split("\\s+", 4);
    for (int i = 1; i < Math.min(tokens.length, 3); i++) {
      ttl(tokens[i], line);
    }
    Record record;
    try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), origin, defaultTtl)) {
      record = master.nextRecord();
      if (master.nextRecord() != null) {
        throw new InputException(file, line, 0, "more than one record in one entry");
      }
    } catch (IOException | IllegalArgumentException e) {
      ParseProblem p = ParseProblem.of(e);
      throw new InputException(file, line + p.line() - 1, 0, "cannot parse the record: " + p.reason());
    }
    if (record.getDClass() != DClass.IN) {
      // Cloudflare serves the Internet class only; a CH or HS record is a mistake in this file.
      throw new InputException(file, line, 0, "class " + DClass.string(record.getDClass()) + " is not served: "
          + "Cloudflare answers class IN only");
    }
    lastOwner = record.getName();
    ExportComment tags;
    try {
      tags = ExportComment.parse(comment);
    } catch (IllegalArgumentException e) {
      throw new InputException(file, line, 0, e.getMessage());
    }
    if (record instanceof SOARecord s) {
      if (soa != null) {
        throw new InputException(file, line, 0, "a second SOA record (the first is on line " + soaLine + ")");
      }
      soa = s;
      soaLine = line;
      return;
    }
    records.add(new ExportedRecord(record, Boolean.TRUE.equals(tags.proxied()), tags.proxied() != null,
        tags.flattenCname(), RecordMeta.UNKNOWN, new Location(file, line, 0)));
  }

  /** Where the comment starts: the first ';' outside a quoted string and not escaped; -1 if none. */
  static int commentStart(String line) {
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ';' && !quoted) {
        return i;
      }
    }
    return -1;
  }

  /** '(' minus ')' outside quoted strings: a record continues over lines while this is positive. */
  private static int parenthesesBalance(String data) {
    int balance = 0;
    boolean quoted = false;
    for (int i = 0; i < data.length(); i++) {
      char c = data.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        balance++;
      } else if (!quoted && c == ')') {
        balance--;
      }
    }
    return balance;
  }
}
