package dev.dnsflip.scenarios;

import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.resolver.Prefetch;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The registry entries of the prefetch variants (policies in {@link Prefetch}, sources cited by
 * the presets that use them). Prefetch only ever refreshes an entry earlier, so no law of the
 * explorer depends on the variant; each shrinks to no prefetch.
 */
final class PrefetchKinds {
  private static final List<Prefetch> OFF = List.of(Prefetch.NONE);

  private PrefetchKinds() {}

  /** In the order the explorer has always drawn them, so a case seed replays the same scenario. */
  static List<PolicyKind<Prefetch>> all() {
    return List.of(
        // Unbound: a hit in the last 10 % of the original TTL; Knot: less than 5 s + 1 % left.
        KindEntry.word("unbound", new Prefetch.Unbound(), OFF, 1),
        KindEntry.word("knot", new Prefetch.Knot(), OFF, 1),
        new Bind(),
        new Pdns(),
        // The explorer draws "no prefetch" as often as two variants together.
        KindEntry.word("off", Prefetch.NONE, List.of(), 2));
  }

  /** {@code { bind: { trigger: 2, eligible: 9 } }}; BIND's own default is "prefetch 2 9". */
  static final class Bind extends KindEntry<Prefetch> {
    Bind() {
      super("bind", Prefetch.Bind.class, "{ bind: { trigger: 2, eligible: 9 } }", OFF);
    }

    @Override
    public Prefetch read(Node value, Prefetch base) throws InputException {
      Fields f = Fields.of(value, "trigger", "eligible");
      return new Prefetch.Bind(DnsSeconds.optional(f, "trigger", 2, "bind trigger"),
          DnsSeconds.optional(f, "eligible", 9, "bind eligible"));
    }

    @Override
    public String writeValue(Prefetch policy) {
      Prefetch.Bind b = (Prefetch.Bind) policy;
      return "{ trigger: " + b.triggerS() + ", eligible: " + b.eligibleS() + " }";
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return new Prefetch.Bind(1 + random.nextInt(10), random.nextInt(30));
    }
  }

  /** {@code { pdns: 10 }}: PowerDNS Recursor's refresh-on-ttl-perc. */
  static final class Pdns extends KindEntry<Prefetch> {
    Pdns() {
      super("pdns", Prefetch.Pdns.class, "{ pdns: 10 }", OFF);
    }

    @Override
    public Prefetch read(Node value, Prefetch base) throws InputException {
      long percent = value.parse(Quantities::integer);
      if (percent < 1 || percent > 100) {
        throw value.error("pdns prefetch is refresh-on-ttl-perc, a whole percentage of the TTL from 1 to 100, got "
            + value.text().strip());
      }
      return new Prefetch.Pdns((int) percent);
    }

    @Override
    public String writeValue(Prefetch policy) {
      return Integer.toString(((Prefetch.Pdns) policy).percent());
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return new Prefetch.Pdns(1 + random.nextInt(50));
    }
  }
}
