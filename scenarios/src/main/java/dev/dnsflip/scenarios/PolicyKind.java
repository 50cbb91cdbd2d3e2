package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Everything the harness knows about one kind of a policy family (one prefetch variant, one client
 * cache kind), in one place: its name in scenario files, how to read and write it, how the
 * explorer draws and simplifies it. The loader, the writer and the explorer ask the
 * {@link Registry} for kinds instead of switching on names, so a new kind is one entry. The
 * interface is public so that kinds written outside the project have a shape to implement; the
 * registry's own families are fixed lists for now.
 *
 * <p>A kind is written either as a bare word ({@code unbound}) or as a one-key mapping whose key
 * is its name ({@code { bind: { trigger: 2 } }}).
 *
 * @param <P> the policy type of the family (e.g. {@code Prefetch}, {@code ClientCache})
 */
public interface PolicyKind<P> {
  /** The word or key in scenario files, e.g. {@code bind}. */
  String name();

  /** Whether {@code policy} is of this kind. */
  boolean isKindOf(P policy);

  /** Written as a bare word (true) or as {@code { name: value }} (false). */
  boolean bareWord();

  /**
   * The policy read from the value under its key (null for a bare word). {@code base}: the
   * preset's policy when it is of this kind, whose settings fill in keys left out; else null.
   */
  P read(Node value, P base) throws InputException;

  /** The value written under the key as a YAML flow value; unused for a bare word. */
  String writeValue(P policy);

  /** How the kind is written, for messages listing the forms, e.g. {@code { pdns: 10 }}. */
  String example();

  /** A policy of this kind as the explorer draws it, from its own random stream. */
  P generate(SplittableRandom random);

  /** How often the explorer draws this kind relative to its siblings. */
  default int generationWeight() {
    return 1;
  }

  /** Simpler policies of the family the shrinker tries instead of {@code policy}, simplest first. */
  default List<P> shrink(P policy) {
    return List.of();
  }
}
