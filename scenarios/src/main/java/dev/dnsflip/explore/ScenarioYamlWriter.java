package dev.dnsflip.explore;

import dev.dnsflip.authority.Account;
import dev.dnsflip.authority.Category;
import dev.dnsflip.authority.DnsRecord;
import dev.dnsflip.authority.Propagation;
import dev.dnsflip.authority.Soa;
import dev.dnsflip.authority.SwitchEvent;
import dev.dnsflip.authority.Zone;
import dev.dnsflip.client.ClientBehaviour;
import dev.dnsflip.client.ClientCache;
import dev.dnsflip.client.ClientGroup;
import dev.dnsflip.client.WeightedQuestion;
import dev.dnsflip.observe.TransitionStats;
import dev.dnsflip.observe.Unit;
import dev.dnsflip.presets.ClientPreset;
import dev.dnsflip.presets.Presets;
import dev.dnsflip.presets.ResolverPreset;
import dev.dnsflip.resolver.InitialCache;
import dev.dnsflip.resolver.Prefetch;
import dev.dnsflip.resolver.ResolverBehaviour;
import dev.dnsflip.resolver.ResolverGroup;
import dev.dnsflip.resolver.ServeStale;
import dev.dnsflip.resolver.TtlClamps;
import dev.dnsflip.simulation.Expectation;
import dev.dnsflip.simulation.Outage;
import dev.dnsflip.simulation.Scenario;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Writes a {@link Scenario} as a scenario file that {@code dnsflip run} (ScenarioLoader) reads
 * back to an equal scenario, in the format of suites/default.yaml and resolver-mix.yaml.
 * Durations are written exactly (in ms where needed). A group's behaviour is written as its kind
 * says: {@code preset:} for a kind that names a preset, then only the keys that differ from that
 * preset (or from ttl-honouring and plain without one), so the loader gives the group the same
 * kind back. Limits: hand-made kinds that are neither a preset, "preset+custom" nor "custom" are
 * not kept, and imported accounts are written out record by record.
 */
public final class ScenarioYamlWriter {
  private static final String DEFAULT_RESOLVER = "ttl-honouring";
  private static final String DEFAULT_CLIENT = "plain";
  private static final String PLUS_CUSTOM = "+custom";

  private final StringBuilder out = new StringBuilder();

  private ScenarioYamlWriter() {}

  /** The scenario as YAML, after the given comment lines (each written as "# line"). */
  public static String write(Scenario s, List<String> comments) {
    ScenarioYamlWriter w = new ScenarioYamlWriter();
    for (String c : comments) {
      for (String line : c.split("\n", -1)) {
        w.line(0, line.isEmpty() ? "#" : "# " + line);
      }
    }
    w.scenario(s);
    return w.out.toString();
  }

  /** The file name of a failure's minimal scenario: property and case seed. */
  public static String fileName(Explorer.Failure f) {
    return f.property().name() + "-" + f.caseSeed() + ".yaml";
  }

  /**
   * A failure's minimal scenario, with the violated bound as an {@code expect:} entry (so that
   * {@code dnsflip run} exits 1 on it) and comments saying what failed and how to replay it.
   */
  public static String failure(Explorer.Failure f, long masterSeed) {
    Violation v = f.violation();
    Scenario m = f.minimal();
    List<Expectation> expect = new ArrayList<>(m.expectations());
    v.asExpectation().ifPresent(expect::add);
    Scenario withBound = m.toBuilder().expectations(expect).build();
    List<String> comments = new ArrayList<>();
    comments.add("dnsflip explore: the minimal failing scenario of property " + f.property().name());
    comments.add("property:   " + f.property().description());
    comments.add("applies to: " + f.property().applicability());
    comments.add("violation:  " + v.describe());
    comments.add("case seed " + f.caseSeed() + " (try " + (f.attempt() + 1) + " of master seed " + masterSeed
        + "), shrunk in " + f.shrunk().steps().size() + " steps from: " + f.originalViolation().describe());
    comments.add("replay:     dnsflip explore --property " + f.property().name() + " --seed " + f.caseSeed()
        + " --tries 1");
    comments.add(v.asExpectation().isPresent()
        ? "The expect: entry at the end states the bound: `dnsflip run` on this file exits 1 while it is violated."
        : "Check the violation as the property says (e.g. compare report.json of --threads 1 and --threads 3).");
    comments.add("");
    return write(withBound, comments);
  }

