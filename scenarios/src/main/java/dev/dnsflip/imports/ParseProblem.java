package dev.dnsflip.imports;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What dnsjava's zone-file parser said, split into the line it counted (within the text it was
 * given) and the reason, so the importer can restate it against the user's file.
 */
record ParseProblem(int line, String reason) {
  // dnsjava's Tokenizer prefixes "<name>:<line>: " to every message; a stream has no name.
  private static final Pattern PREFIX = Pattern.compile("^<none>:(\\d+): (.*)$", Pattern.DOTALL);

  static ParseProblem of(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Matcher m = PREFIX.matcher(message);
    if (m.matches()) {
      return new ParseProblem(Integer.parseInt(m.group(1)), m.group(2));
    }
    return new ParseProblem(1, message);
  }
}
