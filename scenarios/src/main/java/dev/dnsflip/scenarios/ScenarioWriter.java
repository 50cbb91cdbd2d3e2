package dev.dnsflip.scenarios;

import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.format.YamlLines;
import dev.dnsflip.format.YamlText;
import dev.dnsflip.observe.MetricRegistry;
import dev.dnsflip.observe.Unit;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.OriginServer;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.ReferenceMark;
import dev.dnsflip.simulation.Scenario;
import java.util.List;

/**
 * Writes a {@link Scenario} as a scenario file that {@link ScenarioLoader} reads back to an equal
 * scenario: the top-level keys, schedule, outages and expectations here, the account in
 * {@link AccountWriter}, the population in {@link PopulationWriter}. Durations are written exactly
 * (in ms where needed). An imported account is written out record by record.
 */
public final class ScenarioWriter {
  private ScenarioWriter() {}

  /** The scenario as YAML, after the given comment lines (each written as "# line"). */
  public static String write(Scenario s, List<String> comments) {
    YamlLines out = new YamlLines();
    comments.forEach(out::comment);
    out.line(0, "name: " + YamlText.scalar(s.name()));
    if (!s.description().isEmpty()) {
      out.line(0, "description: " + YamlText.scalar(s.description()));
    }
    out.line(0, "seed: " + s.seed());
    out.line(0, "replications: " + s.replications());
    out.line(0, "duration: " + YamlText.duration(s.durationMs()));
    out.line(0, "bucket: " + YamlText.duration(s.bucketMs()));
    out.line(0, "initialCache: " + initialCache(s.initialCache()));
    AccountWriter.write(out, s.account(), s.nameservers(), propagation(s.propagation()));
    PopulationWriter.resolvers(out, s.resolverGroups());
    PopulationWriter.clients(out, s.clientGroups());
    out.line(0, "initially: " + (s.schedule().initiallyEnabled() ? "enabled" : "disabled"));
    if (s.schedule().events().isEmpty()) {
      out.line(0, "switches: []");
    } else {
      out.line(0, "switches:");
      for (SwitchEvent e : s.schedule().events()) {
        out.line(1, "- { at: " + YamlText.duration(e.atMs()) + ", action: " + e.direction().key() + " }");
      }
    }
    if (!s.outages().isEmpty()) {
      out.line(0, "outages:");
      for (Outage o : s.outages()) {
        out.line(1, "- { from: " + YamlText.duration(o.fromMs()) + ", to: " + YamlText.duration(o.toMs())
            + (o.loss() < 1 ? ", loss: " + java.math.BigDecimal.valueOf(o.loss()).toPlainString() : "")
            + (o.nameservers().isEmpty() ? "" : ", nameservers: " + o.nameservers().stream().map(ns -> ns + 1).toList())
            + " }");
      }
    }
    if (!s.origins().isEmpty()) {
      out.line(0, "origins:");
      for (OriginServer o : s.origins()) {
        out.line(1, "- { address: " + YamlText.scalar(o.address())
            + (o.hasCapacity() ? ", requestsPerSecond: " + o.capacityPerSecond() : "")
            + (o.publiclyTrusted() ? "" : ", certificate: origin-ca") + " }");
      }
    }
    if (!s.references().isEmpty()) {
      out.line(0, "references:");
      for (ReferenceMark m : s.references()) {
        out.line(1, "- { switch: " + (m.index() + 1) + ", at: " + YamlText.duration(m.atMs()) + ", "
            + (m.curve() == ReferenceMark.Curve.STALE_SHARE ? "staleShare" : "clientsStale") + ": " + m.value()
            + ", label: " + YamlText.scalar(m.label()) + " }");
      }
    }
    if (!s.expectations().isEmpty()) {
      out.line(0, "expect:");
      for (Expectation e : s.expectations()) {
        out.line(1, expectation(e));
      }
    }
    return out.toString();
  }

  private static String expectation(Expectation e) {
    Unit unit = e.outage() > 0 ? Unit.RATIO : MetricRegistry.definition(e.metric()).unit();
    StringBuilder sb = new StringBuilder(e.outage() > 0 ? "- { outage: " + e.outage() + ", metric: " + e.metric()
        : "- { switch: " + e.selector() + ", metric: " + e.metric());
    if (e.resolverGroup() != null) {
      sb.append(", resolvers: ").append(YamlText.scalar(e.resolverGroup()));
    }
    if (e.clientGroup() != null) {
      sb.append(", clients: ").append(YamlText.scalar(e.clientGroup()));
    }
    if (e.atMost() != null) {
      sb.append(", atMost: ").append(bound(e.atMost(), unit));
    }
    if (e.atLeast() != null) {
      sb.append(", atLeast: ").append(bound(e.atLeast(), unit));
    }
    return sb.append(" }").toString();
  }

  private static String bound(double value, Unit unit) {
    if (unit == Unit.DURATION_MS) {
      return YamlText.duration(Math.round(value));
    }
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String propagation(Propagation p) {
    if (p instanceof Propagation.Fixed f) {
      return "{ fixed: " + YamlText.duration(f.delayMs()) + " }";
    }
    Propagation.Uniform u = (Propagation.Uniform) p;
    return "{ uniform: [" + YamlText.duration(u.minMs()) + ", " + YamlText.duration(u.maxMs()) + "] }";
  }

  private static String initialCache(InitialCache c) {
    return switch (c.mode()) {
      case STEADY -> "steady";
      case COLD -> "cold";
      case WARMUP -> "warmup " + YamlText.duration(c.warmupMs());
    };
  }
}
