package dev.dnsflip.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A command line given as one string, split into words as a POSIX shell would for plain cases:
 * whitespace separates, single quotes keep everything literally, double quotes keep whitespace,
 * a backslash outside single quotes keeps the next character. No variables, globs or
 * substitutions: the words are run as given.
 */
final class CommandWords {
  private CommandWords() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\\' && i + 1 < line.length()) {
        word.append(line.charAt(++i));
        inWord = true;
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        word.append(c);
        inWord = true;
      }
    }
    if (quote != 0) {
      throw new UserError("--command: a " + (quote == '\'' ? "single" : "double") + " quote is not closed");
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }
}
