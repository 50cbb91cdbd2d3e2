package dev.dnsflip.scenarios;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.format.Fields;
import dev.dnsflip.format.InputException;
import dev.dnsflip.format.Node;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Origin;
import dev.dnsflip.presets.Presets;
import java.util.stream.Collectors;

/**
 * What a client group does with answers: a client preset (default plain) and the keys that
 * override it ({@code cache}, {@code connections}, {@code dualStack}). The group's other keys are
 * read by {@link PopulationMapping}.
 */
final class ClientBehaviourMapping {
  private static final String DEFAULT_PRESET = "plain";

  /** The behaviour and where it came from. */
  record Choice(ClientBehaviour behaviour, Origin origin) {}

  private ClientBehaviourMapping() {}

  static Choice map(Fields f) throws InputException {
    Node presetNode = f.optional("preset");
    ClientPreset preset = presetNode == null
        ? Presets.client(DEFAULT_PRESET).orElseThrow() : presetNode.parse(ClientBehaviourMapping::preset);
    ClientBehaviour base = preset.behaviour();
    ClientCache cache = f.optional("cache") == null
        ? base.cache() : Registry.CLIENT_CACHE.read(f.optional("cache"), base.cache());
    long connectionMeanMs = f.optional("connections", Quantities::durationMs, base.connectionMeanMs());
    boolean dualStack = f.optional("dualStack", Quantities::bool, base.dualStack());
    ClientBehaviour behaviour = f.node().build(() -> new ClientBehaviour(cache, connectionMeanMs, dualStack));
    return new Choice(behaviour, new Origin(preset.name(), presetNode != null, !behaviour.equals(base)));
  }

  private static ClientPreset preset(String text) {
    return Presets.client(text.strip()).orElseThrow(() -> new IllegalArgumentException("unknown client preset '"
        + text.strip() + "'; expected one of: "
        + Presets.CLIENTS.stream().map(ClientPreset::name).collect(Collectors.joining(", "))));
  }
}
