package dev.dnsflip.scenarios;

import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import java.util.stream.Collectors;
import org.xbill.DNS.TTL;

/**
 * What a client group does with answers: a client preset (default plain) and the keys that
 * override it ({@code cache}, {@code connections}, {@code dualStack}). The group's other keys are
 * read by {@link PopulationMapping}.
 */
final class ClientBehaviourMapping {
  private static final String DEFAULT_PRESET = "plain";
  private static final String CACHE_FORMS = "none, { ttl: { cap: 7200, negativeCap: 7200 } }, "
      + "{ fixed: { positive: 30s, negative: 10s } }, { atLeast: 60s } or { grace: { lifetime: 60s, grace: 60s } }";

  /** The behaviour and the name reports give it. */
  record Choice(ClientBehaviour behaviour, String kind) {}

  private ClientBehaviourMapping() {}

  static Choice map(Fields f) throws InputException {
    Node presetNode = f.optional("preset");
    ClientPreset preset = presetNode == null
        ? Presets.client(DEFAULT_PRESET).orElseThrow() : presetNode.parse(ClientBehaviourMapping::preset);
    ClientBehaviour base = preset.behaviour();
    ClientCache cache = f.optional("cache") == null ? base.cache() : cache(f.optional("cache"), base.cache());
    long connectionMeanMs = f.optional("connections", Quantities::durationMs, base.connectionMeanMs());
    boolean dualStack = f.optional("dualStack", Quantities::bool, base.dualStack());
    ClientBehaviour behaviour = f.node().build(() -> new ClientBehaviour(cache, connectionMeanMs, dualStack));
    return new Choice(behaviour, PopulationMapping.kind(preset.name(), presetNode != null, behaviour.equals(base)));
  }

  private static ClientPreset preset(String text) {
    return Presets.client(text.strip()).orElseThrow(() -> new IllegalArgumentException("unknown client preset '"
        + text.strip() + "'; expected one of: "
        + Presets.CLIENTS.stream().map(ClientPreset::name).collect(Collectors.joining(", "))));
  }

  /**
   * One cache kind. Keys left out of a kind's mapping come from the preset when its cache is of
   * the same kind; otherwise they have the defaults below, or are required.
   */
  private static ClientCache cache(Node node, ClientCache preset) throws InputException {
    if (node.kind() == Node.Kind.SCALAR) {
      String text = node.text().strip();
      if (text.equals("none")) {
        return ClientCache.NONE;
      }
      throw node.error("unknown cache '" + text + "'; expected " + CACHE_FORMS);
    }
    Fields f = Fields.of(node, "ttl", "fixed", "atLeast", "grace");
    if (node.entries().size() != 1) {
      throw node.error(node.path() + " needs exactly one of: ttl, fixed, atLeast, grace");
    }
    Node.Entry kind = node.entries().get(0);
    Node value = kind.value();
    return switch (kind.key().text()) {
      case "ttl" -> ttl(value, preset instanceof ClientCache.TtlHonouring t ? t : null);
      case "fixed" -> fixed(value, preset instanceof ClientCache.Fixed x ? x : null);
      case "atLeast" -> new ClientCache.AtLeast(seconds(f.required("atLeast")));
      default -> grace(value, preset instanceof ClientCache.Grace g ? g : null);
    };
  }

  /** Without a cap the TTL is honoured as it is; negativeCap defaults to cap. */
  private static ClientCache ttl(Node node, ClientCache.TtlHonouring preset) throws InputException {
    Fields f = Fields.of(node, "cap", "negativeCap");
    long cap = capSeconds(f, "cap", preset == null ? TTL.MAX_VALUE : preset.capS());
    long negativeCap = capSeconds(f, "negativeCap", preset == null ? cap : preset.negativeCapS());
    return new ClientCache.TtlHonouring(cap, negativeCap);
  }

  private static long capSeconds(Fields f, String key, long fallback) throws InputException {
    Node value = f.optional(key);
    if (value == null) {
      return fallback;
    }
    long seconds = value.parse(Quantities::seconds);
    if (seconds < 0 || seconds > TTL.MAX_VALUE) {
      throw value.error("ttl " + key + " must be >= 0 and <= " + TTL.MAX_VALUE + " seconds, got " + seconds);
    }
    return seconds;
  }

  /** negative defaults to positive. */
  private static ClientCache fixed(Node node, ClientCache.Fixed preset) throws InputException {
    Fields f = Fields.of(node, "positive", "negative");
    long positive = preset != null && f.optional("positive") == null ? preset.positiveS() : seconds(f.required("positive"));
    Node negative = f.optional("negative");
    long negativeS = negative != null ? seconds(negative) : preset != null ? preset.negativeS() : positive;
    return new ClientCache.Fixed(positive, negativeS);
  }

  /** lifetime: a duration, or the word ttl to keep the entry for its TTL. */
  private static ClientCache grace(Node node, ClientCache.Grace preset) throws InputException {
    Fields f = Fields.of(node, "lifetime", "grace");
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

  /** A duration with a unit that is a whole number of seconds: client caches count in seconds. */
  private static long seconds(Node node) throws InputException {
    long ms = node.parse(Quantities::durationMs);
    if (ms % 1000 != 0) {
      throw node.error(node.text().strip() + " is not a whole number of seconds (client caches count in seconds)");
    }
    return ms / 1000;
  }
}
