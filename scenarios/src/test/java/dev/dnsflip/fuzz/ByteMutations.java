package dev.dnsflip.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;

/** Mutations every input kind shares: truncation, encodings, stray bytes, line endings. */
final class ByteMutations {
  private ByteMutations() {}

  /** Applies one byte-level mutation to {@code text}, naming it in {@code log}. */
  static byte[] apply(String text, SplittableRandom r, List<String> log) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    switch (r.nextInt(11)) {
      case 0 -> {
        int at = utf8.length == 0 ? 0 : r.nextInt(utf8.length);
        log.add("truncated at byte " + at);
        return java.util.Arrays.copyOf(utf8, at);
      }
      case 1 -> {
        boolean le = r.nextBoolean();
        boolean bom = r.nextBoolean();
        log.add("encoded as UTF-16" + (le ? "LE" : "BE") + (bom ? " with BOM" : ""));
        byte[] body = text.getBytes(le ? StandardCharsets.UTF_16LE : StandardCharsets.UTF_16BE);
        return bom ? concat(le ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF}, body)
            : body;
      }
      case 2 -> {
        log.add("UTF-8 BOM");
        return concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8);
      }
      case 3 -> {
        byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3, 0x28}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        byte[] b = bad[r.nextInt(bad.length)];
        int at = r.nextInt(utf8.length + 1);
        log.add("invalid UTF-8 " + hex(b) + " at byte " + at);
        return insert(utf8, at, b);
      }
      case 4 -> {
        int at = r.nextInt(utf8.length + 1);
        log.add("NUL at byte " + at);
        return insert(utf8, at, new byte[] {0});
      }
      case 5 -> {
        String[] blanks = {"", " ", "\n", "\n\n\n", "\t", "\u0000", "# nothing\n", "---\n", "...\n"};
        String b = blanks[r.nextInt(blanks.length)];
        log.add("replaced by " + quote(b));
        log.add(MUST_REFUSE + "blank file");
        return b.getBytes(StandardCharsets.UTF_8);
      }
      case 6 -> {
        boolean crOnly = r.nextBoolean();
        log.add(crOnly ? "CR line endings" : "CRLF line endings");
        return text.replace("\n", crOnly ? "\r" : "\r\n").getBytes(StandardCharsets.UTF_8);
      }
      case 7 -> {
        byte[] copy = utf8.clone();
        int flips = 1 + r.nextInt(4);
        StringBuilder where = new StringBuilder();
        for (int i = 0; i < flips && copy.length > 0; i++) {
          int at = r.nextInt(copy.length);
          copy[at] = (byte) r.nextInt(256);
          where.append(i == 0 ? "" : ",").append(at);
        }
        log.add("random bytes at " + where);
        return copy;
      }
      case 8 -> {
        int at = r.nextInt(utf8.length + 1);
        int len = longLength(r);
        char c = "ax9 -\"'".charAt(r.nextInt(7));
        log.add(len + " x '" + c + "' at byte " + at);
        return insert(utf8, at, String.valueOf(c).repeat(len).getBytes(StandardCharsets.UTF_8));
      }
      case 9 -> {
        log.add("Latin-1 re-encoding");
        return text.replace("-", "\u00e9-").getBytes(StandardCharsets.ISO_8859_1);
      }
      default -> {
        int copies = 2 + r.nextInt(3);
        log.add("whole file " + copies + " times");
        return text.repeat(copies).getBytes(StandardCharsets.UTF_8);
      }
    }
  }

  /** Marks a mutation after which the input must be refused. */
  static final String MUST_REFUSE = "must be refused: ";

  /**
   * Whether the input must be refused: the last mutation planted something forbidden, and nothing
   * but a harmless re-encoding came after it (a later edit could have cut the forbidden part away).
   */
  static String mustRefuse(List<String> log) {
    for (int i = log.size() - 1; i >= 0; i--) {
      String s = log.get(i);
      if (s.startsWith(MUST_REFUSE)) {
        return s.substring(MUST_REFUSE.length());
      }
      if (!(s.equals("UTF-8 BOM") || s.endsWith("line endings") || s.startsWith("named "))) {
        return null;
      }
    }
    return null;
  }

  /** Cases stay small: anything past 2 MB (repeated long values) is cut there. */
  static final int MAX_CASE_BYTES = 2_000_000;

  static byte[] bounded(byte[] bytes, List<String> log) {
    if (bytes.length <= MAX_CASE_BYTES) {
      return bytes;
    }
    log.add("cut from " + bytes.length + " to " + MAX_CASE_BYTES + " bytes");
    return java.util.Arrays.copyOf(bytes, MAX_CASE_BYTES);
  }

  /** A long run, at most about 1 MB so that one case stays small. */
  static int longLength(SplittableRandom r) {
    int[] lengths = {100, 4096, 65_537, 1_000_000};
    return lengths[r.nextInt(lengths.length)];
  }

  static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }

  static byte[] insert(byte[] into, int at, byte[] what) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(into.length + what.length);
    out.write(into, 0, at);
    out.writeBytes(what);
    out.write(into, at, into.length - at);
    return out.toByteArray();
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : (s.length() > 40 ? s.substring(0, 40) + "..." : s).toCharArray()) {
      b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    }
    return b.append('"').toString();
  }

  static String hex(byte[] b) {
    StringBuilder s = new StringBuilder();
    for (byte x : b) {
      s.append(String.format("%02X", x & 0xff));
    }
    return s.toString();
  }
}
