package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import java.util.List;
import java.util.function.Supplier;

/**
 * One value of a YAML document with where it was written: a mapping (ordered entries), a list
 * or a scalar (its text, or null for YAML's null). Jackson's own trees drop positions, and every
 * error a user sees has to name a line and column, so the loader reads into this instead.
 */
final class Node {
  enum Kind { MAP, LIST, SCALAR }

  /** A mapping entry; the key is a scalar node so an error can point at the key itself. */
  record Entry(Node key, Node value) {}

  /** Turns a scalar's text into a value; throws IllegalArgumentException with a problem. */
  @FunctionalInterface
  interface Parser<T> {
    T parse(String text);
  }

  private final Kind kind;
  private final String file;
  private final String path;
  private final int line;
  private final int column;
  private final String text;
  private final List<Node> items;
  private final List<Entry> entries;

  private Node(Kind kind, String file, String path, int line, int column, String text,
      List<Node> items, List<Entry> entries) {
    this.kind = kind;
    this.file = file;
    this.path = path;
    this.line = line;
    this.column = column;
    this.text = text;
    this.items = List.copyOf(items);
    this.entries = List.copyOf(entries);
  }

  static Node scalar(String file, String path, int line, int column, String text) {
    return new Node(Kind.SCALAR, file, path, line, column, text, List.of(), List.of());
  }

  static Node list(String file, String path, int line, int column, List<Node> items) {
    return new Node(Kind.LIST, file, path, line, column, null, items, List.of());
  }

  static Node map(String file, String path, int line, int column, List<Entry> entries) {
    return new Node(Kind.MAP, file, path, line, column, null, List.of(), entries);
  }

  Kind kind() {
    return kind;
  }

  /** Dotted path from the document root, e.g. {@code account.zones[0].records[3]}; "" at the root. */
  String path() {
    return path;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  /** "at top level" or "in account.zones[0]", to complete a sentence about this node. */
  String where() {
    return path.isEmpty() ? "at top level" : "in " + path;
  }

  boolean isNull() {
    return kind == Kind.SCALAR && text == null;
  }

  InputException error(String problem) {
    return new InputException(file, line, column, problem);
  }

  /** "file:line:col", for values that keep their origin (expectations). */
  String location() {
    return file + ":" + line + ":" + column;
  }

  String text() throws InputException {
    if (kind != Kind.SCALAR || text == null) {
      throw mismatch("a value");
    }
    return text;
  }

  List<Node> items() throws InputException {
    if (kind != Kind.LIST) {
      throw mismatch("a list");
    }
    return items;
  }

  List<Entry> entries() throws InputException {
    if (kind != Kind.MAP) {
      throw mismatch("a mapping");
    }
    return entries;
  }

  /** Parses this scalar; the parser's complaint is reported at this node. */
  <T> T parse(Parser<T> parser) throws InputException {
    String t = text();
    try {
      return parser.parse(t);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /** Runs a model constructor; its IllegalArgumentException becomes an error at this node. */
  <T> T build(Supplier<T> constructor) throws InputException {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private InputException mismatch(String expected) {
    String found = switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> text == null ? "nothing" : "'" + text + "'";
    };
    String of = path.isEmpty() ? "at top level" : "for " + path;
    return error("expected " + expected + " " + of + ", found " + found);
  }
}
