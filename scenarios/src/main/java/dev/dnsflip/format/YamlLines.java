package dev.dnsflip.format;

/** A YAML document built line by line, two spaces an indent level. */
public final class YamlLines {
  private final StringBuilder out = new StringBuilder();

  public YamlLines line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
    return this;
  }

  /** Each line of {@code text} as a comment ("#" alone for an empty line). */
  public YamlLines comment(String text) {
    for (String line : text.split("\n", -1)) {
      out.append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
