package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.format.NodeReader;
import dev.dnsflip.simulation.Scenario;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
    String name = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new InputException(name, 1, 1, "no such file");
    } catch (CharacterCodingException e) {
      throw new InputException(name, 1, 1, "the file is not valid UTF-8");
    } catch (IOException e) {
      // Unreadable input is still the user's to fix (a directory, permissions): exit 2, no trace.
      throw new InputException(name, 1, 1, "cannot read the file: " + e.getMessage());
    }
    return ScenarioMapping.map(tree(text, name), directoryOf(file));
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
