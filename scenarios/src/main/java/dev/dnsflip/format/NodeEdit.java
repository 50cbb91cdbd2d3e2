package dev.dnsflip.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@link ValueOverride}s to a located tree before any reader sees it, so an overridden value
 * goes through exactly the checks a written one does, and a problem with it names the option
 * ({@code --set account.autoTtl:1:1: ...}) rather than a line of the file.
 */
public final class NodeEdit {
  private NodeEdit() {}

  public static Node apply(Node root, List<ValueOverride> overrides) throws InputException {
    Node edited = root;
    for (ValueOverride o : overrides) {
      edited = set(edited, o);
    }
    return edited;
  }

  static Node set(Node root, ValueOverride o) throws InputException {
    Node value = NodeReader.yaml(o.value(), o.origin(), o.origin() + ": expected a value");
    return replace(root, o, 0, value);
  }

  private static Node replace(Node at, ValueOverride o, int depth, Node value) throws InputException {
    ValueOverride.Step step = o.steps().get(depth);
    boolean last = depth == o.steps().size() - 1;
    switch (at.kind()) {
      case MAP -> {
        if (step.key() == null) {
          throw problem(o, depth, "is a mapping: name a key, not " + step);
        }
        List<Node.Entry> entries = new ArrayList<>(at.entries());
        String childPath = at.path().isEmpty() ? step.key() : at.path() + "." + step.key();
        for (int i = 0; i < entries.size(); i++) {
          Node.Entry e = entries.get(i);
          if (e.key().text().equals(step.key())) {
            Node child = last ? rebased(value, childPath) : replace(e.value(), o, depth + 1, value);
            entries.set(i, new Node.Entry(e.key(), child));
            return Node.map(at.location(), at.path(), entries);
          }
        }
        if (!last) {
          throw problem(o, depth + 1, "does not exist: " + (at.path().isEmpty() ? "the file" : at.path())
              + " has no '" + step.key() + "'");
        }
        // A key the file left out (a default) may be set; the reader then checks it as any other.
        Location origin = new Location(o.origin(), 1, 1);
        entries.add(new Node.Entry(Node.scalar(origin, childPath, Node.Scalar.STRING, step.key()),
            rebased(value, childPath)));
        return Node.map(at.location(), at.path(), entries);
      }
      case LIST -> {
        List<Node> items = new ArrayList<>(at.items());
        int index = indexOf(items, step);
        if (index < 0) {
          throw problem(o, depth + 1, "does not exist: " + (step.isPosition()
              ? at.path() + " has " + items.size() + " item" + (items.size() == 1 ? "" : "s") + " (counted from 0)"
              : at.path() + " has no item named '" + (step.key() != null ? step.key() : step.name()) + "'"));
        }
        String childPath = at.path() + "[" + index + "]";
        items.set(index, last ? rebased(value, childPath) : replace(items.get(index), o, depth + 1, value));
        return Node.list(at.location(), at.path(), items);
      }
      default -> throw problem(o, depth, "is a value, not a section: it has no '" + step + "'");
    }
  }

  private static int indexOf(List<Node> items, ValueOverride.Step step) {
    if (step.isPosition()) {
      return step.position() < items.size() ? step.position() : -1;
    }
    String name = step.key() != null ? step.key() : step.name();
    for (int i = 0; i < items.size(); i++) {
      Node n = items.get(i).member("name");
      if (n != null && n.kind() == Node.Kind.SCALAR && !n.isNull() && name.equals(n.textOrNull())) {
        return i;
      }
    }
    return -1;
  }

  /** The value's nodes keep the option as their location but take the path they now sit at. */
  private static Node rebased(Node n, String path) throws InputException {
    return switch (n.kind()) {
      case SCALAR -> Node.scalar(n.location(), path, n.scalarKind(), n.textOrNull());
      case LIST -> {
        List<Node> items = new ArrayList<>();
        for (Node item : n.items()) {
          items.add(rebased(item, path + "[" + items.size() + "]"));
        }
        yield Node.list(n.location(), path, items);
      }
      case MAP -> {
        List<Node.Entry> entries = new ArrayList<>();
        for (Node.Entry e : n.entries()) {
          String childPath = path.isEmpty() ? e.key().text() : path + "." + e.key().text();
          entries.add(new Node.Entry(rebased(e.key(), childPath), rebased(e.value(), childPath)));
        }
        yield Node.map(n.location(), path, entries);
      }
    };
  }

  private static InputException problem(ValueOverride o, int steps, String problem) {
    StringBuilder prefix = new StringBuilder();
    for (int i = 0; i < steps && i < o.steps().size(); i++) {
      ValueOverride.Step s = o.steps().get(i);
      if (prefix.length() > 0 && s.key() != null) {
        prefix.append('.');
      }
      prefix.append(s);
    }
    String shown = prefix.length() == 0 ? "the file" : prefix.toString();
    return new InputException(new Location(o.origin(), 1, 1), shown + " " + problem);
  }
}
