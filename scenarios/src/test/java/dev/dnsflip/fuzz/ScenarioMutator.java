package dev.dnsflip.fuzz;

import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates small scenario files (the shipped suites cut down to seconds of work) by their structure
 * — values at and past limits, swapped types, deleted, duplicated and unknown keys, deep nesting —
 * and by their text: lines duplicated or dropped, values rewritten in place, encodings, truncation.
 */
final class ScenarioMutator {
  static final Path SEEDS = Path.of("src/test/resources/fuzz/scenarios");
  private static final String DEEP = "deep-nesting-goes-here";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
      .build());
  private static final Pattern KEY_VALUE =
      Pattern.compile("([A-Za-z][A-Za-z0-9.]*):[ \\t]+([^\\s,}\\]#][^,}\\]#\\n]*?)(?=[ \\t]*(?:[,}\\]]|#|$))");

  static final String[] NUMBERS = {"0", "-1", "1", "2147483647", "2147483648", "-2147483649", "9223372036854775807",
      "9223372036854775808", "18446744073709551916", "1e300", "-1e300", "1.5", "-0.5", ".nan", ".inf", "-.inf",
      "0x7fffffff", "0o17", "1_000", "4.9e-324", "00001", "+5", "1e3", "100000", "1000000"};
  static final String[] DURATIONS = {"100000d", "1ms", "0s", "0ms", "-1s", "0.5ms", "1.5ms", "9223372036854775807ms",
      "2147483648s", "1e300s", "10 m", "5m", "P1D", "1d", "30d", "2d", "24855d", "106751991167d", "1h", "59.9999s",
      "NaNs", "1e-9ms", "5", "warmup 100000d", "warmup 0s", "warmup -1s", "warmup 1h", "warmup", "cold", "steady"};
  static final String[] WORDS = {"~", "null", "true", "no", "''", "\"\"", "enable", "disable", "A", "AAAA", "MX", "CNAME",
      "192.0.2.1", "2001:db8::1", "\"2001:db8::1\"", "999.1.1.1", "example.com", "*.example.com", "\"@\"", "@",
      "\u00e9t\u00e9", "exports/missing.txt", "exports", "imported-small.yaml", "70%", "150%", "-5%", "0%", "NaN%",
      "internet-mix", "unbound-1.17", "no-such-preset", "isp", "!!str 5", "!!binary aGVsbG8=", "!!float 1",
      "!!int abc", "!foo bar", "!!set {a, b}", "!!omap [a: 1]", "*nope", "&a 5", "'unterminated", "\"\\u12",
      "{", "[", "- x", "|", ">-", "[]", "{}", "[1, 2]", "{a: 1}", "a: b", "example.com.", "."};

  private final List<String> seedNames;
  private final List<String> seedTexts;

  ScenarioMutator() {
    seedNames = List.of("default-small.yaml", "resolver-mix-small.yaml", "flavel-small.yaml", "imported-small.yaml");
    seedTexts = seedNames.stream().map(n -> read(SEEDS.resolve(n))).toList();
  }

  static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Counters of the sizes one case sets. */
  private static final class Budget {
    int bounded;
    int heavy;

    void note(String key, String value) {
      switch (Sizes.of(key, value)) {
        case BOUNDED -> bounded++;
        case HEAVY -> heavy++;
        default -> { }
      }
    }
  }

  FuzzCase mutate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int which = r.nextInt(seedNames.size());
    String text = seedTexts.get(which);
    List<String> log = new ArrayList<>();
    Budget budget = new Budget();
    int mode = r.nextInt(10);
    if (mode < 4) {
      text = treeMutations(text, r, log, budget);
    } else if (mode < 8) {
      text = textMutations(text, r, log, budget);
    }
    byte[] bytes;
    if (mode >= 8 || r.nextInt(8) == 0) {
      bytes = ByteMutations.apply(text, r, log);
    } else {
      bytes = text.getBytes(StandardCharsets.UTF_8);
    }
    // Imported seeds name exports/ next to them; the case keeps the seed's name so those resolve.
    bytes = ByteMutations.bounded(bytes, log);
    return new FuzzCase(InputKind.SCENARIO, seed, seedNames.get(which), seedNames.get(which), bytes,
        Sizes.heavy(budget.bounded, budget.heavy), ByteMutations.mustRefuse(log), List.copyOf(log));
  }

  // ---------------------------------------------------------------- structure

  private record Slot(JsonNode parent, String field, int index, String key) {
    JsonNode get() {
      return field != null ? parent.get(field) : parent.get(index);
    }

    void set(JsonNode v) {
      if (field != null) {
        ((ObjectNode) parent).set(field, v);
      } else {
        ((ArrayNode) parent).set(index, v);
      }
    }

    void remove() {
      if (field != null) {
        ((ObjectNode) parent).remove(field);
      } else {
        ((ArrayNode) parent).remove(index);
      }
    }

    String path() {
      return (field != null ? field : key + "[" + index + "]");
    }
  }

  private static void slots(JsonNode node, String key, List<Slot> out) {
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        out.add(new Slot(node, f, -1, f));
        slots(node.get(f), f, out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        out.add(new Slot(node, null, i, key));
        slots(node.get(i), key, out);
      }
    }
  }

  private String treeMutations(String text, SplittableRandom r, List<String> log, Budget budget) {
    JsonNode root;
    try {
      root = YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String deep = null;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      List<Slot> slots = new ArrayList<>();
      slots(root, "", slots);
      if (slots.isEmpty()) {
        break;
      }
      Slot s = slots.get(r.nextInt(slots.size()));
      switch (r.nextInt(7)) {
        case 0, 1 -> {
          String v = value(s.key(), r);
          budget.note(s.key(), v);
          s.set(scalar(v));
          log.add(s.path() + " = " + ByteMutations.quote(v));
        }
        case 2 -> {
          JsonNode old = s.get();
          JsonNode swapped;
          if (old.isValueNode()) {
            swapped = r.nextBoolean() ? NODES.arrayNode().add(old) : NODES.objectNode().set(s.key(), old);
          } else if (old.isArray()) {
            swapped = r.nextBoolean() ? scalar(value(s.key(), r)) : arrayAsMap((ArrayNode) old);
          } else {
            swapped = r.nextBoolean() ? scalar(value(s.key(), r)) : NODES.arrayNode().addAll(values(old));
          }
          s.set(swapped);
          log.add(s.path() + " type " + kind(old) + " -> " + kind(swapped));
        }
        case 3 -> {
          s.remove();
          log.add("deleted " + s.path());
        }
        case 4 -> {
          JsonNode target = s.get().isObject() ? s.get() : s.parent();
          if (target.isObject()) {
            String[] keys = {"ttll", "Count", "duration ", "zone", "records2", "x", "\u00e9", "count.max", "<<", "1", "",
                "name\u0000", "a".repeat(300)};
            String k = keys[r.nextInt(keys.length)];
            ((ObjectNode) target).set(k, scalar(value(k, r)));
            log.add("unknown key " + ByteMutations.quote(k));
            log.add(ByteMutations.MUST_REFUSE + "unknown key");
          } else {
            ((ArrayNode) target).add(scalar(value(s.key(), r)));
            log.add("extra element in " + s.key());
          }
        }
        case 5 -> {
          int[] depths = {10, 100, 1000, 5000};
          int depth = depths[r.nextInt(depths.length)];
          boolean maps = r.nextBoolean();
          // Flow text spliced in after writing: the YAML emitter recurses per level and would overflow.
          deep = (maps ? ("{" + s.key() + ": ").repeat(depth) : "[".repeat(depth)) + "1"
              + (maps ? "}" : "]").repeat(depth);
          s.set(NODES.textNode(DEEP));
          log.add(s.path() + " nested " + depth + " deep in " + (maps ? "maps" : "lists"));
        }
        default -> {
          if (s.field() == null) {
            int[] copies = {1, 2, 50};
            int c = copies[r.nextInt(copies.length)];
            if (c > 2) {
              budget.bounded++;
            }
            for (int k = 0; k < c; k++) {
              ((ArrayNode) s.parent()).add(s.get().deepCopy());
            }
            log.add(s.path() + " duplicated " + c + " times");
          } else {
            ((ObjectNode) s.parent()).set(s.field() + "s", s.get().deepCopy());
            log.add(s.path() + " copied to " + s.field() + "s");
          }
        }
      }
    }
    try {
      String written = YAML.writeValueAsString(root);
      return deep == null ? written : written.replaceFirst(Pattern.quote(DEEP), Matcher.quoteReplacement(deep));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String kind(JsonNode n) {
    return n.isObject() ? "map" : n.isArray() ? "list" : "scalar";
  }

  private static ObjectNode arrayAsMap(ArrayNode a) {
    ObjectNode o = NODES.objectNode();
    for (int i = 0; i < a.size(); i++) {
      o.set(String.valueOf(i), a.get(i));
    }
    return o;
  }

  private static List<JsonNode> values(JsonNode o) {
    List<JsonNode> out = new ArrayList<>();
    o.elements().forEachRemaining(out::add);
    return out;
  }

  static JsonNode scalar(String v) {
    if (v.matches("-?[0-9]+")) {
      BigInteger b = new BigInteger(v);
      return b.bitLength() < 32 ? NODES.numberNode(b.intValue())
          : b.bitLength() < 64 ? NODES.numberNode(b.longValue()) : NODES.numberNode(b);
    }
    if (v.matches("-?[0-9]+(\\.[0-9]+)?[eE][-+]?[0-9]+|-?[0-9]+\\.[0-9]+")) {
      return NODES.numberNode(Double.parseDouble(v));
    }
    return NODES.textNode(v);
  }

  /** A replacement value for {@code key}, biased towards what the key holds. */
  static String value(String key, SplittableRandom r) {
    boolean durationKey = key.equals("duration") || key.equals("bucket") || key.equals("at") || key.equals("from")
        || key.equals("to") || key.equals("fixed") || key.equals("uniform") || key.equals("initialCache")
        || key.equals("atMost") || key.equals("atLeast");
    int pick = r.nextInt(10);
    if (pick == 0) {
      return "x".repeat(ByteMutations.longLength(r));
    }
    if (durationKey && pick < 7 || !durationKey && pick < 2) {
      return DURATIONS[r.nextInt(DURATIONS.length)];
    }
    if (pick < 7) {
      return NUMBERS[r.nextInt(NUMBERS.length)];
    }
    return WORDS[r.nextInt(WORDS.length)];
  }

  // ---------------------------------------------------------------- text

  private static String textMutations(String text, SplittableRandom r, List<String> log, Budget budget) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int n = 1 + r.nextInt(2);
    for (int i = 0; i < n; i++) {
      int at = r.nextInt(lines.size());
      String line = lines.get(at);
      switch (r.nextInt(7)) {
        case 0, 1, 2 -> {
          List<int[]> found = new ArrayList<>();
          int tries = 0;
          while (found.isEmpty() && tries++ < 20) {
            at = r.nextInt(lines.size());
            line = lines.get(at);
            if (line.stripLeading().startsWith("#")) {
              continue;
            }
            Matcher m = KEY_VALUE.matcher(line);
            while (m.find()) {
              found.add(new int[] {m.start(1), m.end(1), m.start(2), m.end(2)});
            }
          }
          if (found.isEmpty()) {
            break;
          }
          int[] f = found.get(r.nextInt(found.size()));
          String key = line.substring(f[0], f[1]);
          String v = value(key, r);
          budget.note(key, v);
          lines.set(at, line.substring(0, f[2]) + v + line.substring(f[3]));
          log.add("line " + (at + 1) + ": " + key + ": " + ByteMutations.quote(v));
        }
        case 3 -> {
          lines.add(at, line);
          log.add("line " + (at + 1) + " duplicated");
        }
        case 4 -> {
          lines.remove(at);
          if (lines.isEmpty()) {
            lines.add("");
          }
          log.add("line " + (at + 1) + " deleted");
        }
        case 5 -> {
          String[] indents = {" ", "  ", "\t", "    "};
          String ind = indents[r.nextInt(indents.length)];
          boolean add = r.nextBoolean() || !line.startsWith(" ");
          lines.set(at, add ? ind + line : line.substring(1));
          log.add("line " + (at + 1) + (add ? " indented by " + ByteMutations.quote(ind) : " dedented"));
        }
        default -> {
          String[] inserts = {"ttll: 5", "<<: *base", "? [a]\n: 1", "%YAML 1.2", "---", "!!map", "&x", "key: *x",
              "a: &a [1, 2]\nb: [*a, *a, *a, *a, *a, *a, *a, *a]", "clients: []", "name: again", "- stray",
              "description: " + "[".repeat(2000) + "]".repeat(2000), "description: " + "y".repeat(ByteMutations.longLength(r))};
          String ins = inserts[r.nextInt(inserts.length)];
          String indent = line.substring(0, line.length() - line.stripLeading().length());
          if (r.nextBoolean()) {
            indent = "";
          }
          lines.add(at, indent + ins);
          log.add("line " + (at + 1) + " inserted " + ByteMutations.quote(ins));
        }
      }
    }
    return String.join("\n", lines);
  }
}
