package dev.dnsflip.scenarios;

import dev.dnsflip.format.Node;
import java.util.List;

/**
 * What every built-in kind says the same way: its name, the policy class it stands for, and how it
 * is written in messages; a bare word when the example is the name itself. Entries extend it and
 * say only what is their own (reading, writing, drawing, laws).
 *
 * @param <P> the policy type of the family
 */
abstract class KindEntry<P> implements PolicyKind<P> {
  private final String name;
  private final Class<? extends P> type;
  private final String example;
  private final List<P> simpler;

  /**
   * @param example the form messages list ({@code name} itself for a bare word)
   * @param simpler what the shrinker tries instead, simplest first
   */
  KindEntry(String name, Class<? extends P> type, String example, List<P> simpler) {
    this.name = name;
    this.type = type;
    this.example = example;
    this.simpler = List.copyOf(simpler);
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final boolean isKindOf(P policy) {
    return type.isInstance(policy);
  }

  @Override
  public final boolean bareWord() {
    return example.equals(name);
  }

  @Override
  public final String example() {
    return example;
  }

  @Override
  public String writeValue(P policy) {
    return name;
  }

  @Override
  public final List<P> shrink(P policy) {
    return simpler;
  }

  /**
   * A kind written as a bare word with no settings, standing for one policy value.
   *
   * @param weight how often the explorer draws it relative to its siblings
   */
  static <P> PolicyKind<P> word(String name, P policy, List<P> simpler, int weight) {
    @SuppressWarnings("unchecked")
    Class<? extends P> type = (Class<? extends P>) policy.getClass();
    return new KindEntry<P>(name, type, name, simpler) {
      @Override
      public P read(Node value, P base) {
        return policy;
      }

      @Override
      public P generate(java.util.SplittableRandom random) {
        return policy;
      }

      @Override
      public int generationWeight() {
        return weight;
      }
    };
  }
}
