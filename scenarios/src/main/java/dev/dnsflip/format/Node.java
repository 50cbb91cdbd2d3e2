package dev.dnsflip.format;

import dev.dnsflip.authority.ModelRuleException;
import java.util.List;
import java.util.function.Supplier;

/**
 * One value of a YAML or JSON document with where it was written: a mapping (ordered entries),
 * a list or a scalar (its text as written, and the kind of token it was). Jackson's own trees
 * drop positions, and every error a user sees has to name a line and column, so files are read
 * into this instead.
 */
public final class Node {
  public enum Kind { MAP, LIST, SCALAR }

  /**
   * What kind of token a scalar was. YAML readers go by the text (a scenario's {@code ttl: 5m}
   * is a string to YAML); JSON readers need the kind to tell {@code "5"} from {@code 5}.
   */
  public enum Scalar { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

  /** A mapping entry; the key is a scalar node so an error can point at the key itself. */
  public record Entry(Node key, Node value) {}

  /** Turns a scalar's text into a value; throws IllegalArgumentException with a problem. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String text);
  }

  private final Kind kind;
  private final Scalar scalar;
  private final Location location;
  private final String path;
  private final String text;
  private final List<Node> items;
  private final List<Entry> entries;

  private Node(Kind kind, Scalar scalar, Location location, String path, String text, List<Node> items,
      List<Entry> entries) {
    this.kind = kind;
    this.scalar = scalar;
    this.location = location;
    this.path = path;
    this.text = text;
    this.items = List.copyOf(items);
    this.entries = List.copyOf(entries);
  }

  /** @param text the text as written; null exactly when {@code scalar} is NULL */
  static Node scalar(Location at, String path, Scalar scalar, String text) {
    if ((scalar == Scalar.NULL) != (text == null)) {
      throw new IllegalArgumentException("a " + scalar + " scalar with text " + text);
    }
    return new Node(Kind.SCALAR, scalar, at, path, text, List.of(), List.of());
  }

  static Node list(Location at, String path, List<Node> items) {
    return new Node(Kind.LIST, null, at, path, null, items, List.of());
  }

  static Node map(Location at, String path, List<Entry> entries) {
    return new Node(Kind.MAP, null, at, path, null, List.of(), entries);
  }

  public Kind kind() {
    return kind;
  }

  /** The scalar's token kind; null for a mapping or a list. */
  Scalar scalar() {
    return scalar;
  }

  /** Whether this is a scalar of that kind. */
  public boolean is(Scalar kind) {
    return scalar == kind;
  }

  /** Dotted path from the document root, e.g. {@code account.zones[0].records[3]}; "" at the root. */
  public String path() {
    return path;
  }

  public Location location() {
    return location;
  }

  public int line() {
    return location.line();
  }

  public int column() {
    return location.column();
  }

  /** "at top level" or "in account.zones[0]", to complete a sentence about this node. */
  public String where() {
    return path.isEmpty() ? "at top level" : "in " + path;
  }

  public boolean isNull() {
    return scalar == Scalar.NULL;
  }

  public InputException error(String problem) {
    return location.error(problem);
  }

  public String text() throws InputException {
    if (kind != Kind.SCALAR || text == null) {
      throw mismatch("a value");
    }
    return text;
  }

  public List<Node> items() throws InputException {
    if (kind != Kind.LIST) {
      throw mismatch("a list");
    }
    return items;
  }

  public List<Entry> entries() throws InputException {
    if (kind != Kind.MAP) {
      throw mismatch("a mapping");
    }
    return entries;
  }

  /**
   * The value under {@code key} (possibly a null scalar), or null when this is not a mapping or
   * has no such key: lenient like Jackson's {@code JsonNode.get}, for formats read loosely.
   */
  public Node member(String key) {
    for (Entry e : entries) {
      if (e.key().text.equals(key)) {
        return e.value();
      }
    }
    return null;
  }

  /** This value as compact JSON, as Jackson's {@code JsonNode.toString()} writes it. */
  public String json() {
    return CompactJson.write(this);
  }

  /** Parses this scalar; the parser's complaint is reported at this node. */
  public <T> T parse(Parser<T> parser) throws InputException {
    String t = text();
    try {
      return parser.parse(t);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  /**
   * Runs a model constructor; a rule of the model it breaks becomes an error at this node (any
   * other exception is a bug and passes through).
   */
  public <T> T build(Supplier<T> constructor) throws InputException {
    try {
      return constructor.get();
    } catch (ModelRuleException e) {
      throw error(e.getMessage());
    }
  }

  /** The scalar's token kind (null for a mapping or list), for edits that rebuild a tree. */
  Scalar scalarKind() {
    return scalar;
  }

  /** The scalar's text, null for a null scalar or a section, without a check. */
  String textOrNull() {
    return text;
  }

  /** Mapping entries or list items without the kind check, for writers that walk any node. */
  List<Entry> entriesOrEmpty() {
    return entries;
  }

  List<Node> itemsOrEmpty() {
    return items;
  }

  /** The scalar's text as written, null for a null scalar or a mapping or list. */
  String rawText() {
    return text;
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
