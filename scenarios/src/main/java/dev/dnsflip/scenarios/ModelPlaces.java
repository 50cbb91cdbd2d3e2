package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Problem;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each part of a model was read: model paths ({@code zones[0].records[3].record.ttl}) to the
 * nodes they came from, so a {@link Problem} the model finds is reported at the line and column of
 * the value that broke the rule, with the model's message unchanged.
 */
final class ModelPlaces {
  private final Map<String, Node> nodes = new HashMap<>();

  /** Records that {@code path} was read from {@code node}; a null node (a default) records nothing. */
  void put(String path, Node node) {
    if (node != null) {
      nodes.put(path, node);
    }
  }

  /** The node of {@code path}, or of the nearest part containing it, or {@code fallback}. */
  Node nodeOf(String path, Node fallback) {
    for (String p = path; p != null; p = parent(p)) {
      Node node = nodes.get(p);
      if (node != null) {
        return node;
      }
    }
    return fallback;
  }

  InputException error(Problem problem, Node fallback) {
    return nodeOf(problem.path(), fallback).error(problem.message());
  }

  /** "a.b[0].c" -> "a.b[0]" -> "a.b" -> "a" -> "" -> null. */
  private static String parent(String path) {
    if (path.isEmpty()) {
      return null;
    }
    int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    return cut < 0 ? "" : path.substring(0, cut);
  }
}
