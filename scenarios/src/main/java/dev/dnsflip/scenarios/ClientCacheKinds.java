package dev.dnsflip.scenarios;

import static dev.dnsflip.scenarios.ClientCacheKind.add;
import static dev.dnsflip.scenarios.ClientCacheKind.ms;

import dev.dnsflip.client.ClientCache;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import java.util.List;
import java.util.SplittableRandom;
import org.xbill.DNS.TTL;

/**
 * The registry entries of the client cache kinds (policies in {@link ClientCache}, sources cited
 * by the presets that use them). Keys left out of a kind's mapping come from the preset when its
 * cache is of the same kind; otherwise they have the defaults below, or are required.
 */
final class ClientCacheKinds {
  private ClientCacheKinds() {}

  /** In the order the explorer has always drawn them, so a case seed replays the same scenario. */
  static List<ClientCacheKind> all() {
    return List.of(new None(), new Ttl(), new Fixed(), new AtLeast(), new Grace());
  }

  /** A client cache entry; every kind but none shrinks to no cache. */
  private abstract static class Entry extends KindEntry<ClientCache> implements ClientCacheKind {
    Entry(String name, Class<? extends ClientCache> type, String example) {
      super(name, type, example, name.equals("none") ? List.of() : List.of(ClientCache.NONE));
    }
  }

  static final class None extends Entry {
    None() {
      super("none", ClientCache.None.class, "none");
    }

    @Override
    public ClientCache read(Node value, ClientCache base) {
      return ClientCache.NONE;
    }

    @Override
    public ClientCache generate(SplittableRandom random) {
      return ClientCache.NONE;
    }

    @Override
    public boolean keepsAtMostTtl() {
      return true;
    }

    @Override
    public long keptUntilMs(ClientCache cache, long lastHandOutMs, long copyExpiryMs) {
      return lastHandOutMs;
    }
  }

  /** {@code { ttl: { cap: 7200, negativeCap: 7200 } }}: without a cap the TTL is honoured as it is. */
  static final class Ttl extends Entry {
    Ttl() {
      super("ttl", ClientCache.TtlHonouring.class, "{ ttl: { cap: 7200, negativeCap: 7200 } }");
    }

    @Override
    public ClientCache read(Node value, ClientCache base) throws InputException {
      ClientCache.TtlHonouring preset = (ClientCache.TtlHonouring) base;
      Fields f = Fields.of(value, "cap", "negativeCap");
      long cap = DnsSeconds.optional(f, "cap", preset == null ? TTL.MAX_VALUE : preset.capS(), "ttl cap");
      // negativeCap defaults to cap.
      long negativeCap = DnsSeconds.optional(f, "negativeCap", preset == null ? cap : preset.negativeCapS(),
          "ttl negativeCap");
      return new ClientCache.TtlHonouring(cap, negativeCap);
    }

    @Override
    public String writeValue(ClientCache policy) {
      ClientCache.TtlHonouring t = (ClientCache.TtlHonouring) policy;
      return "{ cap: " + t.capS() + ", negativeCap: " + t.negativeCapS() + " }";
    }

    @Override
    public ClientCache generate(SplittableRandom random) {
      return new ClientCache.TtlHonouring(30 + random.nextInt(7_171), 10 + random.nextInt(891));
    }

    @Override
    public boolean keepsAtMostTtl() {
      return true;
    }

    @Override
    public long keptUntilMs(ClientCache cache, long lastHandOutMs, long copyExpiryMs) {
      ClientCache.TtlHonouring t = (ClientCache.TtlHonouring) cache;
      // min(TTL, cap), whichever family the terminal answer is: take the larger cap.
      return Math.min(copyExpiryMs, add(lastHandOutMs, ms(Math.max(t.capS(), t.negativeCapS()))));
    }
  }

  /** {@code { fixed: { positive: 30s, negative: 10s } }}: negative defaults to positive. */
  static final class Fixed extends Entry {
    Fixed() {
      super("fixed", ClientCache.Fixed.class, "{ fixed: { positive: 30s, negative: 10s } }");
    }

    @Override
    public ClientCache read(Node value, ClientCache base) throws InputException {
      ClientCache.Fixed preset = (ClientCache.Fixed) base;
      Fields f = Fields.of(value, "positive", "negative");
      long positive = preset != null && f.optional("positive") == null
          ? preset.positiveS() : seconds(f.required("positive"));
      Node negative = f.optional("negative");
      long negativeS = negative != null ? seconds(negative) : preset != null ? preset.negativeS() : positive;
      return new ClientCache.Fixed(positive, negativeS);
    }