  private void scenario(Scenario s) {
    line(0, "name: " + quote(s.name()));
    if (!s.description().isEmpty()) {
      line(0, "description: " + quote(s.description()));
    }
    line(0, "seed: " + s.seed());
    line(0, "replications: " + s.replications());
    line(0, "duration: " + duration(s.durationMs()));
    line(0, "bucket: " + duration(s.bucketMs()));
    line(0, "initialCache: " + initialCache(s.initialCache()));
    account(s);
    resolvers(s.resolverGroups());
    clients(s.clientGroups());
    line(0, "initially: " + (s.schedule().initiallyEnabled() ? "enabled" : "disabled"));
    if (s.schedule().events().isEmpty()) {
      line(0, "switches: []");
    } else {
      line(0, "switches:");
      for (SwitchEvent e : s.schedule().events()) {
        line(1, "- { at: " + duration(e.atMs()) + ", action: " + e.direction().key() + " }");
      }
    }
    if (!s.outages().isEmpty()) {
      line(0, "outages:");
      for (Outage o : s.outages()) {
        line(1, "- { from: " + duration(o.fromMs()) + ", to: " + duration(o.toMs()) + " }");
      }
    }
    if (!s.expectations().isEmpty()) {
      line(0, "expect:");
      for (Expectation e : s.expectations()) {
        expectation(e);
      }
    }
  }

  private void account(Scenario s) {
    Account a = s.account();
    line(0, "account:");
    line(1, "autoTtl: " + a.autoTtlSeconds());
    line(1, "nameservers: " + s.nameservers());
    line(1, "propagation: " + propagation(s.propagation()));
    line(1, "saasFallbackOriginIncluded: " + a.settings().saasFallbackOriginIncluded());
    line(1, "ipv6Compatibility: " + a.settings().ipv6Compatibility());
    if (!a.anycastV4().equals(Account.defaultAnycastV4()) || !a.anycastV6().equals(Account.defaultAnycastV6())) {
      line(1, "anycast:");
      line(2, "ipv4: " + addresses(a.anycastV4()));
      line(2, "ipv6: " + addresses(a.anycastV6()));
    }
    line(1, "zones:");
    for (Zone z : a.zones()) {
      zone(z, 2);
    }
    if (!a.externalZones().isEmpty()) {
      line(0, "external:");
      for (Zone z : a.externalZones()) {
        zone(z, 1);
      }
    }
  }

  private void zone(Zone z, int indent) {
    line(indent, "- name: " + z.apex().toString(true));
    if (!z.soa().equals(Soa.CLOUDFLARE_DEFAULT)) {
      line(indent + 1, "soa: { ttl: " + z.soa().ttlSeconds() + ", minimum: " + z.soa().minimumSeconds() + " }");
    }
    if (z.records().isEmpty()) {
      line(indent + 1, "records: []");
      return;
    }
    line(indent + 1, "records:");
    for (DnsRecord r : z.records()) {
      line(indent + 2, "- " + record(r, z.apex()));
    }
  }

  private static String record(DnsRecord r, Name apex) {
    Name owner = r.record().getName();
    List<String> fields = new ArrayList<>();
    fields.add("name: " + (owner.equals(apex) ? "\"@\"" : owner.toString(true)));
    fields.add("type: " + Type.string(r.type()));
    String content;
    if (r.record() instanceof CNAMERecord c) {
      content = c.getTarget().toString(true);
    } else if (r.record() instanceof AAAARecord a) {
      content = address(a.getAddress());
    } else {
      content = address(((ARecord) r.record()).getAddress());
    }
    fields.add("content: " + (r.type() == Type.AAAA ? quote(content) : content));
    if (!r.isAutoTtl()) {
      fields.add("ttl: " + r.record().getTTL());
    }
    if (r.proxied()) {
      fields.add("proxied: true");
    }
    if (r.category() != Category.REGULAR) {
      fields.add("category: " + r.category().key());
    }
    if (r.flatten()) {
      fields.add("flatten: true");
    }
    return "{ " + String.join(", ", fields) + " }";
  }

