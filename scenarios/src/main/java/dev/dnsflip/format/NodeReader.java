package dev.dnsflip.format;

import dev.dnsflip.simulation.Limits;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML or JSON text into a located {@link Node} tree with Jackson's streaming parser, which
 * keeps each token's position. Refuses what would make a file mean something other than it says:
 * duplicate keys (parsers silently keep the last), YAML aliases, and more than one document.
 */
public final class NodeReader {
  private static final YAMLFactory YAML = new YAMLFactory();
  // JSON duplicates are caught by the parser itself; YAML's parser has no such check.
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private final JsonParser parser;
  private final String file;
  private int depth; // open mappings and lists around the value being read

  private NodeReader(JsonParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  /**
   * The one YAML document of {@code text}.
   *
   * @param ifEmpty the problem to report, at 1:1, when the text holds no document at all
   */
  public static Node yaml(String text, String file, String ifEmpty) throws InputException {
    try (YAMLParser parser = YAML.createParser(text)) {
      NodeReader reader = new NodeReader(parser, file);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(file, 1, 1, ifEmpty);
      }
      Node root = reader.value(first, "");
      if (parser.nextToken() != null) {
        throw reader.here("only one YAML document per file is supported");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformedYaml(e, file);
    } catch (IOException e) {
      // Reading from a String cannot fail for I/O reasons.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The one JSON value of {@code text}.
   *
   * @param ifEmpty the problem to report when the text holds no value (blank text has no column)
   */
  public static Node json(String text, String file, String ifEmpty) throws InputException {
    JsonParser parser;
    try {
      parser = JSON.createParser(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from a String cannot fail for I/O reasons
    }
    try (parser) {
      NodeReader reader = new NodeReader(parser, file);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw reader.here(ifEmpty);
      }
      Node root = reader.value(first, "");
      if (parser.nextToken() != null) {
        // Jackson reads a stream of root values; a file holds one.
        throw reader.here("unexpected content after the JSON " + switch (root.kind()) {
          case MAP -> "object";
          case LIST -> "array";
          case SCALAR -> "value";
        });
      }
      return root;
    } catch (JsonProcessingException e) {
      // The parser's own limits (number length, nesting) say no location: where it stopped stands in.
      JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
      throw new InputException(file, Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()),
          "malformed JSON: " + oneLine(e.getOriginalMessage()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Node value(JsonToken token, String path) throws IOException, InputException {
    Location at = location(parser.currentTokenLocation());
    if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && ++depth > Limits.DEPTH.max()) {
      throw at.error(Limits.DEPTH.refusal("the document nests deeper than " + Limits.DEPTH.max() + " levels"));
    }
    switch (token) {
      case START_OBJECT -> {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          String childPath = path.isEmpty() ? key : path + "." + key;
          Node keyNode = Node.scalar(location(parser.currentTokenLocation()), childPath, Node.Scalar.STRING, key);
          Node first = seen.putIfAbsent(key, keyNode);
          if (first != null) {
            throw keyNode.error("duplicate key '" + key + "' " + where(path) + " (first at " + first.line() + ":"
                + first.column() + ")");
          }
          entries.add(new Node.Entry(keyNode, value(parser.nextToken(), childPath)));
        }
        depth--;
        return Node.map(at, path, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(t, path + "[" + items.size() + "]"));
        }
        depth--;
        return Node.list(at, path, items);
      }
      case VALUE_NULL -> {
        return Node.scalar(at, path, Node.Scalar.NULL, null);
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
          throw here("aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        // The text as written: a YAML loader decides what a value means, not YAML's type guessing.
        return Node.scalar(at, path, scalar(token), parser.getText());
      }
      default -> throw here("unsupported YAML value (" + token + ")");
    }
  }

  private static Node.Scalar scalar(JsonToken token) {
    return switch (token) {
      case VALUE_NUMBER_INT -> Node.Scalar.INTEGER;
      case VALUE_NUMBER_FLOAT -> Node.Scalar.FLOAT;
      case VALUE_TRUE, VALUE_FALSE -> Node.Scalar.BOOLEAN;
      default -> Node.Scalar.STRING;
    };
  }

  private static String where(String path) {
    return path.isEmpty() ? "at top level" : "in " + path;
  }

  private InputException here(String problem) {
    return location(parser.currentTokenLocation()).error(problem);
  }

  private Location location(JsonLocation at) {
    return new Location(file, at.getLineNr(), at.getColumnNr());
  }

  /** SnakeYAML's mark points at the offending character; Jackson's location can lag behind it. */
  private static InputException malformedYaml(JsonProcessingException e, String file) {
    if (e.getCause() instanceof MarkedYAMLException m && m.getProblemMark() != null) {
      Mark problemAt = m.getProblemMark();
      String problem = "malformed YAML: " + oneLine(m.getProblem());
      if (m.getContext() != null) {
        Mark contextAt = m.getContextMark();
        problem += " (" + oneLine(m.getContext())
            + (contextAt == null ? "" : " at " + (contextAt.getLine() + 1) + ":" + (contextAt.getColumn() + 1)) + ")";
      }
      return new InputException(file, problemAt.getLine() + 1, problemAt.getColumn() + 1, problem);
    }
    JsonLocation at = e.getLocation();
    int line = at == null ? 1 : Math.max(1, at.getLineNr());
    int column = at == null ? 1 : Math.max(1, at.getColumnNr());
    return new InputException(file, line, column, "malformed YAML: " + oneLine(e.getOriginalMessage()));
  }

  private static String oneLine(String s) {
    return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
  }
}
