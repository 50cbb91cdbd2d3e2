package dev.dnsflip.scenarios;

import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.format.YamlLines;
import dev.dnsflip.format.YamlText;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * Writes the {@code resolvers:} and {@code clients:} sections as {@link PopulationMapping},
 * {@link ResolverMapping} and {@link ClientBehaviourMapping} read them. A group's behaviour is
 * written relative to its {@link dev.dnsflip.presets.Origin}: {@code preset:} when the origin
 * names one, then only the keys that differ from that preset (the default one, ttl-honouring or
 * plain, when it names none), so the loader gives the group the same origin back.
 */
public final class PopulationWriter {
  private PopulationWriter() {}

  public static void resolvers(YamlLines out, List<ResolverGroup> groups) {
    out.line(0, "resolvers:");
    for (ResolverGroup g : groups) {
      ResolverPreset base = Presets.resolver(g.origin().preset()).orElseThrow();
      out.line(1, "- name: " + YamlText.scalar(g.name()));
      out.line(2, "count: " + g.count());
      if (g.logic() != null) {
        out.line(2, Registry.LOGIC.key() + ": " + YamlText.scalar(Registry.LOGIC.write(g.logic())));
      }
      if (g.origin().named()) {
        out.line(2, "preset: " + base.name());
      }
      if (g.isForwarder()) {
        out.line(2, "forwardTo: " + YamlText.scalar(g.forwardTo()));
      }
      if (g.restarts().everyMs() > 0) {
        out.line(2, "restarts: { every: " + YamlText.duration(g.restarts().everyMs()) + " }");
      } else if (!g.restarts().isNone()) {
        List<String> at = new ArrayList<>();
        for (long ms : g.restarts().atMs()) {
          at.add("{ at: " + YamlText.duration(ms) + " }");
        }
        out.line(2, "restarts: [ " + String.join(", ", at) + " ]");
      }
      if (g.backends() != base.backends()) {
        out.line(2, "backends: " + g.backends());
      }
      if (g.choice() != base.choice()) {
        out.line(2, "choice: " + g.choice().key());
      }
      ResolverBehaviour b = g.behaviour();
      ResolverBehaviour from = base.behaviour();
      String clamps = clamps(b.clamps(), from.clamps());
      if (!clamps.isEmpty()) {
        out.line(2, "clamps: { " + clamps + " }");
      }
      if (!b.serveStale().equals(from.serveStale())) {
        out.line(2, "serveStale: " + serveStale(b.serveStale()));
      }
      if (!b.prefetch().equals(from.prefetch())) {
        out.line(2, "prefetch: " + Registry.PREFETCH.write(b.prefetch()));
      }
      if (b.passOriginalTtl() != from.passOriginalTtl()) {
        out.line(2, "passOriginalTtl: " + b.passOriginalTtl());
      }
      if (b.capacity() != from.capacity()) {
        out.line(2, "capacity: " + b.capacity());
      }
      if (b.clock() != from.clock()) {
        out.line(2, "clock: " + b.clock().key());
      }
    }
  }

  private static String clamps(TtlClamps c, TtlClamps base) {
    List<String> keys = new ArrayList<>();
    if (c.minPositiveS() != base.minPositiveS()) {
      keys.add("minTtl: " + c.minPositiveS());
    }
    if (c.maxPositiveS() != base.maxPositiveS()) {
      keys.add("maxTtl: " + c.maxPositiveS());
    }
    if (c.minNegativeS() != base.minNegativeS()) {
      keys.add("minNegativeTtl: " + c.minNegativeS());
    }
    if (c.maxNegativeS() != base.maxNegativeS()) {
      keys.add("maxNegativeTtl: " + c.maxNegativeS());
    }
    return String.join(", ", keys);
  }

  private static String serveStale(ServeStale s) {
    if (!s.enabled()) {
      return "off";
    }
    String timeout = s.clientTimeoutMs() == ServeStale.CLIENT_TIMEOUT_OFF ? "off"
        : YamlText.duration(s.clientTimeoutMs());
    return "{ replyTtl: " + s.replyTtlS() + ", maxStale: " + s.maxStaleS() + "s, clientTimeout: " + timeout
        + ", refreshRetry: " + YamlText.duration(s.refreshRetryMs()) + ", resetOnFailure: " + s.resetOnFailure()
        + ", replyTtlCappedByOriginal: " + s.replyTtlCappedByOriginal() + " }";
  }

  public static void clients(YamlLines out, List<ClientGroup> groups) {
    out.line(0, "clients:");
    for (ClientGroup c : groups) {
      ClientPreset preset = Presets.client(c.origin().preset()).orElseThrow();
      ClientBehaviour base = preset.behaviour();
      out.line(1, "- name: " + YamlText.scalar(c.name()));
      out.line(2, "count: " + c.count());
      out.line(2, c.isScheduled() ? "every: " + YamlText.duration(c.everyMs()) : "queriesPerSecond: " + c.queriesPerSecond());
      if (!c.resolverShares().isEmpty()) {
        List<String> shares = new ArrayList<>();
        for (Map.Entry<String, Double> e : c.resolverShares().entrySet()) {
          shares.add(YamlText.scalar(e.getKey()) + ": " + e.getValue());
        }
        out.line(2, "resolvers: { " + String.join(", ", shares) + " }");
      }
      if (c.origin().named()) {
        out.line(2, "preset: " + preset.name());
      }
      ClientBehaviour b = c.behaviour();
      if (!b.cache().equals(base.cache())) {
        out.line(2, "cache: " + Registry.CLIENT_CACHE.write(b.cache()));
      }
      if (b.connectionMeanMs() != base.connectionMeanMs()) {
        out.line(2, "connections: " + YamlText.duration(b.connectionMeanMs()));
      }
      if (b.dualStack() != base.dualStack()) {
        out.line(2, "dualStack: " + b.dualStack());
      }
      out.line(2, "questions:");
      for (WeightedQuestion q : c.questions()) {
        out.line(3, "- { name: " + YamlText.scalar(q.question().name().toString(true)) + ", type: "
            + Type.string(q.question().type()) + ", weight: " + q.weight() + " }");
      }
    }
  }
}
