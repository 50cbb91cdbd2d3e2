package dev.dnsflip.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates Cloudflare dashboard BIND exports line by line: TTLs, classes, types and data of records,
 * their {@code cf_tags=} comments, directives, repeated records, and the shared byte mutations.
 */
final class BindExportMutator {
  private static final Pattern RECORD = Pattern.compile("^(\\S+)(\\s+)(\\S+)(\\s+)(\\S+)(\\s+)(\\S+)(\\s+)([^;]*?)(\\s*;.*)?$");
  static final List<String> SEEDS = List.of("example.com.txt", "example.com-tests.txt", "example.org.txt");

  static final String[] TTLS = {"0", "-1", "1", "2147483647", "2147483648", "4294967295", "4294967296",
      "18446744073709551916", "9223372036854775808", "1w", "1h30m", "abc", "1e3", "01", "+5", "0x10", "3600.5"};
  static final String[] CLASSES = {"CH", "HS", "NONE", "ANY", "IN", "in", "CLASS1", "CLASS65535", "CLASS65536", "XX"};
  static final String[] TYPES = {"A", "AAAA", "CNAME", "MX", "TXT", "NS", "SOA", "DS", "TYPE65535", "TYPE0", "BOGUS",
      "SRV", "CAA", "HTTPS", "PTR", "DNAME", "a", "ANY", "OPT"};
  static final String[] DATA = {"", "999.1.1.1", "192.0.2", "::::", "2001:db8::1", "a..b.", "example.com", ".",
      "\\000", "\"unbalanced", "( 1", "192.0.2.1 192.0.2.2", "10", "10 mail", "-1 x.", "0.0.0.0", "*.", "@"};
  static final String[] TAGS = {" ; cf_tags=", " ; cf_tags=cf-proxied:maybe", " ; cf_tags=cf-proxied:true,cf-proxied:false",
      " ; cf_tags=cf-proxied", " ; cf_tags=,,,", " ; cf_tags=cf-flatten-cname:true", " ; cf_tags=cf-flatten-cname",
      " ; cf_tags=cf-proxied:true cf_tags=cf-proxied:false", " ; cf_tags=cf-proxied:TRUE", " ; cf_tags=cf-proxied:true\\",
      ";cf_tags=cf-proxied:true;", " ; cf_tags=cf-proxied:true,", " ; cf_tags==", " ; cf_tags=:true",
      " ; cf_tags=cf-proxied:true ; cf_tags=cf-proxied:false", " ; cf_tags=team:a:b", " ; cf_tags=cf-proxied:1", ""};
  static final String[] DIRECTIVES = {"$ORIGIN .", "$ORIGIN example.net.", "$ORIGIN example.com", "$ORIGIN", "$ORIGIN a..b.",
      "$TTL 2147483648", "$TTL 0", "$TTL -1", "$TTL 1w", "$TTL", "$TTL 18446744073709551916", "$INCLUDE missing-include.txt",
      "$INCLUDE zone.txt", "$INCLUDE", "$GENERATE 1-1000 host$ A 192.0.2.1", "$GENERATE 1-2147483647 h$ A 192.0.2.1",
      "$FOO bar", "$", "$ttl 60", "$ORIGIN example.com. extra"};

