package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.format.NodeEdit;
import dev.dnsflip.format.NodeReader;
import dev.dnsflip.format.ValueOverride;
import dev.dnsflip.format.TextFile;
import dev.dnsflip.simulation.Scenario;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a scenario file (YAML, format in {@code suites/default.yaml}) into the immutable
 * {@link Scenario}. Every mistake a user can make comes back as a {@link InputException}
 * naming file, line and column; nothing is printed.
 */
public final class ScenarioLoader {
  private ScenarioLoader() {}

  public static Scenario load(Path file) throws InputException {
    return read(file).scenario();
  }

  /** The scenario with what its report needs besides (an imported account's summary). */
  public static LoadedScenario read(Path file) throws InputException {
    return read(file, List.of());
  }

  /**
   * The scenario with values replaced from the command line ({@code --set}, a sweep's cell): the
   * overrides edit the file's tree before it is read, so each goes through every check.
   */
  public static LoadedScenario read(Path file, List<ValueOverride> overrides) throws InputException {
    String name = file.toString();
    Node root = NodeEdit.apply(tree(TextFile.read(file, name, 1), name), overrides);
    return ScenarioMapping.map(root, directoryOf(file));
  }

  /** A scenario given as text; {@code fileName} names it in messages and locates its imports. */
  public static Scenario parse(String yaml, String fileName) throws InputException {
    return ScenarioMapping.map(tree(yaml, fileName), directoryOf(Path.of(fileName))).scenario();
  }

  /** The located tree of a scenario's YAML text. */
  static Node tree(String yaml, String fileName) throws InputException {
    return NodeReader.yaml(yaml, fileName,
        "the file is empty; expected a scenario (name, duration, account, resolvers, clients, ...)");
  }

  private static Path directoryOf(Path file) {
    Path parent = file.getParent();
    return parent == null ? Path.of("") : parent;
  }
}