    @Override
    public String writeValue(ClientCache policy) {
      ClientCache.Fixed f = (ClientCache.Fixed) policy;
      return "{ positive: " + f.positiveS() + "s, negative: " + f.negativeS() + "s }";
    }

    @Override
    public ClientCache generate(SplittableRandom random) {
      return new ClientCache.Fixed(1 + random.nextInt(120), 1 + random.nextInt(60));
    }

    @Override
    public boolean keepsAtMostTtl() {
      return false;
    }

    @Override
    public long keptUntilMs(ClientCache cache, long lastHandOutMs, long copyExpiryMs) {
      ClientCache.Fixed f = (ClientCache.Fixed) cache;
      // The lifetime follows the terminal answer, which may be negative when the replaced link is not.
      return add(lastHandOutMs, ms(Math.max(f.positiveS(), f.negativeS())));
    }
  }

  /** {@code { atLeast: 60s }}: max(TTL, floor). */
  static final class AtLeast extends Entry {
    AtLeast() {
      super("atLeast", ClientCache.AtLeast.class, "{ atLeast: 60s }");
    }

    @Override
    public ClientCache read(Node value, ClientCache base) throws InputException {
      return new ClientCache.AtLeast(seconds(value));
    }

    @Override
    public String writeValue(ClientCache policy) {
      return ((ClientCache.AtLeast) policy).floorS() + "s";
    }

    @Override
    public ClientCache generate(SplittableRandom random) {
      return new ClientCache.AtLeast(1 + random.nextInt(120));
    }

    @Override
    public boolean keepsAtMostTtl() {
      return false;
    }

    @Override
    public long keptUntilMs(ClientCache cache, long lastHandOutMs, long copyExpiryMs) {
      return Math.max(copyExpiryMs, add(lastHandOutMs, ms(((ClientCache.AtLeast) cache).floorS())));
    }
  }

  /** {@code { grace: { lifetime: 60s, grace: 60s } }}; lifetime {@code ttl} keeps the entry for its TTL. */
  static final class Grace extends Entry {
    Grace() {
      super("grace", ClientCache.Grace.class, "{ grace: { lifetime: 60s, grace: 60s } }");
    }

    @Override
    public ClientCache read(Node value, ClientCache base) throws InputException {
      ClientCache.Grace preset = (ClientCache.Grace) base;
      Fields f = Fields.of(value, "lifetime", "grace");
      long lifetime;
      if (preset != null && f.optional("lifetime") == null) {
        lifetime = preset.fixedS();
      } else {
        Node lifetimeNode = f.required("lifetime");
        if (lifetimeNode.text().strip().equals("ttl")) {
          lifetime = 0; // the model's way of saying "the TTL"
        } else {
          lifetime = seconds(lifetimeNode);
          if (lifetime == 0) {
            throw lifetimeNode.error("grace lifetime must be > 0s; write ttl to keep the entry for its TTL");
          }
        }
      }
      long graceS = preset != null && f.optional("grace") == null ? preset.graceS() : seconds(f.required("grace"));
      return new ClientCache.Grace(lifetime, graceS);
    }

    @Override
    public String writeValue(ClientCache policy) {
      ClientCache.Grace g = (ClientCache.Grace) policy;
      return "{ lifetime: " + (g.fixedS() == 0 ? "ttl" : g.fixedS() + "s") + ", grace: " + g.graceS() + "s }";
    }

    @Override
    public ClientCache generate(SplittableRandom random) {
      return new ClientCache.Grace(random.nextBoolean() ? 0 : 1 + random.nextInt(120), 1 + random.nextInt(120));
    }

    @Override
    public boolean keepsAtMostTtl() {
      return false;
    }

    @Override
    public long keptUntilMs(ClientCache cache, long lastHandOutMs, long copyExpiryMs) {
      ClientCache.Grace g = (ClientCache.Grace) cache;
      return add(g.fixedS() == 0 ? copyExpiryMs : add(lastHandOutMs, ms(g.fixedS())), ms(g.graceS()));
    }
  }

  /** A duration with a unit that is a whole number of seconds: client caches count in seconds. */
  private static long seconds(Node node) throws InputException {
    long ms = node.parse(Quantities::durationMs);
    if (ms % 1000 != 0) {
      throw node.error(node.text().strip() + " is not a whole number of seconds (client caches count in seconds)");
    }
    return ms / 1000;
  }
}