  FuzzCase mutate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String seedName = SEEDS.get(r.nextInt(SEEDS.size()));
    String text = ScenarioMutator.read(ExportSeeds.DIR.resolve(seedName));
    List<String> log = new ArrayList<>();
    int mode = r.nextInt(10);
    if (mode < 8) {
      text = lineMutations(text, r, log);
    }
    byte[] bytes = ByteMutations.bounded(mode >= 8 || r.nextInt(8) == 0 ? ByteMutations.apply(text, r, log)
        : text.getBytes(StandardCharsets.UTF_8), log);
    String name = r.nextInt(20) == 0 ? "zone.json" : "zone.txt";
    if (!name.equals("zone.txt")) {
      log.add("named " + name);
    }
    return new FuzzCase(InputKind.BIND, seed, seedName, name, bytes, false, ByteMutations.mustRefuse(log), List.copyOf(log));
  }

  private static String lineMutations(String text, SplittableRandom r, List<String> log) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    List<Integer> records = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).startsWith(";") && RECORD.matcher(lines.get(i)).matches()) {
        records.add(i);
      }
    }
    int n = 1 + r.nextInt(3);
    for (int k = 0; k < n; k++) {
      int at = records.isEmpty() ? 0 : records.get(r.nextInt(records.size()));
      if (at >= lines.size()) {
        at = lines.size() - 1;
      }
      String line = lines.get(at);
      Matcher m = RECORD.matcher(line);
      boolean isRecord = m.matches();
      int op = r.nextInt(10);
      if (!isRecord && op < 5) {
        op = 5 + r.nextInt(5);
      }
      switch (op) {
        case 0 -> {
          String ttl = pick(TTLS, r);
          boolean outOfRange = ttl.matches("-[0-9]+") || ttl.matches("[0-9]{10,}") && new java.math.BigInteger(ttl)
              .compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) > 0;
          replace(lines, at, m, 3, ttl, "TTL", log);
          if (outOfRange) {
            log.add(ByteMutations.MUST_REFUSE + "TTL outside 0..2^31-1");
          }
        }
        case 1 -> {
          String cls = pick(CLASSES, r);
          replace(lines, at, m, 5, cls, "class", log);
          if (List.of("CH", "HS", "NONE", "ANY").contains(cls)) {
            log.add(ByteMutations.MUST_REFUSE + "class " + cls);
          }
        }
        case 2 -> replace(lines, at, m, 7, pick(TYPES, r), "type", log);
        case 3 -> replace(lines, at, m, 9, r.nextInt(6) == 0 ? "x".repeat(300) + "." : pick(DATA, r), "data", log);
        case 4 -> {
          String tag = pick(TAGS, r);
          if (r.nextInt(8) == 0) {
            tag = " ; cf_tags=" + "cf-proxied:true,".repeat(ByteMutations.longLength(r) / 16);
          }
          lines.set(at, line.substring(0, m.start(9)) + m.group(9) + tag);
          log.add("line " + (at + 1) + " comment " + ByteMutations.quote(tag));
        }
        case 5 -> {
          String d = pick(DIRECTIVES, r);
          lines.add(at, d);
          log.add("line " + (at + 1) + " inserted " + ByteMutations.quote(d));
        }
        case 6 -> {
          int[] counts = {1, 10, 1000, 5000};
          int c = counts[r.nextInt(counts.length)];
          for (int i = 0; i < c; i++) {
            lines.add(at, line);
          }
          log.add("line " + (at + 1) + " repeated " + c + " times");
        }
        case 7 -> {
          lines.remove(at);
          log.add("line " + (at + 1) + " deleted");
        }
        case 8 -> {
          String[] edits = {"(", ")", "\t", " ", "\"", "\\", ";", "@"};
          String e = pick(edits, r);
          int pos = r.nextInt(line.length() + 1);
          lines.set(at, line.substring(0, pos) + e + line.substring(pos));
          log.add("line " + (at + 1) + " got " + ByteMutations.quote(e) + " at column " + (pos + 1));
        }
        default -> {
          int[] counts = {10, 1000, 20000};
          int c = counts[r.nextInt(counts.length)];
          StringBuilder b = new StringBuilder();
          for (int i = 0; i < c; i++) {
            b.append("h").append(i).append(".example.com.\t1\tIN\tA\t192.0.2.").append(i % 250 + 1)
                .append(" ; cf_tags=cf-proxied:").append(i % 2 == 0).append('\n');
          }
          lines.add(at, b.toString());
          log.add("line " + (at + 1) + " " + c + " new records");
        }
      }
    }
    return String.join("\n", lines);
  }

  private static void replace(List<String> lines, int at, Matcher m, int group, String v, String what, List<String> log) {
    String line = lines.get(at);
    lines.set(at, line.substring(0, m.start(group)) + v + line.substring(m.end(group)));
    log.add("line " + (at + 1) + " " + what + " " + ByteMutations.quote(v));
  }

  static String pick(String[] values, SplittableRandom r) {
    return values[r.nextInt(values.length)];
  }
}
