package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
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
 * Reads YAML text into a located {@link Node} tree with Jackson's streaming parser, which keeps
 * each token's position. Refuses what would make a file mean something other than it says:
 * duplicate keys (YAML parsers silently keep the last), aliases, and several documents.
 */
final class NodeReader {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final YAMLParser parser;
  private final String file;

  private NodeReader(YAMLParser parser, String file) {
    this.parser = parser;
    this.file = file;
  }

  static Node read(String yaml, String file) throws InputException {
    try (YAMLParser parser = FACTORY.createParser(yaml)) {
      NodeReader reader = new NodeReader(parser, file);
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new InputException(file, 1, 1, "the file is empty; expected a scenario (name, duration, account, "
            + "resolvers, clients, ...)");
      }
      Node root = reader.value(first, "");
      if (parser.nextToken() != null) {
        throw reader.here("only one YAML document per file is supported");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw malformed(e, file);
    } catch (IOException e) {
      // Reading from a String cannot fail for I/O reasons.
      throw new UncheckedIOException(e);
    }
  }

  private Node value(JsonToken token, String path) throws IOException, InputException {
    JsonLocation at = parser.currentTokenLocation();
    int line = at.getLineNr();
    int column = at.getColumnNr();
    switch (token) {
      case START_OBJECT -> {
        List<Node.Entry> entries = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
          String key = parser.currentName();
          JsonLocation k = parser.currentTokenLocation();
          String childPath = path.isEmpty() ? key : path + "." + key;
          Node keyNode = Node.scalar(file, childPath, k.getLineNr(), k.getColumnNr(), key);
          Node first = seen.putIfAbsent(key, keyNode);
          if (first != null) {
            throw keyNode.error("duplicate key '" + key + "' " + where(path) + " (first at " + first.line() + ":"
                + first.column() + ")");
          }
          entries.add(new Node.Entry(keyNode, value(parser.nextToken(), childPath)));
        }
        return Node.map(file, path, line, column, entries);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
          items.add(value(t, path + "[" + items.size() + "]"));
        }
        return Node.list(file, path, line, column, items);
      }
      case VALUE_NULL -> {
        return Node.scalar(file, path, line, column, null);
      }
      case VALUE_STRING, VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE -> {
        if (parser.isCurrentAlias()) {
          throw here("aliases (*" + parser.getText() + ") are not supported; write the value out");
        }
        // The text as written: the loader decides what a value means, not YAML's type guessing.
        return Node.scalar(file, path, line, column, parser.getText());
      }
      default -> throw here("unsupported YAML value (" + token + ")");
    }
  }

  private static String where(String path) {
    return path.isEmpty() ? "at top level" : "in " + path;
  }

  private InputException here(String problem) {
    JsonLocation at = parser.currentTokenLocation();
    return new InputException(file, at.getLineNr(), at.getColumnNr(), problem);
  }

  /** SnakeYAML's mark points at the offending character; Jackson's location can lag behind it. */
  private static InputException malformed(JsonProcessingException e, String file) {
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
