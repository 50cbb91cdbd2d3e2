package dev.dnsflip.scenarios;

import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The kinds of one policy (e.g. every prefetch variant), read, written and drawn through their
 * {@link PolicyKind} entries. The family owns the shape shared by all of them: a bare word, or a
 * mapping with exactly one kind's key.
 *
 * @param <P> the policy type
 * @param <K> the entry type (a family may need more of its entries than {@link PolicyKind} says)
 */
public final class PolicyFamily<P, K extends PolicyKind<P>> {
  private final String key;
  private final List<K> kinds;

  /** @param key the scenario key the family is written under, e.g. {@code prefetch} */
  public PolicyFamily(String key, List<K> kinds) {
    this.key = key;
    this.kinds = List.copyOf(kinds);
    if (this.kinds.isEmpty()) {
      throw new IllegalArgumentException("a policy family needs at least one kind");
    }
  }

  public String key() {
    return key;
  }

  public List<K> kinds() {
    return kinds;
  }

  /** The entry {@code policy} is of; a policy no entry claims is a bug in the registry. */
  public K kindOf(P policy) {
    for (K k : kinds) {
      if (k.isKindOf(policy)) {
        return k;
      }
    }
    throw new IllegalStateException("no " + key + " kind is registered for " + policy);
  }

  /** Reads a bare word or a one-key mapping; {@code preset} fills in keys its own kind leaves out. */
  public P read(Node node, P preset) throws InputException {
    if (node.kind() == Node.Kind.SCALAR) {
      String text = node.text().strip();
      for (K k : kinds) {
        if (k.bareWord() && k.name().equals(text)) {
          return k.read(null, k.isKindOf(preset) ? preset : null);
        }
      }
      throw node.error("unknown " + key + " '" + text + "'; expected " + forms());
    }
    List<String> keyed = new ArrayList<>();
    for (K k : kinds) {
      if (!k.bareWord()) {
        keyed.add(k.name());
      }
    }
    Fields.of(node, keyed.toArray(String[]::new));
    if (node.entries().size() != 1) {
      throw node.error(node.path() + " needs exactly one of: " + String.join(", ", keyed));
    }
    Node.Entry entry = node.entries().get(0);
    String name = entry.key().text();
    K k = kinds.stream().filter(x -> !x.bareWord() && x.name().equals(name)).findFirst().orElseThrow();
    return k.read(entry.value(), k.isKindOf(preset) ? preset : null);
  }

  /** The policy as it is written in a scenario file. */
  public String write(P policy) {
    K k = kindOf(policy);
    return k.bareWord() ? k.name() : "{ " + k.name() + ": " + k.writeValue(policy) + " }";
  }

  /** A policy drawn by the entries' weights, then by the chosen entry. */
  public P generate(SplittableRandom random) {
    int total = kinds.stream().mapToInt(PolicyKind::generationWeight).sum();
    int draw = random.nextInt(total);
    for (K k : kinds) {
      draw -= k.generationWeight();
      if (draw < 0) {
        return k.generate(random);
      }
    }
    throw new IllegalStateException("unreachable: weights add up to " + total);
  }

  /** "a, b, c or d": every form, for messages. */
  public String forms() {
    List<String> forms = kinds.stream().map(PolicyKind::example).toList();
    return forms.size() == 1 ? forms.get(0)
        : String.join(", ", forms.subList(0, forms.size() - 1)) + " or " + forms.get(forms.size() - 1);
  }
}
