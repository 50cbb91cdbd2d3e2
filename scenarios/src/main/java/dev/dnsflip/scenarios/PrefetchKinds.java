package dev.dnsflip.scenarios;

import dev.dnsflip.format.InputException;
import dev.dnsflip.resolver.Prefetch;
import java.util.List;
import java.util.SplittableRandom;
import org.xbill.DNS.TTL;

/**
 * The registry entries of the prefetch variants (policies in {@link Prefetch}, sources cited by
 * the presets that use them). Prefetch only ever refreshes an entry earlier, so no law of the
 * explorer depends on the variant.
 */
final class PrefetchKinds {
  private PrefetchKinds() {}

  /** In the order the explorer has always drawn them, so a case seed replays the same scenario. */
  static List<PolicyKind<Prefetch>> all() {
    return List.of(new Unbound(), new Knot(), new Bind(), new Pdns(), new Off());
  }

  /** Kinds written as a bare word with no settings. */
  private abstract static class Word implements PolicyKind<Prefetch> {
    @Override
    public boolean bareWord() {
      return true;
    }

    @Override
    public String writeValue(Prefetch policy) {
      return name();
    }

    @Override
    public String example() {
      return name();
    }

    @Override
    public List<Prefetch> shrink(Prefetch policy) {
      return List.of(Prefetch.NONE);
    }
  }

  static final class Off extends Word {
    @Override
    public String name() {
      return "off";
    }

    @Override
    public boolean isKindOf(Prefetch p) {
      return p instanceof Prefetch.None;
    }

    @Override
    public Prefetch read(Node value, Prefetch base) {
      return Prefetch.NONE;
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return Prefetch.NONE;
    }

    // The explorer draws "no prefetch" as often as two variants together.
    @Override
    public int generationWeight() {
      return 2;
    }

    @Override
    public List<Prefetch> shrink(Prefetch policy) {
      return List.of();
    }
  }

  static final class Unbound extends Word {
    @Override
    public String name() {
      return "unbound";
    }

    @Override
    public boolean isKindOf(Prefetch p) {
      return p instanceof Prefetch.Unbound;
    }

    @Override
    public Prefetch read(Node value, Prefetch base) {
      return new Prefetch.Unbound();
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return new Prefetch.Unbound();
    }
  }

  static final class Knot extends Word {
    @Override
    public String name() {
      return "knot";
    }

    @Override
    public boolean isKindOf(Prefetch p) {
      return p instanceof Prefetch.Knot;
    }

    @Override
    public Prefetch read(Node value, Prefetch base) {
      return new Prefetch.Knot();
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return new Prefetch.Knot();
    }
  }

  /** {@code { bind: { trigger: 2, eligible: 9 } }}; BIND's own default is "prefetch 2 9". */
  static final class Bind implements PolicyKind<Prefetch> {
    private static final Prefetch.Bind DEFAULT = new Prefetch.Bind(2, 9);

    @Override
    public String name() {
      return "bind";
    }

    @Override
    public boolean isKindOf(Prefetch p) {
      return p instanceof Prefetch.Bind;
    }

    @Override
    public boolean bareWord() {
      return false;
    }

    @Override
    public Prefetch read(Node value, Prefetch base) throws InputException {
      Fields f = Fields.of(value, "trigger", "eligible");
      return new Prefetch.Bind(seconds(f, "trigger", DEFAULT.triggerS()), seconds(f, "eligible", DEFAULT.eligibleS()));
    }

    private static long seconds(Fields f, String key, long fallback) throws InputException {
      Node value = f.optional(key);
      if (value == null) {
        return fallback;
      }
      long seconds = value.parse(Quantities::seconds);
      if (seconds < 0 || seconds > TTL.MAX_VALUE) {
        throw value.error("bind " + key + " must be >= 0 and <= " + TTL.MAX_VALUE + " seconds, got " + seconds);
      }
      return seconds;
    }

    @Override
    public String writeValue(Prefetch policy) {
      Prefetch.Bind b = (Prefetch.Bind) policy;
      return "{ trigger: " + b.triggerS() + ", eligible: " + b.eligibleS() + " }";
    }

    @Override
    public String example() {
      return "{ bind: " + writeValue(DEFAULT) + " }";
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return new Prefetch.Bind(1 + random.nextInt(10), random.nextInt(30));
    }

    @Override
    public List<Prefetch> shrink(Prefetch policy) {
      return List.of(Prefetch.NONE);
    }
  }

  /** {@code { pdns: 10 }}: PowerDNS Recursor's refresh-on-ttl-perc. */
  static final class Pdns implements PolicyKind<Prefetch> {
    @Override
    public String name() {
      return "pdns";
    }

    @Override
    public boolean isKindOf(Prefetch p) {
      return p instanceof Prefetch.Pdns;
    }

    @Override
    public boolean bareWord() {
      return false;
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
    public String example() {
      return "{ pdns: 10 }";
    }

    @Override
    public Prefetch generate(SplittableRandom random) {
      return new Prefetch.Pdns(1 + random.nextInt(50));
    }

    @Override
    public List<Prefetch> shrink(Prefetch policy) {
      return List.of(Prefetch.NONE);
    }
  }
}
