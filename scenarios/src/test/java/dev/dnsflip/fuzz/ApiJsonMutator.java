package dev.dnsflip.fuzz;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mutates saved pages of Cloudflare's DNS records API by their JSON structure: wrong types, TTLs
 * and page counts at and past limits, missing or misshapen {@code result}, other top levels,
 * duplicate keys, deep nesting, many records, and the shared byte mutations.
 */
final class ApiJsonMutator {
  static final List<String> SEEDS = List.of("example.org.json", "example.dev.json", "example.net-page1.json");
  private static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
      .streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build()).build())
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final String DEEP = "deep-nesting-goes-here";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  /** Page counts the test JVM can afford if dnsflip accepts them; larger ones make a case heavy. */
  private static final long PAGE_CAP = 1000;

  static final String[] RECORD_FIELDS = {"ttl", "proxied", "type", "content", "name", "zone_name", "zone_id", "settings",
      "meta", "tags", "comment", "proxiable", "id"};
  static final String[] INFO_FIELDS = {"total_pages", "page", "per_page", "count", "total_count"};

  FuzzCase mutate(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    String seedName = SEEDS.get(r.nextInt(SEEDS.size()));
    String text = ScenarioMutator.read(ExportSeeds.DIR.resolve(seedName));
    List<String> log = new ArrayList<>();
    boolean[] heavy = {false};
    int mode = r.nextInt(10);
    if (mode < 6) {
      text = treeMutations(text, r, log, heavy);
    } else if (mode < 8) {
      text = textMutations(text, r, log);
    }
    byte[] bytes = ByteMutations.bounded(mode >= 8 || r.nextInt(8) == 0 ? ByteMutations.apply(text, r, log)
        : text.getBytes(StandardCharsets.UTF_8), log);
    String name = r.nextInt(20) == 0 ? "page.txt" : "page.json";
    if (!name.equals("page.json")) {
      log.add("named " + name);
    }
    return new FuzzCase(InputKind.API_JSON, seed, seedName, name, bytes, heavy[0], ByteMutations.mustRefuse(log), List.copyOf(log));
  }

  static JsonNode wrongValue(SplittableRandom r) {
    JsonNode[] values = {NODES.textNode("300"), NODES.numberNode(300.5), NODES.numberNode(-1), NODES.numberNode(0),
        NODES.numberNode(2147483647), NODES.numberNode(2147483648L), NODES.numberNode(new BigInteger("18446744073709551916")),
        NODES.numberNode(new BigInteger("9223372036854775808")), NODES.numberNode(1e300), NODES.numberNode(-1e300),
        NODES.numberNode(new BigDecimal("1E+400")), NODES.numberNode(4.9e-324), NODES.booleanNode(true),
        NODES.nullNode(), NODES.arrayNode(), NODES.objectNode(), NODES.textNode(""), NODES.textNode("true"),
        NODES.textNode("yes"), NODES.textNode("MX"), NODES.textNode("a"), NODES.textNode("999.1.1.1"),
        NODES.textNode("*.example.org"), NODES.textNode("."), NODES.textNode("example.com"), NODES.textNode("a..b"),
        NODES.textNode("x".repeat(300)), NODES.textNode("\u0000"), NODES.textNode("\ud800"), NODES.numberNode(1),
        NODES.textNode("2001:db8::1"), NODES.textNode("CNAME"), NODES.textNode("SOA"), NODES.arrayNode().add(1)};
    return values[r.nextInt(values.length)];
  }

  private static String treeMutations(String text, SplittableRandom r, List<String> log, boolean[] heavy) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String deep = null;
    int n = 1 + r.nextInt(3);
    for (int i = 0; i < n; i++) {
      ArrayNode result = root.isObject() && root.get("result") instanceof ArrayNode a ? a : null;
      int op = r.nextInt(10);
      if (result == null || result.isEmpty()) {
        op = 5 + r.nextInt(5);
      }
      switch (op) {
        case 0, 1, 2, 3 -> {
          int at = r.nextInt(result.size());
          if (!(result.get(at) instanceof ObjectNode rec)) {
            break;
          }
          String f = op <= 1 ? (r.nextBoolean() ? "ttl" : "proxied") : BindExportMutator.pick(RECORD_FIELDS, r);
          if (r.nextInt(10) == 0) {
            rec.remove(f);
            log.add("result[" + at + "]." + f + " removed");
          } else {
            JsonNode v = wrongValue(r);
            rec.set(f, v);
            boolean outOfRange = f.equals("ttl") && v.isNumber() && (v.decimalValue().signum() < 0
                || v.decimalValue().compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0);
            log.add("result[" + at + "]." + f + " = " + ByteMutations.quote(v.toString()));
            if (outOfRange) {
              log.add(ByteMutations.MUST_REFUSE + "ttl outside 0..2^31-1");
            }
          }
        }
        case 4 -> {
          int[] copies = {1, 100, 5000};
          int c = copies[r.nextInt(copies.length)];
          JsonNode rec = result.get(r.nextInt(result.size()));
          for (int k = 0; k < c; k++) {
            JsonNode copy = rec.deepCopy();
            if (c > 1 && copy instanceof ObjectNode o && o.get("name") != null && o.get("name").isTextual()) {
              o.put("name", "r" + k + "." + o.get("name").asText());
            }
            result.add(copy);
          }
          log.add("record repeated " + c + " times");
        }
        case 5, 6 -> {
          ObjectNode info = root.isObject() && root.get("result_info") instanceof ObjectNode o ? o : null;
          if (info == null) {
            break;
          }
          String f = BindExportMutator.pick(INFO_FIELDS, r);
          JsonNode v = r.nextInt(12) == 0 ? NODES.numberNode(2147483647)
              : r.nextInt(3) == 0 ? NODES.numberNode(1000) : wrongValue(r);
          if (v.isNumber() && v.decimalValue().compareTo(BigDecimal.valueOf(PAGE_CAP)) > 0) {
            heavy[0] = true;
          }
          info.set(f, v);
          log.add("result_info." + f + " = " + ByteMutations.quote(v.toString()));
        }
        case 7 -> {
          String[] shapes = {"missing result", "result null", "result object", "result string", "result of numbers",
              "top-level array", "empty top-level array", "top-level string", "top-level number", "empty object",
              "missing result_info", "success false"};
          String shape = BindExportMutator.pick(shapes, r);
          ObjectNode o = root.isObject() ? (ObjectNode) root : null;
          switch (shape) {
            case "top-level array" -> root = NODES.arrayNode().add(root);
            case "empty top-level array" -> root = NODES.arrayNode();
            case "top-level string" -> root = NODES.textNode("result");
            case "top-level number" -> root = NODES.numberNode(1);
            case "empty object" -> root = NODES.objectNode();
            default -> {
              if (o == null) {
                break;
              }
              switch (shape) {
                case "missing result" -> o.remove("result");
                case "result null" -> o.putNull("result");
                case "result object" -> o.set("result", NODES.objectNode().set("0", o.get("result")));
                case "result string" -> o.put("result", "[]");
                case "result of numbers" -> o.set("result", NODES.arrayNode().add(1).add(2));
                case "missing result_info" -> o.remove("result_info");
                default -> o.put("success", false);
              }
            }
          }
          boolean noRecords = root.isArray() || !root.isObject() || !root.has("result") || root.get("result").isNull();
          log.add(shape);
          if (noRecords) {
            log.add(ByteMutations.MUST_REFUSE + "no result list (" + shape + ")");
          }
        }
        default -> {
          int[] depths = {10, 100, 1000, 5000};
          int depth = depths[r.nextInt(depths.length)];
          boolean arrays = r.nextBoolean();
          // Text spliced in after writing: the generator recurses per level and would overflow.
          deep = (arrays ? "[".repeat(depth) : "{\"a\": ".repeat(depth)) + "1" + (arrays ? "]" : "}").repeat(depth);
          JsonNode v = NODES.textNode(DEEP);
          if (root instanceof ObjectNode o) {
            String[] where = {"result", "result_info", "meta", "errors"};
            String w = BindExportMutator.pick(where, r);
            if (w.equals("meta") && o.get("result") instanceof ArrayNode a && !a.isEmpty()) {
              ((ObjectNode) a.get(0)).set("meta", v);
            } else {
              o.set(w, v);
            }
            log.add(w + " nested " + depth + " deep");
          } else {
            root = v;
            log.add("top level nested " + depth + " deep");
          }
        }
      }
    }
    try {
      String written = JSON.writeValueAsString(root);
      return deep == null ? written : written.replaceFirst(Pattern.quote("\"" + DEEP + "\""), Matcher.quoteReplacement(deep));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String textMutations(String text, SplittableRandom r, List<String> log) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int at = r.nextInt(lines.size());
    switch (r.nextInt(4)) {
      case 0 -> {
        List<Integer> keyed = new ArrayList<>();
        String[] keys = {"\"ttl\"", "\"proxied\"", "\"name\"", "\"result\"", "\"type\"", "\"total_pages\""};
        String key = BindExportMutator.pick(keys, r);
        for (int i = 0; i < lines.size(); i++) {
          if (lines.get(i).contains(key)) {
            keyed.add(i);
          }
        }
        if (keyed.isEmpty()) {
          break;
        }
        at = keyed.get(r.nextInt(keyed.size()));
        String line = lines.get(at);
        String dup = line.substring(0, line.indexOf(key)) + key + ": " + (r.nextBoolean() ? "600" : "\"x\"") + ", ";
        lines.set(at, dup + line.substring(line.indexOf(key)));
        log.add("line " + (at + 1) + " duplicate key " + key);
      }
      case 1 -> {
        lines.add(at, lines.get(at));
        log.add("line " + (at + 1) + " duplicated");
      }
      case 2 -> {
        lines.remove(at);
        log.add("line " + (at + 1) + " deleted");
      }
      default -> {
        String[] inserts = {"//", "/* */", ",", "]", "}", "NaN,", "\"ttl\": 01,", "'ttl': 1,", "\"ttl\": 1e999,", "\u00a0"};
        String ins = BindExportMutator.pick(inserts, r);
        lines.add(at, ins);
        log.add("line " + (at + 1) + " inserted " + ByteMutations.quote(ins));
      }
    }
    return String.join("\n", lines);
  }
}