  private void resolvers(List<ResolverGroup> groups) {
    line(0, "resolvers:");
    for (ResolverGroup g : groups) {
      ResolverPreset preset = Traits.resolverPreset(g.kind()).orElse(null);
      boolean named = preset != null && !(g.kind().equals(DEFAULT_RESOLVER));
      ResolverPreset base = preset != null ? preset : Presets.resolver(DEFAULT_RESOLVER).orElseThrow();
      line(1, "- name: " + quote(g.name()));
      line(2, "count: " + g.count());
      if (named) {
        line(2, "preset: " + preset.name());
      }
      if (g.isForwarder()) {
        line(2, "forwardTo: " + quote(g.forwardTo()));
      }
      if (g.backends() != base.backends()) {
        line(2, "backends: " + g.backends());
      }
      if (g.choice() != base.choice()) {
        line(2, "choice: " + g.choice().key());
      }
      ResolverBehaviour b = g.behaviour();
      ResolverBehaviour from = base.behaviour();
      String clamps = clamps(b.clamps(), from.clamps());
      if (!clamps.isEmpty()) {
        line(2, "clamps: { " + clamps + " }");
      }
      if (!b.serveStale().equals(from.serveStale())) {
        line(2, "serveStale: " + serveStale(b.serveStale()));
      }
      if (!b.prefetch().equals(from.prefetch())) {
        line(2, "prefetch: " + prefetch(b.prefetch()));
      }
      if (b.passOriginalTtl() != from.passOriginalTtl()) {
        line(2, "passOriginalTtl: " + b.passOriginalTtl());
      }
      if (b.capacity() != from.capacity()) {
        line(2, "capacity: " + b.capacity());
      }
      if (b.clock() != from.clock()) {
        line(2, "clock: " + b.clock().key());
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
    String timeout = s.clientTimeoutMs() == ServeStale.CLIENT_TIMEOUT_OFF ? "off" : duration(s.clientTimeoutMs());
    return "{ replyTtl: " + s.replyTtlS() + ", maxStale: " + s.maxStaleS() + "s, clientTimeout: " + timeout
        + ", refreshRetry: " + duration(s.refreshRetryMs()) + ", resetOnFailure: " + s.resetOnFailure()
        + ", replyTtlCappedByOriginal: " + s.replyTtlCappedByOriginal() + " }";
  }

  private static String prefetch(Prefetch p) {
    if (p instanceof Prefetch.Unbound) {
      return "unbound";
    }
    if (p instanceof Prefetch.Knot) {
      return "knot";
    }
    if (p instanceof Prefetch.Bind b) {
      return "{ bind: { trigger: " + b.triggerS() + ", eligible: " + b.eligibleS() + " } }";
    }
    if (p instanceof Prefetch.Pdns d) {
      return "{ pdns: " + d.percent() + " }";
    }
    return "off";
  }

  private void clients(List<ClientGroup> groups) {
    line(0, "clients:");
    for (ClientGroup c : groups) {
      ClientPreset preset = Traits.clientPreset(c.kind()).orElse(null);
      boolean named = preset != null && !c.kind().equals(DEFAULT_CLIENT);
      ClientBehaviour base = (preset != null ? preset : Presets.client(DEFAULT_CLIENT).orElseThrow()).behaviour();
      line(1, "- name: " + quote(c.name()));
      line(2, "count: " + c.count());
      line(2, "queriesPerSecond: " + c.queriesPerSecond());
      if (!c.resolverShares().isEmpty()) {
        List<String> shares = new ArrayList<>();
        for (Map.Entry<String, Double> e : c.resolverShares().entrySet()) {
          shares.add(quote(e.getKey()) + ": " + e.getValue());
        }
        line(2, "resolvers: { " + String.join(", ", shares) + " }");
      }
      if (named) {
        line(2, "preset: " + preset.name());
      }
      ClientBehaviour b = c.behaviour();
      if (!b.cache().equals(base.cache())) {
        line(2, "cache: " + cache(b.cache()));
      }
      if (b.connectionMeanMs() != base.connectionMeanMs()) {
        line(2, "connections: " + duration(b.connectionMeanMs()));
      }
      if (b.dualStack() != base.dualStack()) {
        line(2, "dualStack: " + b.dualStack());
      }
      line(2, "questions:");
      for (WeightedQuestion q : c.questions()) {
        line(3, "- { name: " + q.question().name().toString(true) + ", type: " + Type.string(q.question().type())
            + ", weight: " + q.weight() + " }");
      }
    }
  }

  private static String cache(ClientCache cache) {
    if (cache instanceof ClientCache.TtlHonouring t) {
      return "{ ttl: { cap: " + t.capS() + ", negativeCap: " + t.negativeCapS() + " } }";
    }
    if (cache instanceof ClientCache.Fixed f) {
      return "{ fixed: { positive: " + f.positiveS() + "s, negative: " + f.negativeS() + "s } }";
    }
    if (cache instanceof ClientCache.AtLeast a) {
      return "{ atLeast: " + a.floorS() + "s }";
    }
    if (cache instanceof ClientCache.Grace g) {
      return "{ grace: { lifetime: " + (g.fixedS() == 0 ? "ttl" : g.fixedS() + "s") + ", grace: " + g.graceS()
          + "s } }";
    }
    return "none";
  }

  private void expectation(Expectation e) {
    Unit unit = TransitionStats.metricUnits().get(e.metric());
    StringBuilder sb = new StringBuilder("- { switch: " + e.selector() + ", metric: " + e.metric());
    if (e.atMost() != null) {
      sb.append(", atMost: ").append(bound(e.atMost(), unit));
    }
    if (e.atLeast() != null) {
      sb.append(", atLeast: ").append(bound(e.atLeast(), unit));
    }
    line(1, sb.append(" }").toString());
  }

  private static String bound(double value, Unit unit) {
    if (unit == Unit.DURATION_MS) {
      return duration(Math.round(value));
    }
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  private static String propagation(Propagation p) {
    if (p instanceof Propagation.Fixed f) {
      return "{ fixed: " + duration(f.delayMs()) + " }";
    }
    Propagation.Uniform u = (Propagation.Uniform) p;
    return "{ uniform: [" + duration(u.minMs()) + ", " + duration(u.maxMs()) + "] }";
  }

  private static String initialCache(InitialCache c) {
    return switch (c.mode()) {
      case STEADY -> "steady";
      case COLD -> "cold";
      case WARMUP -> "warmup " + duration(c.warmupMs());
    };
  }

  private static String addresses(List<InetAddress> list) {
    List<String> out = new ArrayList<>();
    for (InetAddress a : list) {
      out.add(quote(address(a)));
    }
    return "[" + String.join(", ", out) + "]";
  }

  /** An address as people write it: IPv6 with its longest run of zero groups as "::" (RFC 5952). */
  static String address(InetAddress a) {
    byte[] b = a.getAddress();
    if (b.length == 4) {
      return a.getHostAddress();
    }
    int[] words = new int[8];
    for (int i = 0; i < 8; i++) {
      words[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      if (words[i] != 0) {
        i++;
        continue;
      }
      int j = i;
      while (j < 8 && words[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j;
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        sb.append("::");
        i += bestLength - 1;
        continue;
      }
      if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
        sb.append(':');
      }
      sb.append(Integer.toHexString(words[i]));
    }
    return sb.toString();
  }

  /** A duration with the largest unit that keeps it exact. */
  static String duration(long ms) {
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }

  /** A YAML double-quoted string. */
  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private void line(int indent, String text) {
    out.append("  ".repeat(indent)).append(text).append('\n');
  }
}
